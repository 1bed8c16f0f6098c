import { describe, expect, it } from 'vitest'
import { AWAY_PAUSE_MS, BACK_RESUME_MS, COUNTDOWN_ABORT_MS, COUNTDOWN_MS, CUE_MIN_SHOWN_MS, PLACEMENT_STEADY_MS, SIDE_SWITCH_REST_SECONDS } from './guards'
import { initialWorkout, workoutTransition } from './machine'
import { buildPlan, planStep, type StepChoice } from './plan'
import { FAKE_DEFS } from './test-definitions'
import type { WorkoutEvent, WorkoutState } from './types'

const run = (s: WorkoutState, ...events: WorkoutEvent[]): WorkoutState => events.reduce(workoutTransition, s)
const workout = (...choices: StepChoice[]) => initialWorkout(buildPlan(FAKE_DEFS, choices))
function phase<P extends WorkoutState['phase']>(s: WorkoutState, p: P): Extract<WorkoutState, { phase: P }> {
  expect(s.phase).toBe(p)
  return s as Extract<WorkoutState, { phase: P }>
}

/** From plan to a running set at t = 1000 + steady + countdown. */
function inSet(s: WorkoutState, t0 = 0): WorkoutState {
  const placed = run(s, { type: 'START', t: t0 }, { type: 'PLACEMENT', t: t0 + 100, ok: true }, { type: 'TICK', t: t0 + 100 + PLACEMENT_STEADY_MS })
  return run(placed, { type: 'TICK', t: t0 + 100 + PLACEMENT_STEADY_MS + COUNTDOWN_MS })
}
const SET_START = 100 + PLACEMENT_STEADY_MS + COUNTDOWN_MS
const reps = (n: number, t: number): WorkoutEvent[] => Array.from({ length: n }, (_, i) => ({ type: 'REP', t: t + i * 1000, side: null }))

describe('plan → placement → countdown', () => {
  it('START moves to placement of the first part', () => {
    const s = phase(run(workout({ exercise: 'squat' }), { type: 'START', t: 0 }), 'placement')
    expect(s.cursor).toEqual({ step: 0, set: 0, part: 0 })
  })

  it('START on an empty plan goes straight to the summary', () => {
    expect(run(workout(), { type: 'START', t: 0 }).phase).toBe('summary')
  })

  it('a green placement starts the countdown only once it has held steady (hands-free start)', () => {
    const s = run(workout({ exercise: 'squat' }), { type: 'START', t: 0 }, { type: 'PLACEMENT', t: 0, ok: true })
    expect(run(s, { type: 'TICK', t: PLACEMENT_STEADY_MS - 1 }).phase).toBe('placement')
    const c = phase(run(s, { type: 'PLACEMENT', t: PLACEMENT_STEADY_MS, ok: true }), 'countdown')
    expect(c.endsAtMs).toBe(PLACEMENT_STEADY_MS + COUNTDOWN_MS)
  })

  it('a red check resets the steadiness clock', () => {
    const s = run(
      workout({ exercise: 'squat' }),
      { type: 'START', t: 0 },
      { type: 'PLACEMENT', t: 0, ok: true },
      { type: 'PLACEMENT', t: 500, ok: false },
      { type: 'PLACEMENT', t: 600, ok: true }
    )
    expect(run(s, { type: 'TICK', t: 1200 }).phase).toBe('placement')
    expect(run(s, { type: 'TICK', t: 600 + PLACEMENT_STEADY_MS }).phase).toBe('countdown')
  })

  it('staying out of position during the countdown goes back to placement', () => {
    const s = run(workout({ exercise: 'squat' }), { type: 'START', t: 0 }, { type: 'PLACEMENT', t: 0, ok: true }, { type: 'TICK', t: 1000 })
    const red = run(s, { type: 'PLACEMENT', t: 1500, ok: false })
    expect(red.phase).toBe('countdown')
    expect(run(red, { type: 'TICK', t: 1500 + COUNTDOWN_ABORT_MS }).phase).toBe('placement')
  })

  it('a short red spell (starting a rep early) does not cancel the countdown', () => {
    const s = run(
      workout({ exercise: 'squat' }),
      { type: 'START', t: 0 },
      { type: 'PLACEMENT', t: 0, ok: true },
      { type: 'TICK', t: 1000 },
      { type: 'PLACEMENT', t: 1500, ok: false },
      { type: 'PLACEMENT', t: 1500 + COUNTDOWN_ABORT_MS - 1, ok: false },
      { type: 'PLACEMENT', t: 1500 + COUNTDOWN_ABORT_MS - 1, ok: true },
      { type: 'TICK', t: 1000 + COUNTDOWN_MS }
    )
    expect(s.phase).toBe('set')
  })

  it('the countdown ends in a set that starts at the countdown end', () => {
    const s = phase(inSet(workout({ exercise: 'squat' })), 'set')
    expect(s.live.startedAtMs).toBe(SET_START)
  })

  it('ignores events that do not apply, returning the same state', () => {
    const s = run(workout({ exercise: 'squat' }), { type: 'START', t: 0 })
    expect(workoutTransition(s, { type: 'REP', t: 10, side: null })).toBe(s)
  })
})

