/**
 * Where the runner is in the plan, in their words: "Exercise 2 of 3 · about 12 min left". The time
 * left is an estimate from the plan alone (targets and rests), shown so a runner on the mat knows
 * how much is to come; it never drives anything.
 */
import { nextCursor } from './cursor'
import type { Cursor, PlanStep, WorkoutPlan } from './types'

/** A rep at a controlled routine tempo (2 s down, a pause, up) with the turn-around: ~3 s. */
export const SECONDS_PER_REP = 3
/** Getting into position and the 3-2-1 before each set part. */
export const SETUP_SECONDS_PER_PART = 10

/** Seconds one set part of this step takes, its setup included. */
function partSeconds(step: PlanStep): number {
  const work = Math.max(step.reps !== null ? step.reps * SECONDS_PER_REP : 0, step.holdSeconds ?? 0)
  return work + SETUP_SECONDS_PER_PART
}

/** Seconds left from the start of part `from` to the end of the plan: its parts and the rests between them. */
export function secondsLeft(plan: WorkoutPlan, from: Cursor): number {
  let total = 0
  for (let c: Cursor | null = from; c; ) {
    const step = plan.steps[c.step]
    total += partSeconds(step)
    const next = nextCursor(plan, c)
    // A rest follows every set part but the last; a side switch is short (the machine's own rest applies).
    if (next) total += step.restSeconds
    c = next
  }
  return total
}

/** "Exercise 2 of 3 · about 12 min left" (under a minute: "under a minute left"). */
export function progressLine(plan: WorkoutPlan, at: Cursor): string {
  const minutes = Math.round(secondsLeft(plan, at) / 60)
  const left = minutes < 1 ? 'under a minute left' : `about ${minutes} min left`
  return `Exercise ${at.step + 1} of ${plan.steps.length} · ${left}`
}
