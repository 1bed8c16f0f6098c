/**
 * The set in progress, readable from 2–3 m: a huge rep count or hold timer with the target beside
 * it, the side being worked, a live range-of-motion bar for rep exercises, and one sentence: the most
 * important of the offer, why nothing is judged, the form cue, why the hold timer is stopped.
 */
import { holdMs } from '../../../shared/workout/guards'
import { useAppStore } from '../store'
import { stepAt } from '../../../shared/workout/cursor'
import { progressLine } from '../../../shared/workout/progress'
import type { WorkoutState } from '../../../shared/workout/types'
import { exerciseName, partLabel } from './exerciseCatalogue'
import { RangeOfMotionBar, type RangeBarSubscribe } from './RangeOfMotionBar'
import { useFitsWindow } from './useFitsWindow'
import { clock, useTickingText } from './useTickingText'
import { cueSentence } from './workoutRunner'

type InSet = Extract<WorkoutState, { phase: 'set' }>

/** @param rangeBars the live range-of-motion readings (WorkoutRunner.onRangeBar); the bar shows for rep sets when given */
export function SetPanel({ w, rangeBars }: { w: InSet; rangeBars?: RangeBarSubscribe }) {
  const step = stepAt(w.plan, w.cursor)
  const side = partLabel(step.parts[w.cursor.part])
  const { live } = w
  const holding = live.holdRunningSinceMs !== null
  const { notice, noticeBlocks, offer, goodRepAtMs } = useAppStore((s) => s.coach)
  const holdReason = step.holdSeconds !== null && !holding && live.holdPausedReason ? `Timer stopped: ${live.holdPausedReason}` : null
  const line = setLine(live.activeCue, notice, offer?.text ?? null, noticeBlocks ?? true, holdReason)
  const panel = useFitsWindow<HTMLDivElement>([line.text, side, live.switchedAtMs, w.pausedAtMs, Boolean(offer)])
  return (
    <div className="phase set" data-testid="set" ref={panel}>
      {step.reps !== null && rangeBars && <RangeOfMotionBar subscribe={rangeBars} />}
      <div className="set-body">
      <p className="phase-kicker">
        {exerciseName(step.exercise)} · set {w.cursor.set + 1} of {step.sets}
      </p>
      <p className="plan-progress" data-testid="plan-progress">{progressLine(w.plan, w.cursor)}</p>
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
      {/* While the set is paused the banner (pausedText) is the one sentence: it says how the pause ends. */}
      {w.pausedAtMs === null && (
        <p className={`cue ${line.kind}`} data-testid={line.testId} data-cue-id={line.kind === 'active' ? (live.activeCue ?? '') : ''} role="status" aria-live="polite">
          {line.text}
        </p>
      )}
      </div>
    </div>
  )
}

/**
 * The set's one sentence, the most important first: an offer to switch; else why nothing is judged; else
 * the form cue; else why the hold timer is stopped; else a notice that leaves judging on (a tilted camera,
 * a cue this view cannot show), which a form cue must never hide under. Only one is shown: a stepped-out
 * plank showed the timer's reason and "nothing is judged" together and ran off a 1280×720 screen; the
 * notice says why the timer stopped too. A pause is said once, by the banner (pausedText), not here.
 */
export function setLine(
  activeCue: string | null,
  notice: string | null,
  offer: string | null,
  noticeBlocks = true,
  holdReason: string | null = null
): { text: string; kind: string; testId: string } {
  if (offer) return { text: offer, kind: 'offer', testId: 'exercise-offer' }
  if (notice && noticeBlocks) return { text: notice, kind: 'notice', testId: 'not-judged' }
  if (activeCue) return { text: cueSentence(activeCue), kind: 'active', testId: 'cue' }
  if (holdReason) return { text: holdReason, kind: 'hold-reason', testId: 'hold-reason' }
  if (notice) return { text: notice, kind: 'notice', testId: 'not-judged' }
  return { text: '', kind: '', testId: 'cue' }
}

/** The pause banner's one sentence: how this pause ends. */
export function pausedText(w: WorkoutState): string {
  if (w.phase === 'set' && w.live.steppedOut) return "Paused: I'll go on when you're back"
  return 'Paused: raise a hand to go on'
}

function HoldCounter({ w, targetSeconds, holding }: { w: InSet; targetSeconds: number; holding: boolean }) {
  const ref = useTickingText<HTMLSpanElement>((now) => clock(holdMs(w.live, w.pausedAtMs ?? now)))
  return (
    <p className={holding ? 'counter holding' : 'counter stopped'} data-testid="hold">
      <span className="huge clock" ref={ref} data-testid="hold-time" />
      {/* Target over unit, beside the clock: one line of the set column instead of two. */}
      <span className="beside-clock">
        <span className="target">/ {clock(targetSeconds * 1000)}</span>
        <span className="unit">{holding ? 'holding' : 'hold'}</span>
      </span>
    </p>
  )
}
