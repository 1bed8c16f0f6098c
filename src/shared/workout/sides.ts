import type { Side } from '../engine/events'
import { nextCursor, stepAt } from './cursor'
import type { Cursor, LiveSet, PlanStep, SetResult, WorkoutPlan } from './types'

/**
 * Two-sided sets follow the side the engine sees, not the side the plan expected: a rep (or a side
 * plank's down side) on the other side switches the set to that side's part, and the part it left
 * stays owed until its target is met. Results hold at most one entry per part of a set.
 */

/** The part of `step` the engine's side belongs to; null when the side says nothing (one-part step, no side). */
export function partForSide(step: PlanStep, side: Side | null | undefined): number | null {
  if (side === null || side === undefined || step.parts.length < 2) return null
  const i = step.parts.findIndex((p) => p.side === side)
  return i < 0 ? null : i
}

/** Index in `results` of the entry for this part of this set, or -1. Parts of one set are at the end, together. */
export function partResultIndex(results: readonly SetResult[], plan: WorkoutPlan, c: Cursor): number {
  const step = stepAt(plan, c)
  const side = step.parts[c.part].side
  for (let i = results.length - 1; i >= 0; i--) {
    const r = results[i]
    if (r.exercise !== step.exercise || r.set !== c.set) return -1
    if (r.side === side) return i
  }
  return -1
}

/**
 * Another part of this set the runner already did reps on before switching sides (they are
 * alternating), or null. Holds never qualify: turning over for the other side needs the rest.
 */
export function switchedAwayPart(plan: WorkoutPlan, results: readonly SetResult[], c: Cursor): number | null {
  const step = stepAt(plan, c)
  if (step.holdSeconds !== null) return null
  for (let k = 1; k < step.parts.length; k++) {
    const part = (c.part + k) % step.parts.length
    const i = partResultIndex(results, plan, { ...c, part })
    if (i >= 0 && results[i].endedBy === 'side-switch' && results[i].reps > 0) return part
  }
  return null
}

/** A part still owed: not done yet, or left part-way because the runner switched to the other side. */
export function owed(results: readonly SetResult[], plan: WorkoutPlan, c: Cursor): boolean {
  const i = partResultIndex(results, plan, c)
  return i < 0 || results[i].endedBy === 'side-switch'
}

/**
 * What comes after part `c` once its result is in `results`: another part of this set that is still
 * owed (its side switch), else the next set or exercise.
 */
export function nextPartAfter(plan: WorkoutPlan, results: readonly SetResult[], c: Cursor): Cursor | null {
  const parts = stepAt(plan, c).parts.length
  for (let k = 1; k < parts; k++) {
    const candidate = { ...c, part: (c.part + k) % parts }
    if (owed(results, plan, candidate)) return candidate
  }
  return nextCursor(plan, { ...c, part: parts - 1 })
}

/** A fresh live set part starting at t, or the one the runner left on a side switch, picked up again. */
export function liveFor(previous: SetResult | undefined, t: number): LiveSet {
  return {
    startedAtMs: previous?.startedAtMs ?? t,
    reps: previous?.reps ?? 0,
    holdBankedMs: (previous?.holdSeconds ?? 0) * 1000,
    holdRunningSinceMs: null,
    holdPausedReason: null,
    activeCue: null,
    activeCueSinceMs: null,
    activeCueCleared: false,
    cues: previous ? [...previous.cues] : [],
    awaySinceMs: null,
    switchedAtMs: null,
    steppedOut: false,
    backSinceMs: null
  }
}

/** `results` with entry i removed and `result` put back in part order among its set's tail. */
export function replacePartResult(results: readonly SetResult[], i: number, result: SetResult | null): SetResult[] {
  const rest = i < 0 ? [...results] : results.filter((_, k) => k !== i)
  if (!result) return rest
  let at = rest.length
  while (at > 0 && rest[at - 1].exercise === result.exercise && rest[at - 1].set === result.set && sideRank(rest[at - 1].side) > sideRank(result.side)) at--
  return [...rest.slice(0, at), result, ...rest.slice(at)]
}

/** Left before right, the plan's order for two-part sets. */
function sideRank(side: Side | null): number {
  return side === 'right' ? 1 : 0
}
