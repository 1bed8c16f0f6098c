/**
 * The form engine: PoseFrames in, EngineEvents out. Per frame it smooths keypoints; settles the camera's
 * view and roll; says why it cannot judge (nobody, dark, on its side, filmed from above, joints out of the
 * picture or hidden, wrong view) and which cues the view cannot show; recognises the exercise being done; and only when the
 * joints it needs are seen lets the exercise judge a levelled frame.
 */
import { getExercise } from '../exercises/index'
import type { ExerciseOptions } from '../exercises/types'
import { KeypointSmoother } from '../pose/smoothing'
import { BLAZEPOSE_KEYPOINTS, type PoseFrame } from '../pose/types'
import { createBody, minScoreForFrame } from './body'
import { RollTracker, pictureTurned, postureFamily } from './cameraRoll'
import { DEFAULT_CUE_DEBOUNCE, activeCues, clearAllCues, cueTransition, type CueState } from './cueDebouncer'
import { CueScopeTracker } from './cueScope'
import type { EngineEvent, ExerciseId } from './events'
import { CUES } from './cues'
import { levelledBody, rollCorrectionDeg, tooTiltedToJudge } from './levelling'
import { CameraAboveTracker } from './overhead'
import { ExerciseRecogniser } from './recognise'
import { RecognitionAnnouncer } from './recognitionAnnouncer'
import { isInterruptible, readsRangeOfMotion, type RangeOfMotion } from './tracker'
import { ViewTracker } from './view'
import { COUNTING_VIEWS, viewKind } from './viewScope'
import { UNTRUSTED_LUMINANCE, VisibilityGate } from './visibility'

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
  /**
   * The exercise's range of motion on the latest frame pushed (its main angle in degrees, or a travel in
   * shin lengths), with its rest and target lines, for a live range-of-motion bar; null when that frame
   * was not judged or the exercise has no such reading.
   */
  readonly rangeOfMotion?: RangeOfMotion | null
}

/**
 * Joints out of sight this long end the rep in progress (or pause the hold): the same half second the rep
 * tracker allows a missing signal. Shorter dropouts only skip frames, so a wrist hidden under the body at
 * the bottom of a push-up (MoveNet, ~0.4 s) does not cost the rep.
 */
export const TRACKING_LOSS_MS = 500
export function createEngine(exercise: ExerciseId, options: EngineOptions = {}): Engine {
  const definition = getExercise(exercise)
  const tracker = definition.createTracker(options)
  const smoother = new KeypointSmoother()
  const view = new ViewTracker()
  const gate = new VisibilityGate(definition.requiredJoints, BLAZEPOSE_KEYPOINTS)
  const scope = new CueScopeTracker(definition.cueIds)
  const roll = new RollTracker({ exercise })
  // Only an exercise done on the floor can be filmed from above by mistake; standing, the same reading is a front view.
  const above = postureFamily(exercise) === 'floor' ? new CameraAboveTracker() : null
  let aboveCues: CueState = {}
  const recogniser = new ExerciseRecogniser(exercise)
  const announcer = new RecognitionAnnouncer()
  let lastMs: number | null = null
  let lastOkMs: number | null = null
  let interrupted = true
  let rangeOfMotion: RangeOfMotion | null = null

  return {
    get rangeOfMotion() {
      return rangeOfMotion
    },
    push(frame) {
      if (lastMs !== null && frame.timestampMs < lastMs) {
        throw new Error(`Frame at ${frame.timestampMs} ms arrived after ${lastMs} ms; expected frames in timestamp order`)
      }
      lastMs = frame.timestampMs
      const smoothed = smoother.apply(frame)
      const minScore = options.minKeypointScore ?? minScoreForFrame(frame)
      const raw = createBody(smoothed, { minScore })
      const events: EngineEvent[] = view.update(raw)
      // Too dark to trust (visibility.ts): no roll, recognition or judgement is read off this frame.
      const untrusted = frame.meanLuminance !== undefined && frame.meanLuminance < UNTRUSTED_LUMINANCE
      // The roll is read off the camera's own frame, with the view just read (some evidence needs a side view).
      if (!untrusted) events.push(...roll.update(createBody(smoothed, { minScore, view: view.reading })))
      rangeOfMotion = null
      const kind = viewKind(view.reading)
      const cameraAbove = above?.update(raw, smoothed.worldLandmarks) ?? false
      events.push(...gate.update(raw, {
        meanLuminance: frame.meanLuminance,
        turned: pictureTurned(roll.reading?.state),
        cameraAbove,
        wrongView: kind !== null && !COUNTING_VIEWS[exercise].includes(kind)
      }))
      const body = levelledBody(smoothed, rollCorrectionDeg(roll), { minScore, view: view.reading, uprightKnown: roll.estimateDeg !== null })
      events.push(...scope.update(body.tMs, view.reading))
      // Every frame, judged or not: a runner doing another exercise usually fails this one's gate. But not a
      // body cut by the picture's edge: legs without feet look like a seated row, a torso like anything.
      const partial = gate.reason === 'out-of-frame'
      const recognised = untrusted || partial ? [] : recogniser.update(body, roll.reading?.state ?? null)
      events.push(...announcer.update(body.tMs, recognised, roll.reading))
      if (gate.isOk) {
        lastOkMs = frame.timestampMs
        interrupted = false
        const counted = tracker.update(body)
        // Tilted past what is undone: the count goes on (the camera event says to level the laptop), and form is
        // not judged unless the exercise's rules never read the image's axes.
        const formHeldBack = tooTiltedToJudge(roll) && !definition.rollInvariantForm
        events.push(...(formHeldBack ? withoutFormCues(counted) : counted))
        if (readsRangeOfMotion(tracker)) rangeOfMotion = tracker.rangeOfMotion
      } else if (!interrupted && lastOkMs !== null && frame.timestampMs - lastOkMs >= TRACKING_LOSS_MS) {
        interrupted = true
        if (isInterruptible(tracker)) events.push(...tracker.interrupt(frame.timestampMs, 'joints out of sight'))
      }
      // Nothing is counted from above, but what the picture shows there is still said.
      const fromAbove = cameraAbove && definition.fromAbove ? definition.fromAbove.faults(body) : null
      if (fromAbove && definition.fromAbove) {
        const t = cueTransition(DEFAULT_CUE_DEBOUNCE, aboveCues, { tMs: body.tMs, faults: fromAbove, judged: definition.fromAbove.cueIds })
        aboveCues = t.state
        events.push(...t.events)
      } else if (!cameraAbove && activeCues(aboveCues).length > 0) {
        // The camera was moved: what was said about the view from above no longer stands.
        const cleared = clearAllCues(aboveCues, body.tMs)
        aboveCues = cleared.state
        events.push(...cleared.events)
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
      above?.reset()
      aboveCues = {}
      recogniser.reset()
      announcer.reset()
      lastMs = null
      lastOkMs = null
      interrupted = true
      rangeOfMotion = null
    }
  }
}

/** Form cues taken out of a tracker's events (raised cues and the reps' cue lists); routine reminders stay. */
function withoutFormCues(events: EngineEvent[]): EngineEvent[] {
  const form = (id: string): boolean => CUES[id]?.kind !== 'routine'
  return events.flatMap((e): EngineEvent[] => {
    if (e.type === 'cue' && e.phase === 'raised' && form(e.id)) return []
    if (e.type === 'rep') return [{ ...e, cues: e.cues.filter((id) => !form(id)) }]
    return [e]
  })
}
