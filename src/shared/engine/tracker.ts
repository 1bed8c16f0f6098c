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
 * The live reading of an exercise's range of motion, for a range-of-motion display, on the latest judged
 * frame. Most exercises read the joint angle their reps are counted on (knee in a squat, elbow in a
 * push-up, hip in a glute bridge), in degrees; where the rep is a travel of the body rather than one joint
 * angle (the hips rising onto a step, the feet stepping apart) it is a distance in the runner's own shin
 * lengths (shin = knee-to-ankle in the image, so it does not depend on how far away the camera is).
 */
export interface RangeOfMotion {
  /** 'deg' = a joint angle, degrees; 'shin' = a distance, in shin lengths. Every number below is in it. */
  unit: 'deg' | 'shin'
  /** The reading now. */
  value: number
  /** The reading at rest: the runner's own, measured from their rests where the exercise measures one; else the exercise's back-at-rest line. */
  rest: number
  /** The line a rep must reach (working depth; the routine's target where it asks for more than the count does). */
  target: number
  /** 'flex': the reading falls into the rep (a squat's knee); 'extend': it grows (a glute bridge's hip, a step's width). */
  direction: 'flex' | 'extend'
}

/** A tracker that reports its range of motion live (rep trackers do); null while it has no reading. */
export interface RangeOfMotionTracker extends ExerciseTracker {
  readonly rangeOfMotion: RangeOfMotion | null
}

export function readsRangeOfMotion(t: ExerciseTracker): t is RangeOfMotionTracker {
  return 'rangeOfMotion' in t
}
