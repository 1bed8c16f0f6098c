import { describe, expect, it } from 'vitest'
import type { Side } from '../engine/events'
import { COUNTDOWN_MS, PLACEMENT_STEADY_MS } from './guards'
import { initialWorkout, workoutTransition } from './machine'
import { buildPlan, type StepChoice } from './plan'
import { FAKE_DEFS } from './test-definitions'
import type { WorkoutEvent, WorkoutState } from './types'

const run = (s: WorkoutState, ...events: WorkoutEvent[]): WorkoutState => events.reduce(workoutTransition, s)
const workout = (...choices: StepChoice[]) => initialWorkout(buildPlan(FAKE_DEFS, choices))
function phase<P extends WorkoutState['phase']>(s: WorkoutState, p: P): Extract<WorkoutState, { phase: P }> {
  expect(s.phase).toBe(p)
  return s as Extract<WorkoutState, { phase: P }>
}
const rep = (t: number, side: Side | null): WorkoutEvent => ({ type: 'REP', t, side })
/** From a rest (or placement) through placement and countdown into the next set; returns the set start time. */
function into(s: WorkoutState, t: number): [WorkoutState, number] {
  const begin = s.phase === 'rest' ? s.endsAtMs : t
  const placed = run(s, { type: 'TICK', t: begin }, { type: 'PLACEMENT', t: begin, ok: true }, { type: 'TICK', t: begin + PLACEMENT_STEADY_MS })
  const start = begin + PLACEMENT_STEADY_MS + COUNTDOWN_MS
  return [run(placed, { type: 'TICK', t: start }), start]
}
function startSet(s: WorkoutState): [WorkoutState, number] {
  return into(run(s, { type: 'START', t: 0 }), 0)
}

describe('two-sided sets follow the engine side', () => {
  it('a rep on the other leg counts for that leg and switches the set to it, with a prompt', () => {
    const [s0, t] = startSet(workout({ exercise: 'lunge', sets: 1, reps: 3 }))
    const s = phase(run(s0, rep(t + 1000, 'left'), rep(t + 2000, 'right')), 'set')
    expect(s.cursor.part).toBe(1)
    expect(s.live).toMatchObject({ reps: 1, switchedAtMs: t + 2000 })
    expect(s.results).toEqual([expect.objectContaining({ side: 'left', reps: 1, endedBy: 'side-switch' })])
  })

  it('alternating legs keep one tally per leg, with no rest between, and end the set when both targets are met', () => {
    const [s0, t] = startSet(workout({ exercise: 'lunge', sets: 1, reps: 2 }))
    const sides: Side[] = ['left', 'right', 'left', 'right']
    const s = phase(run(s0, ...sides.map((side, i) => rep(t + 1000 * (i + 1), side))), 'summary')
    expect(s.results.map((r) => `${r.side}:${r.reps}:${r.endedBy}`)).toEqual(['left:2:target', 'right:2:target'])
  })

  it('a runner who starts on the other leg gets it counted; the rest then prompts the leg still owed', () => {
    const [s0, t] = startSet(workout({ exercise: 'lunge', sets: 2, reps: 2 }))
    const rest = phase(run(s0, rep(t + 1000, 'right'), rep(t + 2000, 'right')), 'rest')
    expect(rest.sideSwitch).toBe(true)
    expect(rest.cursor).toEqual({ step: 0, set: 0, part: 0 })
    const [back, t2] = into(rest, 0)
    expect(phase(back, 'set').results.map((r) => r.side)).toEqual(['right'])
    // The left leg's last rep ends the set: next is set 2 (a full rest), not the right leg again.
    const after = phase(run(back, rep(t2 + 1000, 'left'), rep(t2 + 2000, 'left')), 'rest')
    expect(after.sideSwitch).toBe(false)
    expect(after.cursor).toEqual({ step: 0, set: 1, part: 0 })
    expect(after.results.map((r) => `${r.side}:${r.reps}:${r.endedBy}`)).toEqual(['left:2:target', 'right:2:target'])
  })

  it('a side plank held on the right counts for the right side (the detected down side)', () => {
    const [s0, t] = startSet(workout({ exercise: 'side-plank', sets: 1, holdSeconds: 5 }))
    const s = phase(run(s0, { type: 'HOLD', t: t + 500, running: true, side: 'right' }), 'set')
    expect(s.cursor.part).toBe(1)
    const rest = phase(run(s, { type: 'TICK', t: t + 5500 }), 'rest')
    expect(rest.sideSwitch).toBe(true)
    expect(rest.cursor.part).toBe(0)
    expect(rest.results).toEqual([
      expect.objectContaining({ side: 'left', holdSeconds: 0, endedBy: 'side-switch' }),
      expect.objectContaining({ side: 'right', holdSeconds: 5, endedBy: 'target' })
    ])
  })

  it('a hold pausing keeps its part; reps without a side, and one-sided exercises, never switch', () => {
    const [s0, t] = startSet(workout({ exercise: 'side-plank', sets: 1, holdSeconds: 5 }))
    const paused = phase(run(s0, { type: 'HOLD', t: t + 100, running: true, side: 'left' }, { type: 'HOLD', t: t + 900, running: false, side: 'right', reason: 'Hips dropping' }), 'set')
    expect(paused.cursor.part).toBe(0)
    expect(paused.live.holdPausedReason).toBe('Hips dropping')
    const [sq, ts] = startSet(workout({ exercise: 'squat', sets: 1, reps: 5 }))
    expect(phase(run(sq, rep(ts + 1000, 'right')), 'set').cursor.part).toBe(0)
    const [lg, tl] = startSet(workout({ exercise: 'lunge', sets: 1, reps: 5 }))
    expect(phase(run(lg, rep(tl + 1000, null)), 'set')).toMatchObject({ cursor: { part: 0 }, live: { reps: 1, switchedAtMs: null } })
  })

  it('skipping a side plank side while the runner stays on the other side moves on: no left ↔ right loop (issue 11, item 2)', () => {
    const [s0, t] = startSet(workout({ exercise: 'side-plank', sets: 1, holdSeconds: 30 }))
    // The runner lies on the right although the plan starts left: the set follows them to the right…
    let s: WorkoutState = run(s0, { type: 'HOLD', t: t + 500, running: true, side: 'right' })
    expect(phase(s, 'set').cursor.part).toBe(1)
    // …they skip: the left part they never did is still owed, so they are taken there…
    s = run(s, { type: 'SKIP', t: t + 2000, scope: 'part' })
    s = run(s, { type: 'SKIP', t: t + 2100, scope: 'part' }, { type: 'PLACEMENT', t: t + 2200, ok: true }, { type: 'TICK', t: t + 3200 }, { type: 'TICK', t: t + 6200 })
    expect(phase(s, 'set').cursor.part).toBe(0)
    // …still on the right: the skipped right side is not brought back, and one more skip leaves the exercise.
    s = run(s, { type: 'HOLD', t: t + 7000, running: true, side: 'right' })
    expect(phase(s, 'set').cursor.part).toBe(0)
    s = run(s, { type: 'SKIP', t: t + 8000, scope: 'part' })
    expect(s.phase).toBe('summary')
  })
})
