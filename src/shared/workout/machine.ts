import { firstCursor, isSideSwitch, nextExerciseCursor, stepAt } from './cursor'
import { liveFor, nextPartAfter, owed, partForSide, partResultIndex, replacePartResult, switchedAwayPart } from './sides'
import {
  COUNTDOWN_MS,
  SIDE_SWITCH_REST_SECONDS,
  cueShownLongEnough,
  outOfPosition,
  holdMs,
  looksAway,
  placementSteady,
  runnerBack,
  runnerLeft,
  targetMet,
  timeUp
} from './guards'
import type { Side } from '../engine/events'
import type { Cursor, LiveSet, PlanStep, SetEnd, SetResult, WorkoutEvent, WorkoutPlan, WorkoutState } from './types'

/** No cue on screen. */
const NO_CUE = { activeCue: null, activeCueSinceMs: null, activeCueCleared: false } as const

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

/** Into the set: a part left on a side switch is picked up where it was. */
function toSet(s: In<'countdown'>, t: number): In<'set'> {
  const i = partResultIndex(s.results, s.plan, s.cursor)
  const live = liveFor(i < 0 ? undefined : s.results[i], t)
  return { phase: 'set', plan: s.plan, results: replacePartResult(s.results, i, null), cursor: s.cursor, live, pausedAtMs: null }
}

/**
 * The engine saw the other side of a two-sided set: bank this part as owed and carry on with that side's
 * part. A side the runner already finished or skipped is not followed: skipping a side plank's side must
 * not bring it back (it alternated left ↔ right forever while the runner stayed on one side).
 */
function followSide(s: In<'set'>, side: Side | null | undefined, t: number): In<'set'> {
  const part = partForSide(stepAt(s.plan, s.cursor), side)
  if (part === null || part === s.cursor.part || !owed(s.results, s.plan, { ...s.cursor, part })) return s
  return movePart(s, part, t, 'side-switch')
}

/** Ends this part as `endedBy` and carries on, in the same set, with `part` (picked up where it was). */
function movePart(s: In<'set'>, part: number, t: number, endedBy: SetEnd): In<'set'> {
  const cursor = { ...s.cursor, part }
  const i = partResultIndex(s.results, s.plan, cursor)
  const live = { ...liveFor(i < 0 ? undefined : s.results[i], t), switchedAtMs: t }
  const results = replacePartResult(s.results, i, resultOf(s, t, endedBy))
  return { ...s, results, cursor, live }
}

function onSet(s: In<'set'>, e: WorkoutEvent): WorkoutState {
  const step = stepAt(s.plan, s.cursor)
  if (s.pausedAtMs !== null) {
    if (e.type === 'SKIP') return finishPart(s, e.t, 'skipped', e.scope)
    if (e.type === 'SWITCH_EXERCISE') return switchExercise(s, e.step, e.t)
    if (e.type === 'PRESENCE' && s.live.steppedOut) {
      const back = !looksAway(step.exercise, e.presence)
      const backSinceMs = back ? (s.live.backSinceMs ?? e.t) : null
      const next = backSinceMs === s.live.backSinceMs ? s : { ...s, live: { ...s.live, backSinceMs } }
      return runnerBack(next.live, e.t) ? resume(next) : next
    }
    return e.type === 'RESUME' ? resume(s) : s
  }
  switch (e.type) {
    case 'REP': {
      const on = followSide(s, e.side, e.t)
      return completeIfDone({ ...on, live: { ...on.live, reps: on.live.reps + 1 } }, e.t)
    }
    case 'HOLD': {
      // Only a running hold says which side is down; a pause keeps the part it paused.
      const on = e.running ? followSide(s, e.side, e.t) : s
      const l = on.live
      const running = l.holdRunningSinceMs !== null
      if (e.running === running) return e.running || e.reason === undefined ? on : { ...on, live: { ...l, holdPausedReason: e.reason } }
      const live: LiveSet = e.running
        ? { ...l, holdRunningSinceMs: e.t, holdPausedReason: null }
        : { ...l, holdBankedMs: holdMs(l, e.t), holdRunningSinceMs: null, holdPausedReason: e.reason ?? null }
      return completeIfDone({ ...on, live }, e.t)
    }
    case 'CUE': {
      const l = s.live
      if (e.phase === 'raised') {
        const cues = l.cues.includes(e.id) ? l.cues : [...l.cues, e.id]
        return { ...s, live: { ...l, activeCue: e.id, activeCueSinceMs: e.t, activeCueCleared: false, cues } }
      }
      if (l.activeCue !== e.id) return s
      return { ...s, live: cueShownLongEnough(l, e.t) ? { ...l, ...NO_CUE } : { ...l, activeCueCleared: true } }
    }
    case 'PRESENCE': {
      const away = looksAway(step.exercise, e.presence)
      const awaySinceMs = away ? (s.live.awaySinceMs ?? e.t) : null
      if (awaySinceMs === s.live.awaySinceMs) return pauseIfLeft(s, e.t)
      return pauseIfLeft({ ...s, live: { ...s.live, awaySinceMs } }, e.t)
    }
    case 'TICK': {
      const l = s.live
      const shown = l.activeCueCleared && cueShownLongEnough(l, e.t) ? { ...s, live: { ...l, ...NO_CUE } } : s
      return pauseIfLeft(completeIfDone(shown, e.t), e.t)
    }
    case 'PAUSE': {
      const l = s.live
      return { ...s, pausedAtMs: e.t, live: { ...l, holdBankedMs: holdMs(l, e.t), holdRunningSinceMs: null, ...NO_CUE } }
    }
    case 'SKIP':
      return finishPart(s, e.t, 'skipped', e.scope)
    case 'SWITCH_EXERCISE':
      return switchExercise(s, e.step, e.t)
    default:
      return s
  }
}

