/**
 * What the engine may ask of an exercise tracker beyond the ExerciseTracker contract.
 */
import type { ExerciseTracker } from '../exercises/types'
import type { EngineEvent } from './events'

/**
 * A tracker that can be told judging stopped (joints out of sight): it drops a rep in progress and
 * pauses a hold with `reason`, instead of guessing across the gap. Times in ms on the frame clock.
 */
export interface InterruptibleTracker extends ExerciseTracker {
  interrupt(tMs: number, reason: string): EngineEvent[]
}

export function isInterruptible(t: ExerciseTracker): t is InterruptibleTracker {
  return typeof (t as Partial<InterruptibleTracker>).interrupt === 'function'
}

/**
 * The live reading of an exercise's main angle, the one its reps are counted on (knee in a squat, elbow
 * in a push-up), for a range-of-motion display. Degrees, on the latest judged frame.
 */
export interface RangeOfMotion {
  /** The main angle now, degrees. */
  deg: number
  /** The angle at rest: the runner's own, measured from their rests; the exercise's fixed back-at-rest line until one is measured. Degrees. */
  restDeg: number
  /** The angle a rep must reach to count (working depth, from the runner's rest where measured), degrees. */
  depthDeg: number
  /** 'flex': the angle shrinks into the rep (a squat's knee); 'extend': it grows (a glute bridge's hip). */
  direction: 'flex' | 'extend'
}

/** A tracker that reports its main angle live (rep trackers do); null while it has no reading. */
export interface RangeOfMotionTracker extends ExerciseTracker {
  readonly rangeOfMotion: RangeOfMotion | null
}

export function readsRangeOfMotion(t: ExerciseTracker): t is RangeOfMotionTracker {
  return 'rangeOfMotion' in t
}
