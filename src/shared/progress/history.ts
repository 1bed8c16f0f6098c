import type { ExerciseId } from '../engine/events'
import type { ProgressPoint, ProgressSession, ProgressSet } from './types'

/** The set parts of one exercise in one session, in the order done. */
export function setsOf(session: ProgressSession, exercise: ExerciseId): ProgressSet[] {
  return session.sets.filter((s) => s.exercise === exercise)
}

/** Sessions oldest first, so charts read left to right. */
export function byDate(sessions: readonly ProgressSession[]): ProgressSession[] {
  return [...sessions].sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id))
}

/** Reduces one exercise in one session to the numbers the progress chart plots; null when it was not done. */
export function progressPoint(session: ProgressSession, exercise: ExerciseId): ProgressPoint | null {
  const sets = setsOf(session, exercise)
  if (sets.length === 0) return null
  const reps = sets.reduce((n, s) => n + s.reps, 0)
  const repWarnings = sets.reduce((n, s) => n + (s.warnings - s.holdWarnings), 0)
  const longestHold = Math.max(0, ...sets.map((s) => s.longestHoldSeconds))
  return {
    sessionId: session.id,
    startedAt: session.startedAt,
    repsPerSet: sets.map((s) => s.reps),
    longestCleanHoldSeconds: longestHold > 0 ? longestHold : null,
    warningsPerRep: reps > 0 ? repWarnings / reps : null
  }
}

/** One exercise over time: a point per session that included it, oldest first. */
export function exerciseHistory(sessions: readonly ProgressSession[], exercise: ExerciseId): ProgressPoint[] {
  return byDate(sessions)
    .map((s) => progressPoint(s, exercise))
    .filter((p): p is ProgressPoint => p !== null)
}

/** Exercises that appear in any session, in first-done order. */
export function exercisesDone(sessions: readonly ProgressSession[]): ExerciseId[] {
  const seen = new Set<ExerciseId>()
  for (const session of byDate(sessions)) for (const set of session.sets) seen.add(set.exercise)
  return [...seen]
}
