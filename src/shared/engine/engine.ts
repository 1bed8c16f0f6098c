/**
 * The form engine: PoseFrames in, EngineEvents out. Per frame it smooths keypoints, settles the
 * camera view, gates on the exercise's required joints and only then lets the exercise judge.
 */
import { getExercise } from '../exercises/index'
import type { ExerciseOptions } from '../exercises/types'
import { KeypointSmoother } from '../pose/smoothing'
import type { PoseFrame } from '../pose/types'
import { createBody, maskOutOfFrame, minScoreForFrame } from './body'
import { RollTracker } from './cameraRoll'
import { derollFrame } from './levelFrame'
import { ExerciseRecogniser } from './recognise'
import type { EngineEvent, ExerciseId } from './events'
import { isInterruptible } from './tracker'
import { ViewTracker } from './view'
import { BLAZEPOSE_KEYPOINTS } from '../pose/types'
import { CueScopeTracker } from './cueScope'
import { VisibilityGate } from './visibility'
import { viewKind, COUNTING_VIEWS } from './viewScope'

export interface EngineOptions extends ExerciseOptions {
  /**
   * Keypoints scored below this count as unseen, 0..1. Leave it out: it is then chosen per frame from
   * the model that produced it (MoveNet's 17 keypoints 0.3, BlazePose's 33 keypoints 0.5).
   */
  minKeypointScore?: number
}

export interface Engine {
  /** Judges one frame; frames must arrive in timestamp order. */
  push(frame: PoseFrame): EngineEvent[]
  /** Ends the set: closes an open hold and clears active cues. */
  finish(): EngineEvent[]
  /** Forgets everything (a new set). */
  reset(): void
}

/**
 * Joints out of sight this long end the rep in progress (or pause the hold): the same half second the rep
 * tracker allows a missing signal. Shorter dropouts only skip frames, so a wrist hidden under the body at
 * the bottom of a push-up (MoveNet, ~0.4 s) does not cost the rep.
 */
export const TRACKING_LOSS_MS = 500
/** The roll tracker settles in ~1.7–3.4 s; past this, recognition is said even where no roll evidence comes. */
export const RECOGNITION_GRACE_MS = 4000

export function createEngine(exercise: ExerciseId, options: EngineOptions = {}): Engine {
  const definition = getExercise(exercise)
  const tracker = definition.createTracker(options)
  const smoother = new KeypointSmoother()
  const view = new ViewTracker()
  const gate = new VisibilityGate(definition.requiredJoints, BLAZEPOSE_KEYPOINTS)
  const scope = new CueScopeTracker(definition.cueIds)
  const roll = new RollTracker({ exercise })
  const recogniser = new ExerciseRecogniser(exercise)
  let lastMs: number | null = null
  let lastOkMs: number | null = null
  let interrupted = true
  let firstMs: number | null = null
  let heldExercise: EngineEvent | null = null

  return {
    push(frame) {
      if (lastMs !== null && frame.timestampMs < lastMs) {
        throw new Error(`Frame at ${frame.timestampMs} ms arrived after ${lastMs} ms; expected frames in timestamp order`)
      }
      lastMs = frame.timestampMs
      const smoothed = smoother.apply(frame)
      const minScore = options.minKeypointScore ?? minScoreForFrame(frame)
      const raw = createBody(smoothed, { minScore })
      const events: EngineEvent[] = [...view.update(raw), ...roll.update(raw)]
      const kind = viewKind(view.reading)
      const sideways = roll.reading?.state === 'sideways'
      events.push(...gate.update(raw, { meanLuminance: frame.meanLuminance, sideways, wrongView: kind !== null && !COUNTING_VIEWS[exercise].includes(kind) }))
      // Image-axis rules read a levelled frame: the camera's roll undone (keypoints outside its own picture masked first).
      const correction = roll.correctionDeg
      const body = correction === 0
        ? createBody(smoothed, { minScore, view: view.reading })
        : createBody(derollFrame(maskOutOfFrame(smoothed), correction), { minScore, view: view.reading, inFrameCheck: false })
      events.push(...scope.update(body.tMs, view.reading))
      // Every frame, judged or not: a runner doing another exercise usually fails this one's gate. What it
      // recognises is only said once the camera's roll is known (a picture on its side makes a standing
      // runner look like a side plank), or after RECOGNITION_GRACE_MS for exercises that give no roll evidence.
      firstMs ??= frame.timestampMs
      const recognised = recogniser.update(body, roll.reading?.state ?? null).filter((e) => e.type === 'exercise')
      if (recognised.length > 0) heldExercise = recognised[recognised.length - 1]
      if (heldExercise && (roll.reading !== null || frame.timestampMs - firstMs >= RECOGNITION_GRACE_MS)) {
        if (!(roll.reading?.state === 'sideways')) events.push(heldExercise)
        heldExercise = null
      }
      if (gate.isOk) {
        lastOkMs = frame.timestampMs
        interrupted = false
        events.push(...tracker.update(body))
      } else if (!interrupted && lastOkMs !== null && frame.timestampMs - lastOkMs >= TRACKING_LOSS_MS) {
        interrupted = true
        if (isInterruptible(tracker)) events.push(...tracker.interrupt(frame.timestampMs, 'joints out of sight'))
      }
      return events
    },
    finish() {
      return lastMs === null ? [] : tracker.finish(lastMs)
    },
    reset() {
      tracker.reset()
      smoother.reset()
      view.reset()
      gate.reset()
      scope.reset()
      roll.reset()
      recogniser.reset()
      lastMs = null
      lastOkMs = null
      firstMs = null
      heldExercise = null
      interrupted = true
    }
  }
}
