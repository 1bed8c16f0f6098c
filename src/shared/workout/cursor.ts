import type { Cursor, PlanStep, WorkoutPlan } from './types'

/** The first part of the plan, or null for an empty plan. */
export function firstCursor(plan: WorkoutPlan): Cursor | null {
  return plan.steps.length > 0 ? { step: 0, set: 0, part: 0 } : null
}

/** The part after `c`: the other side, else the next set, else the next exercise; null at the end. */
export function nextCursor(plan: WorkoutPlan, c: Cursor): Cursor | null {
  const step = plan.steps[c.step]
  if (c.part + 1 < step.parts.length) return { ...c, part: c.part + 1 }
  if (c.set + 1 < step.sets) return { step: c.step, set: c.set + 1, part: 0 }
  return nextExerciseCursor(plan, c)
}

/** The first part of the next exercise, or null when `c` is in the last one. */
export function nextExerciseCursor(plan: WorkoutPlan, c: Cursor): Cursor | null {
  return c.step + 1 < plan.steps.length ? { step: c.step + 1, set: 0, part: 0 } : null
}

export function stepAt(plan: WorkoutPlan, c: Cursor): PlanStep {
  return plan.steps[c.step]
}

/** Whether `b` is the other side of the same set as `a`. */
export function isSideSwitch(a: Cursor, b: Cursor): boolean {
  return a.step === b.step && a.set === b.set && b.part !== a.part
}
