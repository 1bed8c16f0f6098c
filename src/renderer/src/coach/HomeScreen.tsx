/**
 * Home: run the whole routine (core → upper → lower) or pick exercises; each shows its
 * prescription, with sets, reps, hold and rest adjustable and the variant / band colour chosen.
 */
import { useId, useState } from 'react'
import type { ExerciseDefinition } from '../../../shared/exercises/types'
import { buildPlan, LIMITS, type StepChoice } from '../../../shared/workout/plan'
import { keepValidNumbers, readPlanField, type PlanField } from '../../../shared/workout/planFields'
import { useAppStore } from '../store'
import { BAND_COLOURS, type BandColour } from '../../../shared/exercises/types'
import { availableDefinitions, BAND_LABELS } from './exerciseCatalogue'
import { ResumeOffer } from './ResumeOffer'
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
      // A bad number remembered from before is dropped here (the prescription stands in): it never blocks the start.
      const choices = chosen.map((c) => keepValidNumbers({ ...c, restSeconds: c.restSeconds ?? restOverride ?? undefined }))
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
      <ResumeOffer />
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
  const field = (name: PlanField, label: string, shown: number) => (
    <PlanNumberField name={name} label={label} shown={shown} testId={`${FIELD_TEST_IDS[name]}-${def.id}`} onValue={(value) => adjust(def.id, { [name]: value })} />
  )
  return (
    <article className={pick ? 'exercise-card picked' : 'exercise-card'} data-testid={`exercise-${def.id}`}>
      <label className="exercise-pick">
        <input type="checkbox" checked={pick !== null} onChange={() => togglePick(def.id)} />
        <span className="exercise-name">{def.name}</span>
      </label>
      <p className="exercise-prescription">{p.text}</p>
      <div className="exercise-adjust">
        {field('sets', 'Sets', choice.sets ?? p.sets)}
        {def.measure !== 'hold' && field('reps', `Reps${each}`, choice.reps ?? p.reps ?? 10)}
        {def.measure !== 'reps' && field('holdSeconds', `Hold (s)${each}`, choice.holdSeconds ?? p.holdSeconds ?? 30)}
        {field('restSeconds', 'Rest (s)', choice.restSeconds ?? p.restSeconds)}
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

const FIELD_TEST_IDS: Record<PlanField, string> = { sets: 'sets', reps: 'reps', holdSeconds: 'hold', restSeconds: 'rest' }

/**
 * One number on a card: what the runner types stays in the box, but only a whole number in range is
 * kept (onValue); otherwise the box is marked and says beside it, in plain words, what it takes.
 */
function PlanNumberField({ name, label, shown, testId, onValue }: { name: PlanField; label: string; shown: number; testId: string; onValue: (value: number) => void }) {
  const [draft, setDraft] = useState<string | null>(null)
  const errorId = useId()
  const reading = draft === null ? null : readPlanField(name, draft)
  const problem = reading && !reading.ok ? reading.message : null
  const { min, max } = LIMITS[name]
  return (
    <label className={problem ? 'plan-field invalid' : 'plan-field'}>
      {label}
      <input
        type="number" inputMode="numeric" step={1} min={min} max={max}
        value={draft ?? String(shown)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        onChange={(e) => {
          const text = e.target.value
          const next = readPlanField(name, text)
          if (next.ok) {
            onValue(next.value)
            setDraft(null)
          } else setDraft(text)
        }}
        onBlur={() => setDraft(null)}
        data-testid={testId}
      />
      {problem && <span className="field-error" id={errorId} role="alert" data-testid={`${testId}-error`}>{problem}</span>}
    </label>
  )
}
