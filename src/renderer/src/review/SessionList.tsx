import { useState } from 'react'
import { api } from '../api'
import type { SessionListItem } from '../../../shared/session/types'
import { ExportButtons } from './ExportButtons'
import { formatDateTime, formatSeconds } from './format'
import { exerciseName } from './names'
import { useResult } from './useResult'

/** Every saved session, newest first; damaged ones listed with why, never hidden. */
export function SessionList({ onOpen }: { onOpen: (id: string) => void }) {
  const [loaded, reload] = useResult('list', () => api.listSessions())
  if (loaded.state === 'loading') return <p className="review-note">Loading sessions…</p>
  if (loaded.state === 'failed') return <p className="review-error" role="alert">{loaded.error}</p>
  // Ids begin with the UTC start time ("s-YYYYMMDD-HHMMSS-…"), so they sort damaged sessions too.
  const sessions = [...loaded.value].sort((a, b) => b.id.localeCompare(a.id))
  return (
    <section className="review-list" aria-label="Saved sessions">
      <header className="review-header">
        <h1>Sessions</h1>
        <ExportButtons />
      </header>
      {sessions.length === 0 ? (
        <p className="review-note">No sessions saved yet. Finish a workout and it appears here.</p>
      ) : (
        <table className="review-table">
          <thead>
            <tr>
              <th>Date</th><th>Session</th><th>Exercises</th><th>Reps</th><th>Hold time</th><th>Warnings</th><th />
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <SessionRow key={s.id} item={s} onOpen={onOpen} onDeleted={reload} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function SessionRow({ item, onOpen, onDeleted }: { item: SessionListItem; onOpen: (id: string) => void; onDeleted: () => void }) {
  if (item.state === 'damaged') {
    return (
      <tr className="review-row damaged" data-session-id={item.id}>
        <td>{item.id}</td>
        <td colSpan={5}>
          <span className="badge damaged">Damaged</span> {item.reason}
        </td>
        <td><DeleteButton id={item.id} onDeleted={onDeleted} /></td>
      </tr>
    )
  }
  if (item.state === 'active') {
    return (
      <tr className="review-row active" data-session-id={item.id}>
        <td>{formatDateTime(item.startedAt)}</td>
        <td colSpan={5}>{item.title} <span className="badge">In progress</span></td>
        {/* Open at any time: it shows what is saved so far (issue 11, item 8). */}
        <td className="actions"><button onClick={() => onOpen(item.id)}>Open</button></td>
      </tr>
    )
  }
  return (
    <tr className={`review-row ${item.state}`} data-session-id={item.id}>
      <td>{formatDateTime(item.startedAt)}</td>
      <td>
        {item.title}
        {item.state === 'recovered' && (
          <span className="badge recovered" title="The app stopped before this session was finished; it was rebuilt from what was saved.">
            Recovered
          </span>
        )}
      </td>
      <td>{item.exercises.map(exerciseName).join(', ') || '–'}</td>
      <td className="num">{item.repCount}</td>
      <td className="num">{item.holdSeconds > 0 ? formatSeconds(item.holdSeconds) : '–'}</td>
      <td className="num">{item.warningCount}</td>
      <td className="actions">
        <button onClick={() => onOpen(item.id)}>Open</button>
        <DeleteButton id={item.id} onDeleted={onDeleted} />
      </td>
    </tr>
  )
}

/** Delete asks once more, in place, before anything is removed. */
function DeleteButton({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!confirming) return <button onClick={() => setConfirming(true)}>Delete</button>
  const remove = async () => {
    const result = await api.deleteSession(id)
    if (result.ok) onDeleted()
    else setError(result.error)
  }
  return (
    <span className="review-confirm" role="group" aria-label="Confirm delete">
      Delete for good?{' '}
      <button className="danger" onClick={remove}>Yes, delete</button>
      <button onClick={() => setConfirming(false)}>Keep</button>
      {error && <span className="review-error" role="alert">{error}</span>}
    </span>
  )
}