describe('set', () => {
  it('counts reps and ends the set hands-free when the target is met, then rests', () => {
    const s = run(inSet(workout({ exercise: 'squat', reps: 3, restSeconds: 45 })), ...reps(3, SET_START + 1000))
    const rest = phase(s, 'rest')
    expect(rest.results[0]).toMatchObject({ exercise: 'squat', reps: 3, targetReps: 3, endedBy: 'target', set: 0 })
    expect(rest.cursor).toEqual({ step: 0, set: 1, part: 0 })
    expect(rest.endsAtMs).toBe(SET_START + 3000 + 45_000)
    expect(rest.sideSwitch).toBe(false)
  })

  it('times a hold only while the engine reports good form, and ends at the target', () => {
    let s = inSet(workout({ exercise: 'plank', holdSeconds: 10 }))
    s = run(s, { type: 'HOLD', t: SET_START + 1000, running: true }, { type: 'HOLD', t: SET_START + 5000, running: false, reason: 'Hips sagging' })
    const paused = phase(s, 'set')
    expect(paused.live).toMatchObject({ holdBankedMs: 4000, holdRunningSinceMs: null, holdPausedReason: 'Hips sagging' })
    s = run(s, { type: 'TICK', t: SET_START + 20_000 }, { type: 'HOLD', t: SET_START + 20_000, running: true })
    expect(run(s, { type: 'TICK', t: SET_START + 25_999 }).phase).toBe('set')
    const done = phase(run(s, { type: 'TICK', t: SET_START + 26_000 }), 'summary')
    expect(done.results[0]).toMatchObject({ holdSeconds: 10, targetHoldSeconds: 10, endedBy: 'target' })
  })

  it('needs both the hold and the thrusters for the glute bridge', () => {
    let s = inSet(workout({ exercise: 'glute-bridge', holdSeconds: 5, reps: 2 }))
    s = run(s, { type: 'HOLD', t: SET_START, running: true }, { type: 'TICK', t: SET_START + 6000 })
    expect(s.phase).toBe('set')
    expect(run(s, ...reps(2, SET_START + 7000)).phase).toBe('summary')
  })

  it('keeps the active cue and every cue raised, once each', () => {
    const s = run(
      inSet(workout({ exercise: 'squat' })),
      { type: 'CUE', t: SET_START + 1, id: 'knees-in', phase: 'raised' },
      { type: 'CUE', t: SET_START + 2, id: 'knees-in', phase: 'cleared' },
      { type: 'CUE', t: SET_START + 3, id: 'knees-in', phase: 'raised' },
      { type: 'CUE', t: SET_START + 4, id: 'too-fast', phase: 'raised' },
      { type: 'CUE', t: SET_START + 5, id: 'knees-in', phase: 'cleared' }
    )
    expect(phase(s, 'set').live).toMatchObject({ activeCue: 'too-fast', cues: ['knees-in', 'too-fast'] })
  })

  it('keeps a cue the engine clears at once on screen for CUE_MIN_SHOWN_MS, then drops it at the next tick', () => {
    const raisedAt = SET_START + 1000
    // A brief bottom's fault: raised, then cleared 130 ms later when its rep is dropped.
    let s = run(inSet(workout({ exercise: 'squat' })), { type: 'CUE', t: raisedAt, id: 'knees-in', phase: 'raised' }, { type: 'CUE', t: raisedAt + 130, id: 'knees-in', phase: 'cleared' })
    expect(phase(s, 'set').live.activeCue).toBe('knees-in')
    s = run(s, { type: 'TICK', t: raisedAt + CUE_MIN_SHOWN_MS - 250 })
    expect(phase(s, 'set').live.activeCue).toBe('knees-in')
    s = run(s, { type: 'TICK', t: raisedAt + CUE_MIN_SHOWN_MS })
    expect(phase(s, 'set').live).toMatchObject({ activeCue: null, cues: ['knees-in'] })
  })

  it('drops a cue cleared after CUE_MIN_SHOWN_MS at once, and lets a newer cue replace one still held on screen', () => {
    const t0 = SET_START + 1000
    const late = run(inSet(workout({ exercise: 'squat' })), { type: 'CUE', t: t0, id: 'knees-in', phase: 'raised' }, { type: 'CUE', t: t0 + CUE_MIN_SHOWN_MS + 500, id: 'knees-in', phase: 'cleared' })
    expect(phase(late, 'set').live.activeCue).toBeNull()
    let s = run(inSet(workout({ exercise: 'squat' })), { type: 'CUE', t: t0, id: 'knees-in', phase: 'raised' }, { type: 'CUE', t: t0 + 100, id: 'knees-in', phase: 'cleared' })
    s = run(s, { type: 'CUE', t: t0 + 600, id: 'too-fast', phase: 'raised' }, { type: 'TICK', t: t0 + CUE_MIN_SHOWN_MS + 100 })
    expect(phase(s, 'set').live.activeCue).toBe('too-fast')
  })

  it('pauses (never ends) the set when the runner steps out of frame, and goes on when they are back in position', () => {
    let s = run(inSet(workout({ exercise: 'squat' })), ...reps(4, SET_START + 1000))
    const gone = SET_START + 6000
    s = run(s, { type: 'PRESENCE', t: gone, presence: { inFrame: false, posture: 'unknown' } })
    expect(phase(run(s, { type: 'TICK', t: gone + AWAY_PAUSE_MS - 1 }), 'set').pausedAtMs).toBeNull()
    s = run(s, { type: 'TICK', t: gone + AWAY_PAUSE_MS }, { type: 'TICK', t: gone + 600_000 })
    const paused = phase(s, 'set')
    expect(paused).toMatchObject({ pausedAtMs: gone + AWAY_PAUSE_MS, live: { reps: 4, steppedOut: true } })
    // A glimpse is not enough; a second back in position is.
    const back = gone + 600_000
    s = run(s, { type: 'PRESENCE', t: back, presence: { inFrame: true, posture: 'standing' } })
    expect(phase(run(s, { type: 'PRESENCE', t: back + BACK_RESUME_MS - 1, presence: { inFrame: true, posture: 'standing' } }), 'set').pausedAtMs).not.toBeNull()
    s = run(s, { type: 'PRESENCE', t: back + BACK_RESUME_MS, presence: { inFrame: true, posture: 'standing' } })
    expect(phase(s, 'set')).toMatchObject({ pausedAtMs: null, live: { reps: 4, steppedOut: false } })
    expect(phase(run(s, ...reps(6, back + 2000)), 'rest').results[0]).toMatchObject({ reps: 10, endedBy: 'target' })
  })

  it('a plank hold stepped out of keeps its banked time while paused', () => {
    let s = run(inSet(workout({ exercise: 'plank', holdSeconds: 30 })), { type: 'HOLD', t: SET_START, running: true })
    s = run(s, { type: 'PRESENCE', t: SET_START + 5000, presence: { inFrame: true, posture: 'standing' } }, { type: 'TICK', t: SET_START + 5000 + AWAY_PAUSE_MS }, { type: 'TICK', t: SET_START + 90_000 })
    expect(phase(s, 'set').live).toMatchObject({ holdBankedMs: 5000 + AWAY_PAUSE_MS, holdRunningSinceMs: null, steppedOut: true })
  })

  it('a pause the runner asked for is not lifted by presence; only by resume', () => {
    const s = run(
      inSet(workout({ exercise: 'squat' })),
      { type: 'PAUSE', t: SET_START },
      { type: 'PRESENCE', t: SET_START + 1, presence: { inFrame: true, posture: 'standing' } },
      { type: 'PRESENCE', t: SET_START + 5000, presence: { inFrame: true, posture: 'standing' } }
    )
    expect(phase(s, 'set').pausedAtMs).toBe(SET_START)
  })

  it('coming back in time keeps the set going', () => {
    const s = run(
      inSet(workout({ exercise: 'squat' })),
      { type: 'PRESENCE', t: SET_START + 1000, presence: { inFrame: false, posture: 'unknown' } },
      { type: 'PRESENCE', t: SET_START + 2000, presence: { inFrame: true, posture: 'standing' } },
      { type: 'TICK', t: SET_START + 10_000 }
    )
    expect(s.phase).toBe('set')
  })

  it('standing up pauses a floor exercise, but standing is normal for a squat', () => {
    const stand: WorkoutEvent = { type: 'PRESENCE', t: SET_START + 1000, presence: { inFrame: true, posture: 'standing' } }
    const later: WorkoutEvent = { type: 'TICK', t: SET_START + 1000 + AWAY_PAUSE_MS }
    expect(phase(run(inSet(workout({ exercise: 'push-up' })), stand, later), 'set').live.steppedOut).toBe(true)
    expect(phase(run(inSet(workout({ exercise: 'squat' })), stand, later), 'set').pausedAtMs).toBeNull()
  })
})

