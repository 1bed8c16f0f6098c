/** The end of a workout: what was done per set, the cues it raised, and a link to the saved session. */
import { useAppStore } from '../store'
import type { SetResult } from '../../../shared/workout/types'
import { exerciseName } from './exerciseCatalogue'
import { countOf } from '../../../shared/text'
import { clock } from './useTickingText'
import { cueSentence } from './workoutRunner'

const ENDED: Record<SetResult['endedBy'], string> = {
  target: 'target met',
  'runner-left': 'you stepped away',
  skipped: 'skipped',
  'workout-ended': 'workout finished',
  'side-switch': 'switched side before the target'
}

export function SummaryScreen() {
  const workout = useAppStore((s) => s.workout)
  const save = useAppStore((s) => s.save)
  const navigate = useAppStore((s) => s.navigate)
  if (!workout || workout.phase !== 'summary') {
    return (
      <p className="coach-note">
        No finished workout to show. <button type="button" onClick={() => navigate('home')}>Choose exercises</button>
      </p>
    )
  }
  const { results } = workout
  const reps = results.reduce((n, r) => n + r.reps, 0)
  const holdSeconds = results.reduce((n, r) => n + r.holdSeconds, 0)
  const cues = [...new Set(results.flatMap((r) => r.cues))]
  return (
    <section className="summary" aria-labelledby="summary-title" data-testid="summary">
      <h1 id="summary-title">Workout done</h1>
      <p className="summary-totals">
        <span><strong data-testid="summary-reps">{reps}</strong> {reps === 1 ? 'rep' : 'reps'}</span>
        {results.some((r) => r.targetHoldSeconds !== null) && <span><strong>{clock(holdSeconds * 1000)}</strong> held</span>}
        <span><strong>{results.length}</strong> sets</span>
      </p>
      {results.length === 0 ? (
        <p className="coach-note">No sets were done.</p>
      ) : (
        <table className="summary-table">
          <thead>
            <tr><th>Exercise</th><th>Set</th><th>Side</th><th>Done</th><th>Target</th><th>Ended</th><th>Cues</th></tr>
          </thead>
          <tbody>
            {results.map((r, i) => (
              <tr key={i}>
                <td>{exerciseName(r.exercise)}</td>
                <td>{r.set + 1}</td>
                <td>{r.side ?? '—'}</td>
                <td>{[r.targetReps !== null && countOf(r.reps, 'rep'), r.targetHoldSeconds !== null && `${clock(r.holdSeconds * 1000)} held`].filter(Boolean).join(', ')}</td>
                <td>{[r.targetReps !== null && countOf(r.targetReps, 'rep'), r.targetHoldSeconds !== null && `${clock(r.targetHoldSeconds * 1000)}`].filter(Boolean).join(', ')}</td>
                <td>{ENDED[r.endedBy]}</td>
                <td>{r.cues.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cues.length > 0 && (
        <div className="summary-cues">
          <h2>What to work on</h2>
          <ul>{cues.map((id) => <li key={id}>{cueSentence(id)}</li>)}</ul>
        </div>
      )}
      {save.problem && <p className="coach-alert" role="alert" data-testid="save-problem">{save.problem}</p>}
      <div className="summary-actions">
        {save.sessionId ? (
          <button type="button" className="primary big" onClick={() => navigate('review', save.sessionId)} data-testid="open-session">Open the saved session</button>
        ) : save.nothingSaved ? (
          <p className="coach-note" data-testid="nothing-saved">No set was done, so nothing was saved.</p>
        ) : (
          !save.problem && <p className="coach-note">Saving…</p>
        )}
        <button type="button" onClick={() => { useAppStore.getState().leaveWorkout(); navigate('home') }}>Back to Home</button>
      </div>
    </section>
  )
}
