import { describe, expect, it } from 'vitest'
import type { EngineEvent, ExerciseId, Side } from '../engine/events'
import type { JournalEntry } from '../session/types'
import { COUNTDOWN_MS, PLACEMENT_STEADY_MS } from './guards'
import { workoutTransition } from './machine'
import { buildPlan, type StepChoice } from './plan'
import { planFromSession, plannedSteps, resumedWorkout, resumePoint } from './resume'
import { FAKE_DEFS } from './test-definitions'
import type { WorkoutEvent, WorkoutState } from './types'

const plan = (...choices: StepChoice[]) => buildPlan(FAKE_DEFS, choices)
/** Journal times are epoch ms; the resumed workout's clock starts 1,000,000 ms later. */
const toWorkoutMs = (epochMs: number) => epochMs - 1_000_000

const start = (at: number, exercise: ExerciseId, setIndex: number, side: Side | null = null): JournalEntry => ({ kind: 'set-start', at, exercise, setIndex, side, target: {} })
const end = (at: number, exercise: ExerciseId, setIndex: number, reason: 'completed' | 'skipped' | 'stopped', side: Side | null = null): JournalEntry => ({
  kind: 'set-end', at, exercise, setIndex, side, reason
})
const rep = (at: number, exercise: ExerciseId, setIndex: number, side: Side | null = null): JournalEntry => ({
  kind: 'engine', at, exercise, setIndex,
  event: { type: 'rep', t: at, exercise, side, startMs: at - 2000, bottomMs: at - 1000, endMs: at, depthDeg: 80, rangeDeg: 90, durationMs: 2000, tempo: { downMs: 1000, upMs: 1000 }, cues: [] }
})
const hold = (at: number, setIndex: number, phase: 'started' | 'paused' | 'resumed' | 'ended', goodFormMs: number): JournalEntry => {
  const event: EngineEvent = { type: 'hold', t: at, phase, side: null, goodFormMs }
  return { kind: 'engine', at, exercise: 'plank', setIndex, event }
}

/** The resumed workout through placement and the countdown into its set, then `events`. */
function goOn(s: WorkoutState, ...events: WorkoutEvent[]): WorkoutState {
  const t = 10_000
  const set = [
    { type: 'PLACEMENT', t, ok: true },
    { type: 'TICK', t: t + PLACEMENT_STEADY_MS },
    { type: 'TICK', t: t + PLACEMENT_STEADY_MS + COUNTDOWN_MS }
  ] satisfies WorkoutEvent[]
  return [...set, ...events].reduce(workoutTransition, s)
}
const SET_T = 10_000 + PLACEMENT_STEADY_MS + COUNTDOWN_MS

describe('the plan kept with the session', () => {
  it('comes back as the same plan (sets, targets, rest, sides, variant and band)', () => {
    const p = plan(
      { exercise: 'squat', sets: 3, reps: 12, restSeconds: 45, options: { variant: 'chair' } },
      { exercise: 'band-walk', options: { bandColour: 'blue' } },
      { exercise: 'plank', holdSeconds: 40 }
    )
    expect(planFromSession(FAKE_DEFS, plannedSteps(p))).toEqual(p)
  })

  it('is refused when an exercise is unknown or a value is out of range, rather than guessed', () => {
    expect(planFromSession(FAKE_DEFS.filter((d) => d.id !== 'squat'), plannedSteps(plan({ exercise: 'squat' })))).toBeNull()
    expect(planFromSession(FAKE_DEFS, [{ exercise: 'squat', sets: 0, reps: 10, holdSeconds: null, restSeconds: 60 }])).toBeNull()
    expect(planFromSession(FAKE_DEFS, [])).toBeNull()
  })
})

