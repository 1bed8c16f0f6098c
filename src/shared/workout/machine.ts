import { firstCursor, isSideSwitch, nextCursor, nextExerciseCursor, stepAt } from './cursor'
import {
  COUNTDOWN_MS,
  SIDE_SWITCH_REST_SECONDS,
  outOfPosition,
  holdMs,
  looksAway,
  placementSteady,
  runnerLeft,
  targetMet,
  timeUp
} from './guards'
import type { Cursor, LiveSet, SetEnd, SetResult, WorkoutEvent, WorkoutPlan, WorkoutState } from './types'

/**
 * The guided workout as one pure transition: plan → placement → countdown → set → rest → … → summary.
 * Time only arrives in events, so every path is testable without timers. Events that do not apply
 * to the current phase return the same state object (callers can compare by reference).
 */
export function workoutTransition(state: WorkoutState, event: WorkoutEvent): WorkoutState {
  if (event.type === 'END') return endWorkout(state, event.t)
  switch (state.phase) {
    case 'plan':
      return onPlan(state, event)
    case 'placement':
      return onPlacement(state, event)
    case 'countdown':
      return onCountdown(state, event)
    case 'set':
      return onSet(state, event)
    case 'rest':
      return onRest(state, event)
    case 'summary':
      return state
  }
}

export function initialWorkout(plan: WorkoutPlan): WorkoutState {
  return { phase: 'plan', plan, results: [] }
}

type In<P extends WorkoutState['phase']> = Extract<WorkoutState, { phase: P }>

function onPlan(s: In<'plan'>, e: WorkoutEvent): WorkoutState {
  if (e.type !== 'START') return s
  const cursor = firstCursor(s.plan)
  if (!cursor) return { phase: 'summary', plan: s.plan, results: s.results, endedAtMs: e.t }
  return toPlacement(s.plan, s.results, cursor)
}

function toPlacement(plan: WorkoutPlan, results: SetResult[], cursor: Cursor): In<'placement'> {
  return { phase: 'placement', plan, results, cursor, okSinceMs: null, pausedAtMs: null }
}

function onPlacement(s: In<'placement'>, e: WorkoutEvent): WorkoutState {
  if (s.pausedAtMs !== null) return e.type === 'RESUME' ? { ...s, pausedAtMs: null, okSinceMs: null } : onSkip(s, e)
  switch (e.type) {
    case 'PLACEMENT': {
      const okSinceMs = e.ok ? (s.okSinceMs ?? e.t) : null
      const next = okSinceMs === s.okSinceMs ? s : { ...s, okSinceMs }
      return startCountdownIfSteady(next, e.t)
    }
    case 'TICK':
      return startCountdownIfSteady(s, e.t)
    case 'PAUSE':
      return { ...s, pausedAtMs: e.t }
    default:
      return onSkip(s, e)
  }
}

function startCountdownIfSteady(s: In<'placement'>, t: number): WorkoutState {
  if (!placementSteady(s.okSinceMs, t)) return s
  return { phase: 'countdown', plan: s.plan, results: s.results, cursor: s.cursor, endsAtMs: t + COUNTDOWN_MS, redSinceMs: null, pausedAtMs: null }
}

function onCountdown(s: In<'countdown'>, e: WorkoutEvent): WorkoutState {
  if (s.pausedAtMs !== null) {
    return e.type === 'RESUME' ? { ...s, pausedAtMs: null, redSinceMs: null, endsAtMs: s.endsAtMs + (e.t - s.pausedAtMs) } : onSkip(s, e)
  }
  switch (e.type) {
    // Staying out of position during the countdown sends the runner back to the placement check.
    case 'PLACEMENT': {
      const redSinceMs = e.ok ? null : (s.redSinceMs ?? e.t)
      if (outOfPosition(redSinceMs, e.t)) return toPlacement(s.plan, s.results, s.cursor)
      return redSinceMs === s.redSinceMs ? s : { ...s, redSinceMs }
    }
    case 'TICK':
      if (outOfPosition(s.redSinceMs, e.t)) return toPlacement(s.plan, s.results, s.cursor)
      return timeUp(s.endsAtMs, e.t) ? toSet(s, s.endsAtMs) : s
    case 'PAUSE':
      return { ...s, pausedAtMs: e.t }
    default:
      return onSkip(s, e)
  }
}

function toSet(s: In<'countdown'>, t: number): In<'set'> {
  const live: LiveSet = {
    startedAtMs: t,
    reps: 0,
    holdBankedMs: 0,
    holdRunningSinceMs: null,
    holdPausedReason: null,
    activeCue: null,
    cues: [],
    awaySinceMs: null
  }
  return { phase: 'set', plan: s.plan, results: s.results, cursor: s.cursor, live, pausedAtMs: null }
}

