import type { ExerciseId } from '../engine/events'
import { byDate, setsOf } from './history'
import type { ProgressSession, ProgressSet } from './types'

/** One exercise in one session: just its set parts. */
export interface ExerciseSession {
  id: string
  /** ms since the Unix epoch. */
  startedAt: number
  parts: ProgressSet[]
}

/** The sessions that did `exercise`, newest first, each with only that exercise's parts. */
export function exerciseSessions(sessions: readonly ProgressSession[], exercise: ExerciseId): ExerciseSession[] {
  return byDate(sessions)
    .reverse()
    .map((s) => ({ id: s.id, startedAt: s.startedAt, parts: setsOf(s, exercise) }))
    .filter((s) => s.parts.length > 0)
}

/**
 * The ids of the newest run of sessions at the same level (variant, band, load) as the latest one
 * that all met `met`: empty unless the latest session met it. A miss or a session at another level
 * ends the run, so a suggestion always rests on the runner's current form, not an old good day.
 */
export function metStreak(
  history: readonly ExerciseSession[],
  levelOf: (parts: readonly ProgressSet[]) => string,
  met: (parts: readonly ProgressSet[]) => boolean
): string[] {
  const latest = history[0]
  if (!latest) return []
  const level = levelOf(latest.parts)
  const ids: string[] = []
  for (const session of history) {
    if (levelOf(session.parts) !== level || !met(session.parts)) break
    ids.push(session.id)
  }
  return ids
}
