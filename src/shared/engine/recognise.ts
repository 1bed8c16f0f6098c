/**
 * Which of the ten routine exercises the runner is doing, from body position and movement over the last few
 * seconds (recogniseRules.ts), settled before it is said: the app offers "This looks like a plank: switch to
 * plank?" on the strength of it, so a guess must hold for a while, and "unsure" never replaces a settled one.
 *
 * Feed it levelled bodies (camera roll undone: levelFrame.ts), one per frame, in time order, with the camera's
 * roll state (cameraRoll.ts): a picture on its side cannot be read.
 */
import type { PoseFrame } from '../pose/types'
import { createBody, type Body } from './body'
import { pictureTurned } from './cameraRoll'
import type { BodyPosture, CameraRollState, EngineEvent, ExerciseId } from './events'
import { frameFeatures, type FrameFeatures } from './recogniseFeatures'
import { classifyWindow, type Verdict } from './recogniseRules'

/** Seconds of movement judged at once: one or two reps of the slowest exercise (a 6-count squat, a 3 s push-up). */
export const RECOGNITION_WINDOW_MS = 5000
/** A new verdict must hold this long before it is said (a rep's bottom lasts ~0.5 s; a flicker does not). */
export const RECOGNITION_SETTLE_MS = 600
/**
 * Once the movement has been recognised as the planned exercise, a neighbour in the same posture must hold for
 * a whole window before it is said: a squat in a lunge set, a plank in a push-up set (a pause at the top), a
 * bridge among heel taps. Neighbours are told apart by details one badly seen rep can hide or one pause can
 * mimic, and such a misread lasts well under a window; a runner changing exercise does it between sets. A change
 * of posture (down to the floor) is read from the whole body and said as soon as usual. Measured (Lite): a
 * front-view reverse lunge, recognised as lunges from its first rep, read as squats for 3.6 s after its second
 * rep's bottom went unseen behind the dumbbells (lunge_front_dumbbells_istock_sumukh), 1.4 s short of the window.
 */
export const CONFIRMED_PLAN_SETTLE_MS = RECOGNITION_WINDOW_MS

/**
 * Between consecutive frames the hips cannot move half a body scale (torso, shoulder width or shin, ~0.5 m:
 * ~7 m/s at 30 fps) nor the body's size change by a third: such a jump is a cut in edited footage, a zoom, or
 * another person, and the window starts again rather than mixing two scenes.
 */
export const CUT_MAX_HIP_JUMP = 0.5
export const CUT_MAX_SCALE_CHANGE = 1 / 3

/** Whether `b` cannot follow `a` as the same body in the same shot. */
function isCut(a: FrameFeatures, b: FrameFeatures): boolean {
  if (!a.hip || !b.hip || !a.scale || !b.scale) return false
  const jump = Math.hypot(b.hip.x - a.hip.x, b.hip.y - a.hip.y) / a.scale
  return jump > CUT_MAX_HIP_JUMP || Math.abs(b.scale - a.scale) / a.scale > CUT_MAX_SCALE_CHANGE
}

/** What the recogniser has settled on: the exercise (null = none of the ten) and the posture it was seen in. */
export interface Recognition {
  exercise: ExerciseId | null
  posture: BodyPosture
}

/** Settles which exercise the movement looks like and reports an 'exercise' event when that changes. */
export class ExerciseRecogniser {
  private frames: FrameFeatures[] = []
  private settled: Recognition | null = null
  private candidate: Verdict | null = null
  private candidateSinceMs = 0

  constructor(private readonly planned: ExerciseId) {}

  /** The settled recognition, or null before any (unsure so far). */
  get recognised(): Recognition | null {
    return this.settled
  }

  /**
   * `camera`: the roll tracker's settled state, when known. A picture on its side turns a standing runner into
   * one lying down (and a lunge's back leg into a bridge), so nothing is judged while it is on its side or upside down.
   */
  update(body: Body, camera: CameraRollState | null = null): EngineEvent[] {
    const t = body.tMs
    if (pictureTurned(camera)) {
      this.frames = []
      this.candidate = null
      return []
    }
    const features = frameFeatures(body)
    const previous = this.frames.findLast((f) => f.hip !== null && f.scale !== null)
    if (previous && isCut(previous, features)) this.frames = []
    this.frames.push(features)
    this.frames = this.frames.filter((f) => t - f.t <= RECOGNITION_WINDOW_MS && f.t <= t)
    const verdict = classifyWindow(this.frames)
    if (!verdict) {
      this.candidate = null
      return []
    }
    // The guess is the exercise: the same exercise seen in another posture is no news.
    if (this.settled && verdict.exercise === this.settled.exercise) {
      this.candidate = null
      return []
    }
    if (!this.candidate || this.candidate.exercise !== verdict.exercise) {
      this.candidate = verdict
      this.candidateSinceMs = t
    }
    const neighbourOfPlan = this.settled?.exercise === this.planned && verdict.posture === this.settled.posture
    const settleMs = neighbourOfPlan ? CONFIRMED_PLAN_SETTLE_MS : RECOGNITION_SETTLE_MS
    if (t - this.candidateSinceMs < settleMs) return []
    this.settled = { exercise: verdict.exercise, posture: verdict.posture }
    this.candidate = null
    return [{ type: 'exercise', t, recognised: verdict.exercise, planned: this.planned, posture: verdict.posture }]
  }

  reset(): void {
    this.frames = []
    this.settled = null
    this.candidate = null
  }
}

/** Recognition over a whole sequence of (levelled) frames: every 'exercise' event, and what was settled at the end. */
export function recogniseFrames(frames: readonly PoseFrame[], planned: ExerciseId): { events: Extract<EngineEvent, { type: 'exercise' }>[]; recognised: Recognition | null } {
  const recogniser = new ExerciseRecogniser(planned)
  const events: Extract<EngineEvent, { type: 'exercise' }>[] = []
  for (const frame of frames) {
    for (const e of recogniser.update(createBody(frame))) if (e.type === 'exercise') events.push(e)
  }
  return { events, recognised: recogniser.recognised }
}
