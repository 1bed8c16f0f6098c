/**
 * Going on with an interrupted workout (a reload or a crash mid-workout): the plan comes back from the
 * session's start info, and where the runner was in it, with every rep and hold already counted, from
 * the session's journal. Pure: the same plan and entries always give the same place.
 *
 * The place is the part of the plan the journal last started: that part again when it was left
 * unfinished (picked up with its reps and hold time, as a side switch picks a part up), else the part
 * after it. Parts the runner skipped before any set line was written (a skip during placement) leave
 * no trace in the journal, so they are not skipped again.
 */
import type { ExerciseDefinition } from '../exercises/types'
import { computeSummary } from '../session/summary'
import type { JournalEntry, PlannedStep, SetSummary } from '../session/types'
import { planStep } from './plan'
import { nextPartAfter, owed } from './sides'
import type { Cursor, PlanStep, SetEnd, SetResult, WorkoutPlan, WorkoutState } from './types'

/** Where an interrupted workout goes on, and what it had done. */
export interface ResumePoint {
  /** The part the workout goes on with. */
  cursor: Cursor
  /**
   * What each set part in the journal achieved, in the order done; a part left part-way is owed
   * (endedBy 'side-switch'), so the set picks it up with its reps and hold time. Times on the caller's
   * workout clock (toWorkoutMs), milliseconds.
   */
  results: SetResult[]
  /** Every rep saved in the session, including any of exercises not in the plan. */
  repsSaved: number
  /** Good-form hold time saved in the session, seconds. */
  holdSecondsSaved: number
}

/** The plan as a session's start info keeps it (SessionStartInfo.plan). */
export function plannedSteps(plan: WorkoutPlan): PlannedStep[] {
  return plan.steps.map((s) => ({
    exercise: s.exercise,
    sets: s.sets,
    reps: s.reps,
    holdSeconds: s.holdSeconds,
    restSeconds: s.restSeconds,
    ...(s.options.variant !== undefined && { variant: s.options.variant }),
    ...(s.options.bandColour !== undefined && { bandColour: s.options.bandColour })
  }))
}

/** The plan back from a session's start info; null when an exercise is unknown to this build or a value is out of range. */
export function planFromSession(defs: readonly ExerciseDefinition[], planned: readonly PlannedStep[]): WorkoutPlan | null {
  const steps: PlanStep[] = []
  for (const p of planned) {
    const def = defs.find((d) => d.id === p.exercise)
    if (!def) return null
    const options = { ...(p.variant !== undefined && { variant: p.variant }), ...(p.bandColour !== undefined && { bandColour: p.bandColour }) }
    try {
      steps.push(planStep(def, { sets: p.sets, reps: p.reps ?? undefined, holdSeconds: p.holdSeconds ?? undefined, restSeconds: p.restSeconds, options }))
    } catch {
      return null
    }
  }
  return steps.length > 0 ? { steps } : null
}

/**
 * Where the workout `plan` goes on after the journal `entries` (pose entries are ignored); null when
 * every part of the plan is done (nothing to resume) or no set was started.
 * @param toWorkoutMs maps a journal time (epoch ms) to the workout clock the results use
 */
export function resumePoint(plan: WorkoutPlan, entries: readonly JournalEntry[], toWorkoutMs: (epochMs: number) => number): ResumePoint | null {
  const summary = computeSummary(entries)
  const groups = groupByPlanSet(plan, summary.sets)
  if (groups.length === 0) return null
  const firstAt = entries.reduce((min, e) => Math.min(min, e.at), Number.POSITIVE_INFINITY)
  const results = groups.flatMap((g) => partResults(plan, g, (epochMs) => toWorkoutMs(Number.isFinite(epochMs) ? epochMs : firstAt)))
  const last = groups[groups.length - 1]
  const lastSet = last.sets[last.sets.length - 1]
  const step = plan.steps[last.step]
  const part = Math.max(0, step.parts.findIndex((p) => p.side === lastSet.side))
  const started: Cursor = { step: last.step, set: last.set, part }
  const cursor = owed(results, plan, started) ? started : nextPartAfter(plan, results, started)
  if (!cursor) return null
  return { cursor, results, repsSaved: summary.repCount, holdSecondsSaved: summary.holdSeconds }
}