describe('pause and resume', () => {
  it('freezes the hold timer and ignores reps while paused', () => {
    let s = run(inSet(workout({ exercise: 'plank', holdSeconds: 10 })), { type: 'HOLD', t: SET_START, running: true })
    s = run(s, { type: 'PAUSE', t: SET_START + 3000 }, { type: 'HOLD', t: SET_START + 4000, running: true }, { type: 'TICK', t: SET_START + 60_000 })
    const paused = phase(s, 'set')
    expect(paused.pausedAtMs).toBe(SET_START + 3000)
    expect(paused.live.holdBankedMs).toBe(3000)
    s = run(s, { type: 'RESUME', t: SET_START + 60_000 })
    expect(phase(s, 'set').live.holdRunningSinceMs).toBeNull()
    s = run(s, { type: 'HOLD', t: SET_START + 61_000, running: true }, { type: 'TICK', t: SET_START + 68_000 })
    expect(s.phase).toBe('summary')
  })

  it('does not end a paused set because the runner walked away', () => {
    const s = run(
      inSet(workout({ exercise: 'squat' })),
      { type: 'PAUSE', t: SET_START },
      { type: 'PRESENCE', t: SET_START + 1, presence: { inFrame: false, posture: 'unknown' } },
      { type: 'TICK', t: SET_START + 60_000 }
    )
    expect(s.phase).toBe('set')
  })

  it('pausing the rest moves its end by the paused time', () => {
    let s = run(inSet(workout({ exercise: 'squat', reps: 1, restSeconds: 30 })), ...reps(1, SET_START))
    const end = phase(s, 'rest').endsAtMs
    s = run(s, { type: 'PAUSE', t: SET_START + 1000 }, { type: 'TICK', t: end + 1 }, { type: 'RESUME', t: SET_START + 11_000 })
    expect(phase(s, 'rest').endsAtMs).toBe(end + 10_000)
  })

  it('resuming a paused countdown keeps the time it had left', () => {
    let s = run(workout({ exercise: 'squat' }), { type: 'START', t: 0 }, { type: 'PLACEMENT', t: 0, ok: true }, { type: 'TICK', t: 1000 })
    s = run(s, { type: 'PAUSE', t: 2000 }, { type: 'TICK', t: 9000 }, { type: 'RESUME', t: 10_000 })
    expect(phase(s, 'countdown').endsAtMs).toBe(1000 + COUNTDOWN_MS + 8000)
  })

  it('resuming placement asks for a fresh steady check', () => {
    const s = run(workout({ exercise: 'squat' }), { type: 'START', t: 0 }, { type: 'PLACEMENT', t: 0, ok: true }, { type: 'PAUSE', t: 500 }, { type: 'RESUME', t: 5000 })
    expect(phase(s, 'placement').okSinceMs).toBeNull()
  })
})

