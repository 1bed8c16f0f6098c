import type { ExerciseId, Side } from '../engine/events'
import type { ProgressSession, ProgressSet } from './types'

/** Builders for progress tests: a set part with sensible zeros, and a session on a given day. */
export function part(exercise: ExerciseId, fields: Partial<ProgressSet> = {}): ProgressSet {
  return {
    exercise,
    set: 1,
    side: null,
    variant: null,
    bandColour: null,
    loaded: false,
    reps: 0,
    repsWithCues: 0,
    warnings: 0,
    longestHoldSeconds: 0,
    holdWarnings: 0,
    ...fields
  }
}

/** `sets` clean parts of `reps` reps, on each of `sides` (one unsided part per set when sides is [null]). */
export function cleanSets(exercise: ExerciseId, sets: number, reps: number, sides: (Side | null)[] = [null], extra: Partial<ProgressSet> = {}): ProgressSet[] {
  const out: ProgressSet[] = []
  for (let set = 1; set <= sets; set++) for (const side of sides) out.push(part(exercise, { set, side, reps, ...extra }))
  return out
}

const DAY_MS = 86_400_000

/** A session `day` days after 2025-01-01, with id `s<day>`. */
export function session(day: number, sets: ProgressSet[]): ProgressSession {
  return { id: `s${day}`, startedAt: Date.UTC(2025, 0, 1) + day * DAY_MS, sets }
}
