import { useMemo } from 'react'
import { api } from '../api'
import type { SessionRecord } from '../../../shared/session/types'
import { ExportButtons } from './ExportButtons'
import { formatDateTime, formatSeconds } from './format'
import { cueText } from './names'
import { sessionPoses } from './sessionPoses'
import { buildSetViews } from './setViews'
import { SetPanel } from './SetPanel'
import { useResult, type Loaded } from './useResult'

/**
 * One saved session: its facts, every set in detail, and export. The record comes first without
 * pose frames (tables at once), then again with them (charts and replay), since a long session's
 * frames run to megabytes.
 */
export function SessionDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const [loaded] = useResult(id, () => api.getSession(id))
  const [withPoses] = useResult(`${id}#poses`, () => api.getSession(id, { includePoses: true }))
  return (
    <section className="review-detail" aria-label="Session detail">
      <button className="review-back" onClick={onBack}>← All sessions</button>
      {loaded.state === 'loading' && <p className="review-note">Loading session…</p>}
      {loaded.state === 'failed' && <p className="review-error" role="alert">{loaded.error}</p>}
      {loaded.state === 'ready' && <SessionBody record={loaded.value} poses={withPoses} />}
    </section>
  )
}

function SessionBody({ record, poses: posesLoad }: { record: SessionRecord; poses: Loaded<SessionRecord> }) {
  const { file } = record
  const poseEntries = posesLoad.state === 'ready' ? posesLoad.value.entries : null
  const poses = useMemo(() => sessionPoses(poseEntries ?? []), [poseEntries])
  const views = useMemo(() => buildSetViews(record, poses), [record, poses])
  const posesNote =
    posesLoad.state === 'loading' ? 'Loading the saved pose frames…' : posesLoad.state === 'failed' ? `The pose frames could not be loaded: ${posesLoad.error}` : null
  const s = file.summary
  const warnings = s.warnings.reduce((n, w) => n + w.count, 0)
  return (
    <>
      <header className="review-header">
        <h1>
          {file.info.title}
          {file.status === 'recovered' && <span className="badge recovered">Recovered</span>}
          {file.status === 'in-progress' && <span className="badge" data-testid="in-progress">In progress</span>}
        </h1>
        <ExportButtons sessionId={file.id} />
      </header>
      <p className="review-facts">
        {formatDateTime(file.startedAt)} · {formatSeconds(s.durationSeconds)} · {s.repCount} reps
        {s.holdSeconds > 0 && ` · ${formatSeconds(s.holdSeconds)} held`} · {warnings} warning{warnings === 1 ? '' : 's'}
        {file.info.source === 'video' && file.info.videoName && ` · from video ${file.info.videoName}`}
      </p>
      {file.status === 'recovered' && (
        <p className="review-note">
          The app stopped before this session was finished; it was rebuilt from {file.recovery?.entryCount ?? 'the'} saved entries
          {file.recovery?.droppedPartialLine ? ' (the last, half-written line was dropped)' : ''}.
        </p>
      )}
      {file.status === 'in-progress' && (
        <p className="review-note">This workout has not been finished: this is what is saved so far. Resume it from Home, or finish it there.</p>
      )}
      {posesNote && <p className="review-note">{posesNote}</p>}
      {poses.unreadable > 0 && <p className="review-note">{poses.unreadable} saved pose frames could not be read and are left out of the replay.</p>}
      {s.warnings.length > 0 && (
        <ul className="review-warnings" aria-label="Warnings">
          {s.warnings.map((w) => (
            <li key={w.id}>
              {cueText(w.id)} <span className="review-note">×{w.count}</span>
            </li>
          ))}
        </ul>
      )}
      {s.notes.map((n) => (
        <p key={n.at} className="review-note">
          Note: {n.text}
          {n.effort !== undefined && ` (effort ${n.effort}/10)`}
        </p>
      ))}
      {views.length === 0 && <p className="review-note">No sets were recorded in this session.</p>}
      {views.map((v) => (
        <SetPanel key={v.key} view={v} posesLoaded={poseEntries !== null} />
      ))}
    </>
  )
}
