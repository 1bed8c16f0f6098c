import type { Side } from '../engine/events'
import type { ProgressSet } from './types'

/**
 * What "met with clean form" means, as named thresholds. The routine asks for clean form but
 * gives no number; these are the lines RevUp draws.
 */

/** At most 1 rep in 10 may carry a cue: one slip in a set is noise, more is a pattern. */
export const MAX_CUED_REP_FRACTION = 0.1

/** A hold may carry one cue and still count: one brief correction in a minute is still a clean hold. */
export const MAX_HOLD_WARNINGS = 1

/** Whether a set part has at least `minReps` reps with clean form. */
export function cleanRepPart(part: ProgressSet, minReps: number): boolean {
  return part.reps >= minReps && part.repsWithCues <= Math.floor(part.reps * MAX_CUED_REP_FRACTION)
}

/** Whether a set part held at least `seconds` of good form in one hold, with at most MAX_HOLD_WARNINGS cues. */
export function cleanHoldPart(part: ProgressSet, seconds: number): boolean {
  return part.longestHoldSeconds >= seconds && part.holdWarnings <= MAX_HOLD_WARNINGS
}

/** The sides a prescription must be met on: both when any part was sided, else the one unsided part. */
function sidesOf(parts: readonly ProgressSet[]): (Side | null)[] {
  return parts.some((p) => p.side !== null) ? ['left', 'right'] : [null]
}

/**
 * Whether `sets` clean set parts of at least `reps` reps were done on every side
 * (each leg / direction when the parts are sided), e.g. 2×10 per leg.
 */
export function metReps(parts: readonly ProgressSet[], sets: number, reps: number): boolean {
  if (parts.length === 0) return false
  return sidesOf(parts).every((side) => parts.filter((p) => p.side === side && cleanRepPart(p, reps)).length >= sets)
}

/** Whether a clean hold of at least `seconds` was made on every side (each side for side planks). */
export function metHold(parts: readonly ProgressSet[], seconds: number): boolean {
  if (parts.length === 0) return false
  return sidesOf(parts).every((side) => parts.some((p) => p.side === side && cleanHoldPart(p, seconds)))
}

/** The longest clean hold on the weaker side (or the only side), seconds; 0 when none was clean. */
export function weakestSideHold(parts: readonly ProgressSet[]): number {
  if (parts.length === 0) return 0
  const best = (side: Side | null): number =>
    Math.max(0, ...parts.filter((p) => p.side === side && p.holdWarnings <= MAX_HOLD_WARNINGS).map((p) => p.longestHoldSeconds))
  return Math.min(...sidesOf(parts).map(best))
}

/** The most reps in one clean set part, 0 when none was clean. */
export function bestCleanReps(parts: readonly ProgressSet[]): number {
  return Math.max(0, ...parts.filter((p) => cleanRepPart(p, 1)).map((p) => p.reps))
}
