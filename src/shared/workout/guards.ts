import type { ExerciseId } from '../engine/events'
import type { LiveSet, PlanStep, Presence } from './types'

/** Placement must stay green this long before the countdown starts, so a passing glimpse does not start a set. */
export const PLACEMENT_STEADY_MS = 1000
/** Countdown from a green placement check to the start of the set. */
export const COUNTDOWN_MS = 3000
/** Red this long cancels a countdown; shorter is a runner starting early (a squat shrinks them in frame). */
export const COUNTDOWN_ABORT_MS = 1000
/**
 * Gone (stood up from the floor / out of frame) this long pauses a set: long enough to survive a stumble
 * or a missed frame. A set is never ended by absence (a towel, a sip of water): it waits, paused.
 */
export const AWAY_PAUSE_MS = 2000
/** Back in position this long resumes a set that stepping out paused: a glimpse of the runner walking past is not enough. */
export const BACK_RESUME_MS = 1000
/** Rest between the two sides / legs / directions of one set: time to turn over or step across. */
export const SIDE_SWITCH_REST_SECONDS = 10
/**
 * A form cue stays on screen at least this long after it is raised, though the engine clears it sooner (a
 * fault called as a brief bottom ends, or at the end of its rep): a cue sentence is 6–10 words, about 2.5 s
 * read at ~4 words a second or said at ~170 words a minute, and a glance from the floor needs that long.
 */
export const CUE_MIN_SHOWN_MS = 2500

/** The cue shown now may leave the screen at t (the engine cleared it and CUE_MIN_SHOWN_MS has passed). */
export function cueShownLongEnough(live: LiveSet, t: number): boolean {
  return live.activeCueSinceMs === null || t - live.activeCueSinceMs >= CUE_MIN_SHOWN_MS
}

/** Exercises done lying, kneeling or propped on the floor: standing up from them means the set is over. */
const FLOOR_EXERCISES: ReadonlySet<ExerciseId> = new Set(['heel-taps', 'plank', 'side-plank', 'push-up', 'glute-bridge'])

export function isFloorExercise(exercise: ExerciseId): boolean {
  return FLOOR_EXERCISES.has(exercise)
}

/** Good-form hold time so far, ms. */
export function holdMs(live: LiveSet, t: number): number {
  return live.holdBankedMs + (live.holdRunningSinceMs === null ? 0 : Math.max(0, t - live.holdRunningSinceMs))
}

/** Placement has been green for long enough to start counting down. */
export function placementSteady(okSinceMs: number | null, t: number): boolean {
  return okSinceMs !== null && t - okSinceMs >= PLACEMENT_STEADY_MS
}

/** Every target the step sets (reps, hold, or both) is reached. */
export function targetMet(step: PlanStep, live: LiveSet, t: number): boolean {
  const repsDone = step.reps === null || live.reps >= step.reps
  const holdDone = step.holdSeconds === null || holdMs(live, t) >= step.holdSeconds * 1000
  return repsDone && holdDone
}

/** The runner looks gone for this exercise: out of frame, or standing up from a floor exercise. */
export function looksAway(exercise: ExerciseId, presence: Presence): boolean {
  return !presence.inFrame || (isFloorExercise(exercise) && presence.posture === 'standing')
}

/** The runner has been gone long enough to pause the set hands-free. */
export function runnerLeft(live: LiveSet, t: number): boolean {
  return live.awaySinceMs !== null && t - live.awaySinceMs >= AWAY_PAUSE_MS
}

/** A set that stepping out paused has seen the runner back in position long enough to go on. */
export function runnerBack(live: LiveSet, t: number): boolean {
  return live.steppedOut && live.backSinceMs !== null && t - live.backSinceMs >= BACK_RESUME_MS
}

/** The runner has been out of position long enough to cancel the countdown. */
export function outOfPosition(redSinceMs: number | null, t: number): boolean {
  return redSinceMs !== null && t - redSinceMs >= COUNTDOWN_ABORT_MS
}

export function timeUp(endsAtMs: number, t: number): boolean {
  return t >= endsAtMs
}