/** The interrupted workout back in its plan, at the placement check of the part it goes on with. */
export function resumedWorkout(plan: WorkoutPlan, point: ResumePoint): WorkoutState {
  return { phase: 'placement', plan, results: point.results, cursor: point.cursor, okSinceMs: null, pausedAtMs: null }
}

/** The journal's set lines of one set of one plan step (a two-sided set may have one per side, or a resumed set two). */
interface PlanSetGroup {
  step: number
  /** 0-based set within the step. */
  set: number
  sets: SetSummary[]
}

/** Journal sets by plan step and set, in the order first started; sets of exercises the plan lacks are left out. */
function groupByPlanSet(plan: WorkoutPlan, sets: readonly SetSummary[]): PlanSetGroup[] {
  const groups: PlanSetGroup[] = []
  for (const s of sets) {
    const step = plan.steps.findIndex((p) => p.exercise === s.exercise && s.setIndex <= p.sets)
    if (step < 0) continue
    const set = s.setIndex - 1
    const group = groups.find((g) => g.step === step && g.set === set)
    if (group) {
      group.sets.push(s)
      // The most recently started set goes last: the workout goes on from it.
      groups.splice(groups.indexOf(group), 1)
      groups.push(group)
    } else groups.push({ step, set, sets: [s] })
  }
  return groups
}

/** One result per part the journal touched, in part order (as the workout keeps a set's parts together). */
function partResults(plan: WorkoutPlan, g: PlanSetGroup, toWorkoutMs: (epochMs: number) => number): SetResult[] {
  const step = plan.steps[g.step]
  const results: SetResult[] = []
  for (const part of step.parts) {
    const mine = (side: string | null, setSide: string | null) => part.side === null || (side ?? setSide) === part.side
    const reps = g.sets.reduce((n, s) => n + s.reps.filter((r) => mine(r.side, s.side)).length, 0)
    const holdMs = g.sets.reduce((n, s) => n + s.holds.filter((h) => mine(h.side, s.side)).reduce((m, h) => m + h.goodFormMs, 0), 0)
    const ownSets = g.sets.filter((s) => part.side === null || s.side === part.side)
    if (ownSets.length === 0 && reps === 0 && holdMs === 0) continue
    const times = g.sets.flatMap((s) => [s.startedAt, s.endedAt]).filter((t): t is number => t !== null)
    results.push({
      exercise: step.exercise,
      set: g.set,
      side: part.side,
      reps,
      targetReps: step.reps,
      holdSeconds: holdMs / 1000,
      targetHoldSeconds: step.holdSeconds,
      cues: [...new Set(ownSets.flatMap((s) => s.warnings.map((w) => w.id)))],
      // A set whose lines were all lost has no time of its own: the journal's first entry stands in (Infinity here).
      startedAtMs: toWorkoutMs(Math.min(...times)),
      endedAtMs: toWorkoutMs(Math.max(...times, Math.min(...times))),
      endedBy: partEnd(step, ownSets, reps, holdMs)
    })
  }
  return results
}

/** Target met, or ended as the journal says; a part left part-way (stopped, or cut off by the interruption) is still owed. */
function partEnd(step: PlanStep, ownSets: readonly SetSummary[], reps: number, holdMs: number): SetEnd {
  const met = (step.reps === null || reps >= step.reps) && (step.holdSeconds === null || holdMs >= step.holdSeconds * 1000)
  if (met) return 'target'
  const ended = ownSets.findLast((s) => s.endReason === 'completed' || s.endReason === 'skipped')
  if (ended) return ended.endReason === 'completed' ? 'target' : 'skipped'
  return 'side-switch'
}