/** The engine restarts after a pause, so the hold waits for it to report good form again. */
function resume(s: In<'set'>): In<'set'> {
  return { ...s, pausedAtMs: null, live: { ...s.live, awaySinceMs: null, steppedOut: false, backSinceMs: null } }
}

/** The runner is doing `step`'s exercise instead: keep what this part did (if anything) and start that step's first set now. */
function switchExercise(s: In<'set'>, step: PlanStep, t: number): In<'set'> {
  const done = s.live.reps > 0 || holdMs(s.live, s.pausedAtMs ?? t) > 0
  const results = done ? replacePartResult(s.results, -1, resultOf(s, t, 'skipped')) : s.results
  const steps = s.plan.steps.map((p, i) => (i === s.cursor.step ? step : p))
  return { phase: 'set', plan: { ...s.plan, steps }, results, cursor: { step: s.cursor.step, set: 0, part: 0 }, live: liveFor(undefined, t), pausedAtMs: null }
}

function completeIfDone(s: WorkoutState, t: number): WorkoutState {
  if (s.phase !== 'set' || !targetMet(stepAt(s.plan, s.cursor), s.live, t)) return s
  // A runner alternating sides goes straight on with the side they left part-way; no rest in between.
  const left = switchedAwayPart(s.plan, s.results, s.cursor)
  return left === null ? finishPart(s, t, 'target', 'part') : movePart(s, left, t, 'target')
}

/** Gone long enough: pause the set (banking the hold) until the runner is back in position. */
function pauseIfLeft(s: WorkoutState, t: number): WorkoutState {
  if (s.phase !== 'set' || !runnerLeft(s.live, t)) return s
  const l = s.live
  return { ...s, pausedAtMs: t, live: { ...l, holdBankedMs: holdMs(l, t), holdRunningSinceMs: null, ...NO_CUE, steppedOut: true, backSinceMs: null } }
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
  const results = replacePartResult(s.results, -1, resultOf(s, t, endedBy))
  const next = scope === 'exercise' ? nextExerciseCursor(s.plan, s.cursor) : nextPartAfter(s.plan, results, s.cursor)
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
  else next = nextPartAfter(s.plan, s.results, s.cursor)
  if (!next) return { phase: 'summary', plan: s.plan, results: s.results, endedAtMs: e.t }
  return toPlacement(s.plan, s.results, next)
}

function endWorkout(s: WorkoutState, t: number): WorkoutState {
  if (s.phase === 'summary') return s
  const results = s.phase === 'set' ? [...s.results, resultOf(s, t, 'workout-ended')] : s.results
  return { phase: 'summary', plan: s.plan, results, endedAtMs: t }
}
