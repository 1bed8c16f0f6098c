/**
 * Home: run the whole routine (core → upper → lower) or pick exercises; each shows its
 * prescription, with sets, reps, hold and rest adjustable and the variant / band colour chosen.
 */
import { useState } from 'react'
import type { ExerciseDefinition } from '../../../shared/exercises/types'
import { buildPlan, LIMITS, type StepChoice } from '../../../shared/workout/plan'
import { useAppStore } from '../store'
import { BAND_COLOURS, type BandColour } from '../../../shared/exercises/types'
import { availableDefinitions, BAND_LABELS } from './exerciseCatalogue'
import './coach.css'

const GROUP_TITLES: Record<ExerciseDefinition['group'], string> = { core: 'Core', upper: 'Upper body', lower: 'Legs' }

export function HomeScreen() {
  const defs = availableDefinitions()
  const picks = useAppStore((s) => s.picks)
  const restOverride = useAppStore((s) => s.settings.restSeconds)
  const pickWholeRoutine = useAppStore((s) => s.pickWholeRoutine)
  const clearPicks = useAppStore((s) => s.clearPicks)
  const [error, setError] = useState<string | null>(null)
  const chosen = picks.filter((p) => defs.some((d) => d.id === p.exercise))

  const start = () => {
    try {
      const choices = chosen.map((c) => ({ ...c, restSeconds: c.restSeconds ?? restOverride ?? undefined }))
      const plan = buildPlan(defs, choices)
      setError(null)
      const { beginWorkout, navigate } = useAppStore.getState()
      beginWorkout(plan)
      navigate('workout')
    } catch (e) {
      setError((e as Error).message)
    }
  }

  if (defs.length === 0) return <p className="coach-note">No exercises are available in this build yet.</p>
  return (
    <section className="home" aria-labelledby="home-title">
      <header className="home-header">
        <h1 id="home-title">Today’s workout</h1>
        <div className="home-actions">
          <button type="button" onClick={pickWholeRoutine}>Whole routine</button>
          <button type="button" onClick={clearPicks}>Clear</button>
          <button type="button" className="primary big" onClick={start} disabled={chosen.length === 0} data-testid="start-workout">
            Start {chosen.length === defs.length ? 'the whole routine' : `${chosen.length} exercise${chosen.length === 1 ? '' : 's'}`}
          </button>
        </div>
      </header>
      {error && <p className="coach-alert" role="alert">{error}</p>}
      {(['core', 'upper', 'lower'] as const).map((group) => (
        <div key={group} className="home-group">
          <h2>{GROUP_TITLES[group]}</h2>
          {defs.filter((d) => d.group === group).map((def) => (
            <ExerciseCard key={def.id} def={def} pick={chosen.find((p) => p.exercise === def.id) ?? null} />
          ))}
        </div>
      ))}
    </section>
  )
}

function ExerciseCard({ def, pick }: { def: ExerciseDefinition; pick: StepChoice | null }) {
  const togglePick = useAppStore((s) => s.togglePick)
  const adjust = useAppStore((s) => s.adjust)
  const saved = useAppStore((s) => s.adjustments[def.id])
  const choice = { ...saved, ...pick }
  const p = def.prescription
  const each = p.perSide || def.id === 'band-walk' ? (def.id === 'band-walk' ? ' each way' : ' each side') : ''
  const number = (value: string): number | undefined => (value === '' ? undefined : Number(value))
  return (
    <article className={pick ? 'exercise-card picked' : 'exercise-card'} data-testid={`exercise-${def.id}`}>
      <label className="exercise-pick">
        <input type="checkbox" checked={pick !== null} onChange={() => togglePick(def.id)} />
        <span className="exercise-name">{def.name}</span>
      </label>
      <p className="exercise-prescription">{p.text}</p>
      <div className="exercise-adjust">
        <label>
          Sets
          <input type="number" min={LIMITS.sets.min} max={LIMITS.sets.max} value={choice.sets ?? p.sets} onChange={(e) => adjust(def.id, { sets: number(e.target.value) })} data-testid={`sets-${def.id}`} />
        </label>
        {def.measure !== 'hold' && (
          <label>
            Reps{each}
            <input type="number" min={LIMITS.reps.min} max={LIMITS.reps.max} value={choice.reps ?? p.reps ?? 10} onChange={(e) => adjust(def.id, { reps: number(e.target.value) })} data-testid={`reps-${def.id}`} />
          </label>
        )}
        {def.measure !== 'reps' && (
          <label>
            Hold (s){each}
            <input type="number" min={LIMITS.holdSeconds.min} max={LIMITS.holdSeconds.max} value={choice.holdSeconds ?? p.holdSeconds ?? 30} onChange={(e) => adjust(def.id, { holdSeconds: number(e.target.value) })} data-testid={`hold-${def.id}`} />
          </label>
        )}
        <label>
          Rest (s)
          <input type="number" min={LIMITS.restSeconds.min} max={LIMITS.restSeconds.max} value={choice.restSeconds ?? p.restSeconds} onChange={(e) => adjust(def.id, { restSeconds: number(e.target.value) })} data-testid={`rest-${def.id}`} />
        </label>
        {def.variants.length > 0 && (
          <label>
            Variant
            <select value={choice.options?.variant ?? def.variants[0].id} onChange={(e) => adjust(def.id, { options: { variant: e.target.value } })}>
              {def.variants.map((v) => (
                <option key={v.id} value={v.id}>{v.label}</option>
              ))}
            </select>
          </label>
        )}
        {def.id === 'band-walk' && (
          <label>
            Band
            {/* Green: the routine says most people start there. */}
            <select value={choice.options?.bandColour ?? 'green'} onChange={(e) => adjust(def.id, { options: { bandColour: e.target.value as BandColour } })}>
              {BAND_COLOURS.map((colour) => (
                <option key={colour} value={colour}>{BAND_LABELS[colour]}</option>
              ))}
            </select>
          </label>
        )}
      </div>
    </article>
  )
}
