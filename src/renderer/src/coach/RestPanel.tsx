/** Rest between sets: an adjustable countdown, what comes next, and the side-switch prompt. */
import { countOf } from '../../../shared/text'
import { stepAt } from '../../../shared/workout/cursor'
import { progressLine } from '../../../shared/workout/progress'
import type { WorkoutState } from '../../../shared/workout/types'
import { useAppStore } from '../store'
import { exerciseName, partLabel } from './exerciseCatalogue'
import { clock, useTickingText } from './useTickingText'

type Resting = Extract<WorkoutState, { phase: 'rest' }>

/** One press of − / + changes the rest by this much: a useful step without many presses. */
export const REST_STEP_SECONDS = 15

export function RestPanel({ w }: { w: Resting }) {
  const ref = useTickingText<HTMLSpanElement>((now) => clock(w.endsAtMs - (w.pausedAtMs ?? now)))
  const step = stepAt(w.plan, w.cursor)
  const side = partLabel(step.parts[w.cursor.part])
  const adjustRest = (deltaSeconds: number) => useAppStore.getState().send({ type: 'ADJUST_REST', t: performance.now(), deltaSeconds })
  const target = [step.reps !== null && countOf(step.reps, 'rep'), step.holdSeconds !== null && `${step.holdSeconds} s hold`].filter(Boolean).join(' + ')
  return (
    <div className="phase rest" data-testid="rest">
      <p className="phase-kicker">{w.sideSwitch ? 'Switch sides' : 'Rest'}</p>
      {w.sideSwitch && <p className="side-label" data-testid="side-switch">Now {side}</p>}
      <p className="counter">
        <span className="huge clock" ref={ref} data-testid="rest-time" />
      </p>
      <div className="rest-adjust">
        <button type="button" onClick={() => adjustRest(-REST_STEP_SECONDS)}>−{REST_STEP_SECONDS} s</button>
        <button type="button" onClick={() => adjustRest(REST_STEP_SECONDS)}>+{REST_STEP_SECONDS} s</button>
      </div>
      <p className="plan-progress" data-testid="plan-progress">{progressLine(w.plan, w.cursor)}</p>
      <p className="next-up" data-testid="next-up">
        Next: {exerciseName(step.exercise)}, set {w.cursor.set + 1} of {step.sets}
        {side && `, ${side}`} — {target}
      </p>
    </div>
  )
}