function onSet(s: In<'set'>, e: WorkoutEvent): WorkoutState {
  const step = stepAt(s.plan, s.cursor)
  if (s.pausedAtMs !== null) {
    if (e.type !== 'RESUME') return e.type === 'SKIP' ? finishPart(s, e.t, 'skipped', e.scope) : s
    // The engine restarts after a pause, so the hold waits for it to report good form again.
    return { ...s, pausedAtMs: null, live: { ...s.live, awaySinceMs: null } }
  }
  switch (e.type) {
    case 'REP': {
      const live = { ...s.live, reps: s.live.reps + 1 }
      return completeIfDone({ ...s, live }, e.t)
    }
    case 'HOLD': {
      const l = s.live
      const running = l.holdRunningSinceMs !== null
      if (e.running === running) return e.running || e.reason === undefined ? s : { ...s, live: { ...l, holdPausedReason: e.reason } }
      const live: LiveSet = e.running
        ? { ...l, holdRunningSinceMs: e.t, holdPausedReason: null }
        : { ...l, holdBankedMs: holdMs(l, e.t), holdRunningSinceMs: null, holdPausedReason: e.reason ?? null }
      return completeIfDone({ ...s, live }, e.t)
    }
    case 'CUE': {
      const l = s.live
      if (e.phase === 'raised') {
        const cues = l.cues.includes(e.id) ? l.cues : [...l.cues, e.id]
        return { ...s, live: { ...l, activeCue: e.id, cues } }
      }
      return l.activeCue === e.id ? { ...s, live: { ...l, activeCue: null } } : s
    }
    case 'PRESENCE': {
      const away = looksAway(step.exercise, e.presence)
      const awaySinceMs = away ? (s.live.awaySinceMs ?? e.t) : null
      if (awaySinceMs === s.live.awaySinceMs) return endIfLeft(s, e.t)
      return endIfLeft({ ...s, live: { ...s.live, awaySinceMs } }, e.t)
    }
    case 'TICK':
      return endIfLeft(completeIfDone(s, e.t), e.t)
    case 'PAUSE': {
      const l = s.live
      return { ...s, pausedAtMs: e.t, live: { ...l, holdBankedMs: holdMs(l, e.t), holdRunningSinceMs: null, activeCue: null } }
    }
    case 'SKIP':
      return finishPart(s, e.t, 'skipped', e.scope)
    default:
      return s
  }
}

function completeIfDone(s: WorkoutState, t: number): WorkoutState {
  if (s.phase !== 'set') return s
  return targetMet(stepAt(s.plan, s.cursor), s.live, t) ? finishPart(s, t, 'target', 'part') : s
}

function endIfLeft(s: WorkoutState, t: number): WorkoutState {
  if (s.phase !== 'set') return s
  return runnerLeft(s.live, t) ? finishPart(s, t, 'runner-left', 'part') : s
}

/** The result of the part being done at time t. */
export function resultOf(s: In<'set'>, t: number, endedBy: SetEnd): SetResult {
  const step = stepAt(s.plan, s.cursor)
  return {
    exercise: step.exercise,
    set: s.cursor.set,
    side: step.parts[s.cursor.part].side,
    reps: s.live.reps,
    targetReps: step.reps,
    holdSeconds: holdMs(s.live, s.pausedAtMs ?? t) / 1000,
    targetHoldSeconds: step.holdSeconds,
    cues: s.live.cues,
    startedAtMs: s.live.startedAtMs,
    endedAtMs: t,
    endedBy
  }
}

function finishPart(s: In<'set'>, t: number, endedBy: SetEnd, scope: 'part' | 'exercise'): WorkoutState {
  const results = [...s.results, resultOf(s, t, endedBy)]
  const next = scope === 'exercise' ? nextExerciseCursor(s.plan, s.cursor) : nextCursor(s.plan, s.cursor)
  if (!next) return { phase: 'summary', plan: s.plan, results, endedAtMs: t }
  const sideSwitch = isSideSwitch(s.cursor, next)
  const restSeconds = sideSwitch ? Math.min(SIDE_SWITCH_REST_SECONDS, stepAt(s.plan, s.cursor).restSeconds) : stepAt(s.plan, s.cursor).restSeconds
  return { phase: 'rest', plan: s.plan, results, cursor: next, endsAtMs: t + restSeconds * 1000, sideSwitch, pausedAtMs: null }
}

function onRest(s: In<'rest'>, e: WorkoutEvent): WorkoutState {
  if (s.pausedAtMs !== null) {
    return e.type === 'RESUME' ? { ...s, pausedAtMs: null, endsAtMs: s.endsAtMs + (e.t - s.pausedAtMs) } : onSkip(s, e)
  }
  switch (e.type) {
    case 'TICK':
      return timeUp(s.endsAtMs, e.t) ? toPlacement(s.plan, s.results, s.cursor) : s
    case 'ADJUST_REST':
      return { ...s, endsAtMs: Math.max(e.t, s.endsAtMs + e.deltaSeconds * 1000) }
    case 'PAUSE':
      return { ...s, pausedAtMs: e.t }
    default:
      return onSkip(s, e)
  }
}

/** SKIP outside a set: 'part' moves past what is waiting (this part, or the rest); 'exercise' past the exercise. */
function onSkip(s: In<'placement'> | In<'countdown'> | In<'rest'>, e: WorkoutEvent): WorkoutState {
  if (e.type !== 'SKIP') return s
  let next: Cursor | null
  if (s.phase === 'rest' && e.scope === 'part') next = s.cursor
  else if (e.scope === 'exercise') next = nextExerciseCursor(s.plan, s.cursor)
  else next = nextCursor(s.plan, s.cursor)
  if (!next) return { phase: 'summary', plan: s.plan, results: s.results, endedAtMs: e.t }
  return toPlacement(s.plan, s.results, next)
}

function endWorkout(s: WorkoutState, t: number): WorkoutState {
  if (s.phase === 'summary') return s
  const results = s.phase === 'set' ? [...s.results, resultOf(s, t, 'workout-ended')] : s.results
  return { phase: 'summary', plan: s.plan, results, endedAtMs: t }
}
