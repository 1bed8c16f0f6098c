/** Placement and countdown: where to put the laptop, which way to face, the live check, then 3-2-1. */
import { getExercise } from '../../../shared/exercises/index'
import { stepAt } from '../../../shared/workout/cursor'
import { setupAdvice } from '../../../shared/workout/setup'
import type { WorkoutState } from '../../../shared/workout/types'
import { useAppStore } from '../store'
import { exerciseName, partLabel } from './exerciseCatalogue'
import { secondsLeft, useTickingText } from './useTickingText'

type Waiting = Extract<WorkoutState, { phase: 'placement' | 'countdown' }>

/** cameraProblem: the camera failed (the workout screen shows why and the ways out), so nothing is starting. */
export function PlacementPanel({ w, cameraProblem = false }: { w: Waiting; cameraProblem?: boolean }) {
  const placement = useAppStore((s) => s.placement)
  const step = stepAt(w.plan, w.cursor)
  const def = getExercise(step.exercise)
  const advice = setupAdvice(step.exercise, def.view)
  const side = partLabel(step.parts[w.cursor.part])
  const ok = w.phase === 'countdown' || placement?.ok === true
  return (
    <div className="phase placement" data-testid="placement" data-ok={ok ? 'true' : 'false'}>
      <p className="phase-kicker">
        Next: set {w.cursor.set + 1} of {step.sets}
        {side && ` · ${side}`}
      </p>
      <h1 className="phase-title">{exerciseName(step.exercise)}</h1>
      {w.phase === 'countdown' ? (
        <Countdown endsAtMs={w.endsAtMs} pausedAtMs={w.pausedAtMs} />
      ) : (
        <>
          <p className={ok ? 'guidance ok' : 'guidance'} data-testid="placement-guidance" role="status">
            {cameraProblem ? 'No camera picture yet' : (placement?.guidance ?? 'Starting the camera…')}
          </p>
          <ul className="setup-advice">
            <li>{advice.laptop}</li>
            <li>{advice.facing}</li>
          </ul>
        </>
      )}
    </div>
  )
}

function Countdown({ endsAtMs, pausedAtMs }: { endsAtMs: number; pausedAtMs: number | null }) {
  const ref = useTickingText<HTMLSpanElement>((now) => String(secondsLeft(endsAtMs - (pausedAtMs ?? now))))
  return (
    <p className="countdown" data-testid="countdown" aria-live="assertive">
      <span ref={ref} className="huge" />
    </p>
  )
}
