/**
 * Finding a workout a reload or crash interrupted (issue 11, item 8): the newest session that is still
 * running in main (the window reloaded) or was recovered at start-up (the app stopped), started
 * recently and saved with its plan, with part of the plan still to do.
 */
import type { RevUpApi } from '../../../shared/ipc'
import type { ExerciseDefinition } from '../../../shared/exercises/types'
import { countOf } from '../../../shared/text'
import { stepAt } from '../../../shared/workout/cursor'
import { planFromSession, resumePoint, type ResumePoint } from '../../../shared/workout/resume'
import type { WorkoutPlan } from '../../../shared/workout/types'
import { exerciseName, partLabel } from './exerciseCatalogue'

/** An interrupted workout from earlier today is offered; an older one is left to review (it is kept either way). */
export const RESUME_WITHIN_MS = 12 * 60 * 60 * 1000

export interface InterruptedWorkout {
  id: string
  /** Still running in main (the window reloaded, the runner is likely on the mat), not recovered after a restart. */
  running: boolean
  plan: WorkoutPlan
  /** Where it would go on; results on the clock of the `toWorkoutMs` it was found with. */
  point: ResumePoint
}

/**
 * The workout to offer, or null. Answers null rather than failing: with no sessions to read there is
 * simply nothing to resume.
 * @param nowMs wall clock, epoch ms
 * @param toWorkoutMs maps a journal time (epoch ms) to the workout clock (performance.now in the app)
 */
export async function findInterruptedWorkout(
  api: Pick<RevUpApi, 'listSessions' | 'getSession'>,
  defs: readonly ExerciseDefinition[],
  nowMs: number,
  toWorkoutMs: (epochMs: number) => number
): Promise<InterruptedWorkout | null> {
  const list = await api.listSessions()
  if (!list.ok) return null
  const newest = [...list.value].sort((a, b) => b.id.localeCompare(a.id))[0]
  if (!newest || (newest.state !== 'active' && newest.state !== 'recovered')) return null
  if (nowMs - Date.parse(newest.startedAt) > RESUME_WITHIN_MS) return null
  const record = await api.getSession(newest.id)
  if (!record.ok || !record.value.file.info.plan) return null
  const plan = planFromSession(defs, record.value.file.info.plan)
  if (!plan) return null
  const point = resumePoint(plan, record.value.entries, toWorkoutMs)
  return point ? { id: newest.id, running: newest.state === 'active', plan, point } : null
}

/** "Squat, set 1 of 2: 2 of 3 reps done." — where the workout goes on, in the runner's words. */
export function resumePlace(w: InterruptedWorkout): string {
  const { cursor, results } = w.point
  const step = stepAt(w.plan, cursor)
  const side = partLabel(step.parts[cursor.part])
  const place = `${exerciseName(step.exercise)}, set ${cursor.set + 1} of ${step.sets}${side ? `, ${side}` : ''}`
  const part = results.find((r) => r.exercise === step.exercise && r.set === cursor.set && r.side === step.parts[cursor.part].side)
  if (!part || (part.reps === 0 && part.holdSeconds === 0)) return `${place}.`
  const done = step.reps !== null ? `${part.reps} of ${countOf(step.reps, 'rep')}` : `${Math.floor(part.holdSeconds)} of ${step.holdSeconds} seconds`
  return `${place}: ${done} done.`
}

/** "4 reps saved." — what the session already holds, all of it kept whatever the runner chooses. */
export function savedSoFar(w: InterruptedWorkout): string {
  const { repsSaved, holdSecondsSaved } = w.point
  const parts = [...(repsSaved > 0 || holdSecondsSaved === 0 ? [countOf(repsSaved, 'rep')] : []), ...(holdSecondsSaved > 0 ? [`${Math.round(holdSecondsSaved)} s held`] : [])]
  return `${parts.join(' and ')} saved.`
}