describe('where an interrupted workout goes on', () => {
  const squats = plan({ exercise: 'squat', sets: 2, reps: 3 })

  it('mid-set: the same set again, with the reps already counted, and one more rep meets the target', () => {
    const entries = [start(1_000_000, 'squat', 1), rep(1_003_000, 'squat', 1), rep(1_006_000, 'squat', 1)]
    const point = resumePoint(squats, entries, toWorkoutMs)!
    expect(point.cursor).toEqual({ step: 0, set: 0, part: 0 })
    expect(point.results).toMatchObject([{ exercise: 'squat', set: 0, reps: 2, endedBy: 'side-switch', startedAtMs: 0, endedAtMs: 0 }])
    expect(point.repsSaved).toBe(2)
    const inSet = goOn(resumedWorkout(squats, point))
    expect(inSet).toMatchObject({ phase: 'set', cursor: { set: 0 }, live: { reps: 2 } })
    const after = workoutTransition(inSet, { type: 'REP', t: SET_T + 2000, side: null })
    expect(after).toMatchObject({ phase: 'rest', cursor: { step: 0, set: 1, part: 0 } })
    expect(after.results).toMatchObject([{ set: 0, reps: 3, endedBy: 'target' }])
  })

  it('between sets (the rest): the next set, the finished one kept as done', () => {
    const entries = [start(1_000_000, 'squat', 1), rep(1_002_000, 'squat', 1), rep(1_004_000, 'squat', 1), rep(1_006_000, 'squat', 1), end(1_006_100, 'squat', 1, 'completed')]
    const point = resumePoint(squats, entries, toWorkoutMs)!
    expect(point.cursor).toEqual({ step: 0, set: 1, part: 0 })
    expect(point.results).toMatchObject([{ set: 0, reps: 3, endedBy: 'target', endedAtMs: 6100 }])
    expect(goOn(resumedWorkout(squats, point))).toMatchObject({ phase: 'set', cursor: { set: 1 }, live: { reps: 0 } })
  })

  it('a set skipped part-way is not brought back', () => {
    const entries = [start(1_000_000, 'squat', 1), rep(1_002_000, 'squat', 1), end(1_003_000, 'squat', 1, 'skipped')]
    expect(resumePoint(squats, entries, toWorkoutMs)?.cursor).toEqual({ step: 0, set: 1, part: 0 })
  })

  it('a set started but not yet counted (reloaded at "Go"): that set again, from zero', () => {
    const point = resumePoint(squats, [start(1_000_000, 'squat', 1)], toWorkoutMs)!
    expect(point.cursor).toEqual({ step: 0, set: 0, part: 0 })
    expect(goOn(resumedWorkout(squats, point))).toMatchObject({ phase: 'set', live: { reps: 0 } })
  })

  it('the last set done: nothing to resume; nothing started: nothing to resume', () => {
    const one = plan({ exercise: 'squat', sets: 1, reps: 1 })
    expect(resumePoint(one, [start(1_000_000, 'squat', 1), rep(1_001_000, 'squat', 1), end(1_001_100, 'squat', 1, 'completed')], toWorkoutMs)).toBeNull()
    expect(resumePoint(one, [], toWorkoutMs)).toBeNull()
  })

  it('two-sided sets: the left side done, the right side cut off after one rep goes on on the right with that rep', () => {
    const lunges = plan({ exercise: 'lunge', sets: 1, reps: 2 })
    const entries = [
      start(1_000_000, 'lunge', 1, 'left'), rep(1_001_000, 'lunge', 1, 'left'), rep(1_002_000, 'lunge', 1, 'left'), end(1_002_100, 'lunge', 1, 'completed', 'left'),
      start(1_012_000, 'lunge', 1, 'right'), rep(1_013_000, 'lunge', 1, 'right')
    ]
    const point = resumePoint(lunges, entries, toWorkoutMs)!
    expect(point.cursor).toEqual({ step: 0, set: 0, part: 1 })
    expect(point.results.map((r) => [r.side, r.reps, r.endedBy])).toEqual([['left', 2, 'target'], ['right', 1, 'side-switch']])
    const after = workoutTransition(goOn(resumedWorkout(lunges, point)), { type: 'REP', t: SET_T + 1000, side: 'right' })
    expect(after.phase).toBe('summary')
    expect(after.results.map((r) => [r.side, r.reps])).toEqual([['left', 2], ['right', 2]])
  })

  it('a set that followed the runner to the other side keeps each rep on its own side; the side it started on goes on', () => {
    const lunges = plan({ exercise: 'lunge', sets: 1, reps: 3 })
    const entries = [start(1_000_000, 'lunge', 1, 'left'), rep(1_001_000, 'lunge', 1, 'left'), rep(1_002_000, 'lunge', 1, 'right'), rep(1_003_000, 'lunge', 1, null)]
    const point = resumePoint(lunges, entries, toWorkoutMs)!
    // A rep with no side of its own counts for the side its set line names.
    expect(point.results.map((r) => [r.side, r.reps, r.endedBy])).toEqual([['left', 2, 'side-switch'], ['right', 1, 'side-switch']])
    expect(point.cursor).toEqual({ step: 0, set: 0, part: 0 })
  })

  it('a hold cut off part-way goes on with its good-form time banked', () => {
    const planks = plan({ exercise: 'plank', sets: 1, holdSeconds: 30 })
    const entries = [start(1_000_000, 'plank', 1), hold(1_001_000, 1, 'started', 0), hold(1_021_000, 1, 'paused', 20_000)]
    const point = resumePoint(planks, entries, toWorkoutMs)!
    expect(point.results).toMatchObject([{ holdSeconds: 20, endedBy: 'side-switch' }])
    expect(point.holdSecondsSaved).toBe(20)
    expect(goOn(resumedWorkout(planks, point))).toMatchObject({ phase: 'set', live: { holdBankedMs: 20_000 } })
  })

  it('goes on in the next exercise after the last set of one, and counts reps of exercises outside the plan as saved', () => {
    const p = plan({ exercise: 'push-up', sets: 1, reps: 1 }, { exercise: 'squat', sets: 1, reps: 1 })
    const entries = [start(1_000_000, 'push-up', 1), rep(1_001_000, 'push-up', 1), end(1_001_100, 'push-up', 1, 'completed'), rep(1_002_000, 'lunge', 1, 'left')]
    const point = resumePoint(p, entries, toWorkoutMs)!
    expect(point.cursor).toEqual({ step: 1, set: 0, part: 0 })
    expect(point.repsSaved).toBe(2)
  })
})
