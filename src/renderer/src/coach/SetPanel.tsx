/**
 * The set in progress, readable from 2–3 m: a huge rep count or hold timer with the target beside
 * it, the side being worked, the current cue sentence, and why the hold timer is stopped.
 */
import { holdMs } from '../../../shared/workout/guards'
import { useAppStore } from '../store'
import { stepAt } from '../../../shared/workout/cursor'
import type { WorkoutState } from '../../../shared/workout/types'
import { exerciseName, partLabel } from './exerciseCatalogue'
import { clock, useTickingText } from './useTickingText'
import { cueSentence } from './workoutRunner'

type InSet = Extract<WorkoutState, { phase: 'set' }>

export function SetPanel({ w }: { w: InSet }) {
  const step = stepAt(w.plan, w.cursor)
  const side = partLabel(step.parts[w.cursor.part])
  const { live } = w
  const holding = live.holdRunningSinceMs !== null
  const { notice, offer, goodRepAtMs } = useAppStore((s) => s.coach)
  const paused = w.pausedAtMs !== null
  // One sentence at a time: an offer to switch, else why nothing is judged, else the form cue, else the pause.
  const line = offer
    ? { text: offer.text, kind: 'offer', testId: 'exercise-offer' }
    : notice
      ? { text: notice, kind: 'notice', testId: 'not-judged' }
      : live.activeCue
        ? { text: cueSentence(live.activeCue), kind: 'active', testId: 'cue' }
        : paused
          ? { text: live.steppedOut ? "Paused: I'll go on when you're back" : 'Paused: raise a hand to go on', kind: 'paused', testId: 'cue' }
          : { text: '', kind: '', testId: 'cue' }
  return (
    <div className="phase set" data-testid="set">
      <p className="phase-kicker">
        {exerciseName(step.exercise)} · set {w.cursor.set + 1} of {step.sets}
      </p>
      {side && (
        <p className={live.switchedAtMs === null ? 'side-label' : 'side-label switched'} data-testid="side-label">
          {live.switchedAtMs === null ? side : `Switched: now ${side}`}
        </p>
      )}
      <div className="counters" data-good-rep={goodRepAtMs ?? ''}>
        {goodRepAtMs !== null && <span key={goodRepAtMs} className="good-rep" data-testid="good-rep" aria-hidden="true" />}
        {step.reps !== null && (
          <p className="counter" aria-label={`${live.reps} of ${step.reps} reps`}>
            <span className="huge" data-testid="rep-count">{live.reps}</span>
            <span className="target">/ {step.reps}</span>
            <span className="unit">reps</span>
          </p>
        )}
        {step.holdSeconds !== null && <HoldCounter w={w} targetSeconds={step.holdSeconds} holding={holding} />}
      </div>
      {step.holdSeconds !== null && !holding && live.holdPausedReason && (
        <p className="hold-reason" data-testid="hold-reason">Timer stopped: {live.holdPausedReason}</p>
      )}
      <p className={`cue ${line.kind}`} data-testid={line.testId} data-cue-id={line.kind === 'active' ? (live.activeCue ?? '') : ''} role="status" aria-live="polite">
        {line.text}
      </p>
    </div>
  )
}

function HoldCounter({ w, targetSeconds, holding }: { w: InSet; targetSeconds: number; holding: boolean }) {
  const ref = useTickingText<HTMLSpanElement>((now) => clock(holdMs(w.live, w.pausedAtMs ?? now)))
  return (
    <p className={holding ? 'counter holding' : 'counter stopped'} data-testid="hold">
      <span className="huge clock" ref={ref} data-testid="hold-time" />
      <span className="target">/ {clock(targetSeconds * 1000)}</span>
      <span className="unit">{holding ? 'holding' : 'hold'}</span>
    </p>
  )
}
