import type { ExerciseId } from '../engine/events'
import type { ExerciseDefinition, ExerciseOptions } from '../exercises/types'
import type { PlanStep, SidePart, WorkoutPlan } from './types'

/** The runner's adjustments to one exercise's prescription on Home. Absent fields keep the prescription. */
export interface StepChoice {
  exercise: ExerciseId
  sets?: number
  reps?: number
  /** Seconds. */
  holdSeconds?: number
  /** Seconds. */
  restSeconds?: number
  options?: ExerciseOptions
}

/** Limits a runner can set; outside them is a typo, not a training plan. */
export const LIMITS = {
  sets: { min: 1, max: 10 },
  reps: { min: 1, max: 100 },
  holdSeconds: { min: 5, max: 600 },
  restSeconds: { min: 0, max: 600 }
} as const

/** The routine's order: core first, then upper body, then legs (exercises.md). */
const GROUP_ORDER: ExerciseDefinition['group'][] = ['core', 'upper', 'lower']

/** Variant ids that turn a two-legged exercise into a one-leg-at-a-time one. */
const SINGLE_LEG_VARIANT = /single-leg|one-leg/

/** Which kind of two-part set an exercise has, if any. */
export function partsFor(def: ExerciseDefinition, options: ExerciseOptions = {}): SidePart[] {
  const kind: SidePart['kind'] | null =
    def.id === 'band-walk'
      ? 'direction'
      : def.id === 'side-plank'
        ? 'side-down'
        : def.prescription.perSide || SINGLE_LEG_VARIANT.test(options.variant ?? '')
          ? 'leg'
          : null
  if (!kind) return [{ side: null, kind: 'none' }]
  return [
    { side: 'left', kind },
    { side: 'right', kind }
  ]
}

function checked(name: keyof typeof LIMITS, value: number, exercise: ExerciseId): number {
  const { min, max } = LIMITS[name]
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${exercise}: ${name} must be a number from ${min} to ${max}, got ${value}`)
  }
  return name === 'holdSeconds' || name === 'restSeconds' ? value : Math.round(value)
}

/** One plan step from a definition and the runner's choice. Throws a RangeError naming a bad value. */
export function planStep(def: ExerciseDefinition, choice: Omit<StepChoice, 'exercise'> = {}): PlanStep {
  const p = def.prescription
  const options = choice.options ?? {}
  const countsReps = def.measure !== 'hold'
  const timesHold = def.measure !== 'reps'
  return {
    exercise: def.id,
    sets: checked('sets', choice.sets ?? p.sets, def.id),
    reps: countsReps ? checked('reps', choice.reps ?? p.reps ?? 10, def.id) : null,
    holdSeconds: timesHold ? checked('holdSeconds', choice.holdSeconds ?? p.holdSeconds ?? 30, def.id) : null,
    restSeconds: checked('restSeconds', choice.restSeconds ?? p.restSeconds, def.id),
    parts: partsFor(def, options),
    options
  }
}

/**
 * The workout plan: the chosen exercises in the routine's order (core → upper → lower, then the
 * registry's order within a group), whatever order they were picked in.
 */
export function buildPlan(defs: readonly ExerciseDefinition[], choices: readonly StepChoice[]): WorkoutPlan {
  const byId = new Map(defs.map((d) => [d.id, d]))
  const ordered = [...choices].sort((a, b) => rank(a.exercise) - rank(b.exercise))
  function rank(id: ExerciseId): number {
    const def = byId.get(id)
    if (!def) return Number.MAX_SAFE_INTEGER
    return GROUP_ORDER.indexOf(def.group) * 1000 + defs.indexOf(def)
  }
  const steps = ordered.map((c) => {
    const def = byId.get(c.exercise)
    if (!def) throw new Error(`Unknown exercise "${c.exercise}"; expected one of ${defs.map((d) => d.id).join(', ')}`)
    return planStep(def, c)
  })
  return { steps }
}

/** Total number of set parts in a plan (a two-sided set counts twice). */
export function partCount(plan: WorkoutPlan): number {
  return plan.steps.reduce((n, s) => n + s.sets * s.parts.length, 0)
}
