import type { ProgressionSuggestion } from '../../../shared/progress'
import { formatDateTime } from '../review/format'

/** The next steps the runner has earned, each with the sessions that earned it (click to open). */
export function SuggestionList({
  suggestions,
  startedAt,
  onOpen
}: {
  suggestions: readonly ProgressionSuggestion[]
  /** Session start per id, ms since the epoch, to name the evidence by date. */
  startedAt: ReadonlyMap<string, number>
  onOpen: (sessionId: string) => void
}) {
  if (suggestions.length === 0) {
    return <p className="review-note">No new step yet: meet an exercise's prescription with clean form and the next step appears here.</p>
  }
  return (
    <ul className="progress-suggestions" aria-label="Suggestions">
      {suggestions.map((s) => (
        <li key={s.id} data-suggestion-id={s.id}>
          <strong>{s.text}</strong>
          <div className="review-note">
            {s.evidenceText} Evidence:{' '}
            {s.evidence.map((id) => (
              <button key={id} className="link" onClick={() => onOpen(id)}>
                {startedAt.has(id) ? formatDateTime(startedAt.get(id) ?? 0) : id}
              </button>
            ))}
          </div>
        </li>
      ))}
    </ul>
  )
}
