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
