import { EXERCISE_IDS } from '../engine/events'
import { RULES } from './rules'
import { exerciseSessions } from './streak'
import type { ProgressSession, ProgressionSuggestion } from './types'

/**
 * The routine's next steps the runner has earned: at most one per exercise, in routine order,
 * each naming the sessions that earned it.
 */
export function suggestProgressions(sessions: readonly ProgressSession[]): ProgressionSuggestion[] {
  const out: ProgressionSuggestion[] = []
  for (const exercise of EXERCISE_IDS) {
    const history = exerciseSessions(sessions, exercise)
    if (history.length === 0) continue
    const suggestion = RULES[exercise](history)
    if (suggestion) out.push(suggestion)
  }
  return out
}