describe('rest, side switch and next exercise', () => {
  it('rest over → placement for the next set', () => {
    const s = run(inSet(workout({ exercise: 'squat', reps: 1, restSeconds: 30 })), ...reps(1, SET_START))
    const end = phase(s, 'rest').endsAtMs
    expect(run(s, { type: 'TICK', t: end - 1 }).phase).toBe('rest')
    expect(phase(run(s, { type: 'TICK', t: end }), 'placement').cursor).toEqual({ step: 0, set: 1, part: 0 })
  })

  it('switches sides within a set with a short rest and a side-switch prompt', () => {
    const s = phase(run(inSet(workout({ exercise: 'lunge', reps: 2, restSeconds: 60 })), ...reps(2, SET_START)), 'rest')
    expect(s.sideSwitch).toBe(true)
    expect(s.cursor).toEqual({ step: 0, set: 0, part: 1 })
    expect(s.endsAtMs - (SET_START + 1000)).toBe(SIDE_SWITCH_REST_SECONDS * 1000)
    expect(s.results[0].side).toBe('left')
  })

  it('never makes the side switch longer than the runner’s own rest', () => {
    const s = phase(run(inSet(workout({ exercise: 'lunge', reps: 1, restSeconds: 0 })), ...reps(1, SET_START)), 'rest')
    expect(s.endsAtMs).toBe(SET_START)
  })

  it('moves to the next exercise after its last set', () => {
    const s = phase(run(inSet(workout({ exercise: 'push-up', sets: 1, reps: 1 }, { exercise: 'squat' })), ...reps(1, SET_START)), 'rest')
    expect(s.cursor).toEqual({ step: 1, set: 0, part: 0 })
    expect(s.sideSwitch).toBe(false)
  })

  it('ADJUST_REST lengthens or shortens the rest, never into the past', () => {
    const s = run(inSet(workout({ exercise: 'squat', reps: 1, restSeconds: 30 })), ...reps(1, SET_START))
    const end = phase(s, 'rest').endsAtMs
    expect(phase(run(s, { type: 'ADJUST_REST', t: SET_START, deltaSeconds: 15 }), 'rest').endsAtMs).toBe(end + 15_000)
    expect(phase(run(s, { type: 'ADJUST_REST', t: SET_START + 5, deltaSeconds: -600 }), 'rest').endsAtMs).toBe(SET_START + 5)
  })
})

