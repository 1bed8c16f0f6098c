import { useMemo } from 'react'
import type { ExerciseId } from '../../../shared/engine/events'
import { exerciseHistory, exercisesDone, suggestProgressions, type ProgressSession } from '../../../shared/progress'
import { exerciseName } from '../review/names'
import { useResult } from '../review/useResult'
import { useAppStore } from '../store'
import { progressColumns } from './chartData'
import { loadProgress } from './loadProgress'
import { ProgressChart, type ChartLine } from './ProgressChart'
import { SuggestionList } from './SuggestionList'
import '../review/review.css'
import './progress.css'

/** The 'progress' screen: what the runner has earned next, and each exercise over time. */
export function ProgressScreen() {
  const navigate = useAppStore((s) => s.navigate)
  const [loaded] = useResult('progress', loadProgress)
  if (loaded.state === 'loading') return <p className="review-note">Loading your sessions…</p>
  if (loaded.state === 'failed') return <p className="review-error" role="alert">{loaded.error}</p>
  const { sessions, unreadable } = loaded.value
  return (
    <section className="progress" aria-label="Progress">
      <h1>Progress</h1>
      {sessions.length === 0 ? (
        <p className="review-note">No sessions saved yet. Your progress appears here after your first workout.</p>
      ) : (
        <ProgressBody sessions={sessions} onOpen={(id) => navigate('review', id)} />
      )}
      {unreadable.length > 0 && (
        <p className="review-note">
          Left out {unreadable.length} session{unreadable.length === 1 ? '' : 's'} that could not be read:{' '}
          {unreadable.map((u) => `${u.id} (${u.reason})`).join('; ')}
        </p>
      )}
    </section>
  )
}

function ProgressBody({ sessions, onOpen }: { sessions: ProgressSession[]; onOpen: (id: string) => void }) {
  const suggestions = useMemo(() => suggestProgressions(sessions), [sessions])
  const startedAt = useMemo(() => new Map(sessions.map((s) => [s.id, s.startedAt])), [sessions])
  const exercises = useMemo(() => exercisesDone(sessions), [sessions])
  return (
    <>
      <h2>Next steps</h2>
      <SuggestionList suggestions={suggestions} startedAt={startedAt} onOpen={onOpen} />
      <h2>Over time</h2>
      <div className="progress-grid">
        {exercises.map((id) => (
          <ExerciseProgress key={id} exercise={id} sessions={sessions} />
        ))}
      </div>
    </>
  )
}

function ExerciseProgress({ exercise, sessions }: { exercise: ExerciseId; sessions: ProgressSession[] }) {
  const cols = useMemo(() => progressColumns(exerciseHistory(sessions, exercise)), [sessions, exercise])
  const repLines = useMemo<ChartLine[]>(() => cols.repsBySet.map((values, i) => ({ label: `Set ${i + 1} reps`, values })), [cols])
  const holdLine = useMemo<ChartLine[]>(() => [{ label: 'Longest clean hold', values: cols.hold, unit: ' s' }], [cols])
  const warnLine = useMemo<ChartLine[]>(() => [{ label: 'Cues per rep', values: cols.warningsPerRep }], [cols])
  const name = exerciseName(exercise)
  return (
    <article className="progress-exercise" aria-label={name} data-exercise={exercise}>
      <h3>{name}</h3>
      <p className="review-note">{cols.x.length} session{cols.x.length === 1 ? '' : 's'}</p>
      {repLines.length > 0 && <ProgressChart title="Reps per set" x={cols.x} lines={repLines} yLabel="reps" />}
      {cols.hold.some((h) => h !== null) && <ProgressChart title="Longest clean hold" x={cols.x} lines={holdLine} yLabel="seconds" />}
      {cols.warningsPerRep.some((w) => w !== null) && <ProgressChart title="Cues per rep (0 = clean)" x={cols.x} lines={warnLine} yLabel="cues" />}
    </article>
  )
}