describe('skip and end', () => {
  const two = () => workout({ exercise: 'push-up', sets: 2, reps: 5 }, { exercise: 'squat' })

  it('SKIP part in a set records what was done and moves on', () => {
    const s = phase(run(inSet(two()), ...reps(2, SET_START), { type: 'SKIP', t: SET_START + 5000, scope: 'part' }), 'rest')
    expect(s.results[0]).toMatchObject({ reps: 2, endedBy: 'skipped' })
    expect(s.cursor).toEqual({ step: 0, set: 1, part: 0 })
  })

  it('SKIP exercise in a set drops its remaining sets', () => {
    const s = phase(run(inSet(two()), { type: 'SKIP', t: SET_START + 5000, scope: 'exercise' }), 'rest')
    expect(s.cursor).toEqual({ step: 1, set: 0, part: 0 })
  })

  it('SKIP part in the rest starts the next part now', () => {
    const s = run(inSet(two()), ...reps(5, SET_START), { type: 'SKIP', t: SET_START + 6000, scope: 'part' })
    expect(phase(s, 'placement').cursor).toEqual({ step: 0, set: 1, part: 0 })
  })

  it('SKIP in placement passes over that part without a result', () => {
    const s = run(two(), { type: 'START', t: 0 }, { type: 'SKIP', t: 1, scope: 'part' })
    expect(phase(s, 'placement').cursor).toEqual({ step: 0, set: 1, part: 0 })
    expect(s.results).toEqual([])
  })

  it('SKIP exercise in the last exercise ends in the summary', () => {
    const s = run(workout({ exercise: 'squat' }), { type: 'START', t: 0 }, { type: 'SKIP', t: 1, scope: 'exercise' })
    expect(s.phase).toBe('summary')
  })

  it('SKIP works while paused', () => {
    const s = run(inSet(two()), { type: 'PAUSE', t: SET_START }, { type: 'SKIP', t: SET_START + 1, scope: 'part' })
    expect(s.phase).toBe('rest')
  })

  it('END during a set keeps what was done and shows the summary', () => {
    const s = phase(run(inSet(two()), ...reps(3, SET_START), { type: 'END', t: SET_START + 9000 }), 'summary')
    expect(s.results).toHaveLength(1)
    expect(s.results[0]).toMatchObject({ reps: 3, endedBy: 'workout-ended', endedAtMs: SET_START + 9000 })
    expect(s.endedAtMs).toBe(SET_START + 9000)
  })

  it('the summary ignores everything', () => {
    const s = run(workout(), { type: 'START', t: 0 })
    expect(workoutTransition(s, { type: 'END', t: 5 })).toBe(s)
  })

  it('a full two-exercise workout ends in a summary with one result per part', () => {
    let s = inSet(workout({ exercise: 'side-plank', sets: 1, holdSeconds: 5 }, { exercise: 'squat', sets: 1, reps: 2 }))
    let t = SET_START
    const finishHold = (): void => {
      s = run(s, { type: 'HOLD', t, running: true }, { type: 'TICK', t: t + 5000 })
      t += 5000
    }
    const nextSet = (): void => {
      const rest = phase(s, 'rest')
      t = rest.endsAtMs
      s = run(s, { type: 'TICK', t }, { type: 'PLACEMENT', t, ok: true }, { type: 'TICK', t: t + PLACEMENT_STEADY_MS })
      t += PLACEMENT_STEADY_MS + COUNTDOWN_MS
      s = run(s, { type: 'TICK', t })
    }
    finishHold()
    nextSet()
    finishHold()
    nextSet()
    s = run(s, ...reps(2, t))
    const done = phase(s, 'summary')
    expect(done.results.map((r) => `${r.exercise}:${r.side}:${r.endedBy}`)).toEqual([
      'side-plank:left:target',
      'side-plank:right:target',
      'squat:null:target'
    ])
  })
})

describe('switching to the exercise the runner is doing (issue 9)', () => {
  it('replaces the planned step with the recognised one and starts its first set at once, keeping what was done', () => {
    const plank = planStep(FAKE_DEFS.find((d) => d.id === 'plank')!, { holdSeconds: 20 })
    let s = run(inSet(workout({ exercise: 'push-up' }, { exercise: 'squat' })), ...reps(1, SET_START + 500))
    s = run(s, { type: 'SWITCH_EXERCISE', t: SET_START + 5000, step: plank })
    const set = phase(s, 'set')
    expect(set.plan.steps.map((p) => p.exercise)).toEqual(['plank', 'squat'])
    expect(set.cursor).toEqual({ step: 0, set: 0, part: 0 })
    expect(set.live).toMatchObject({ reps: 0, startedAtMs: SET_START + 5000 })
    expect(set.results).toEqual([expect.objectContaining({ exercise: 'push-up', reps: 1, endedBy: 'skipped' })])
  })
})
