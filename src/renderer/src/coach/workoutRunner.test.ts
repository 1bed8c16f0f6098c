import { describe, expect, it } from 'vitest'
import { create } from 'zustand'
import type { Engine } from '../../../shared/engine/engine'
import type { EngineEvent } from '../../../shared/engine/events'
import { EXERCISES } from '../../../shared/exercises/index'
import type { PoseFrame } from '../../../shared/pose/types'
import type { JournalEntry } from '../../../shared/session/types'
import { COUNTDOWN_MS, PLACEMENT_STEADY_MS } from '../../../shared/workout/guards'
import { buildPlan } from '../../../shared/workout/plan'
import { FAKE_DEFS } from '../../../shared/workout/test-definitions'
import type { AppState } from '../store'
import { createNavigationSlice } from '../store/navigation'
import { createPlanSlice } from '../store/plan'
import { createSettingsSlice } from '../store/settings'
import { createWorkoutSlice } from '../store/workout'
import { CueVoice } from './cueVoice'
import type { SessionRecorder } from './sessionRecorder'
import { CUE_SCOPE_SHOWN_MS, WorkoutRunner } from './workoutRunner'

/** Everything the runner touches, faked: a clock, an engine that emits scripted events, a recorder that collects. */
function setup() {
  const store = create<AppState>()((...a) => ({ ...createNavigationSlice(...a), ...createSettingsSlice(...a), ...createPlanSlice(...a), ...createWorkoutSlice(...a) }))
  let clock = 0
  const script: EngineEvent[][] = []
  const engines: string[] = []
  const entries: JournalEntry[] = []
  const said: string[] = []
  let beeps = 0
  const engine: Engine = { push: () => script.shift() ?? [], finish: () => [], reset: () => undefined }
  const runner = new WorkoutRunner({
    store,
    recorder: { add: (e: JournalEntry) => entries.push(e) } as unknown as SessionRecorder,
    voice: new CueVoice({ speak: (t) => said.push(t), cancel: () => undefined }, { voice: true, spokenCounts: false, cooldownMs: 8000 }),
    beep: { beep: () => beeps++ },
    createEngine: (id) => {
      engines.push(id)
      return engine
    },
    now: () => clock,
    wallNow: () => 1_700_000_000_000 + clock
  })
  return { store, runner, script, engines, entries, said, beeps: () => beeps, advance: (ms: number) => (clock += ms), now: () => clock }
}

/** A standing, side-on runner that fills most of the picture. */
function sideOn(t: number): PoseFrame {
  const at: Record<string, [number, number]> = {
    nose: [0.52, 0.12], left_ear: [0.5, 0.12], left_shoulder: [0.5, 0.25], left_elbow: [0.5, 0.4], left_wrist: [0.5, 0.52],
    left_hip: [0.5, 0.52], left_knee: [0.51, 0.7], left_ankle: [0.5, 0.88], left_heel: [0.49, 0.9], left_foot_index: [0.53, 0.9]
  }
  const keypoints = Object.entries(at).flatMap(([name, [x, y]]) => [
    { name, x, y, score: 0.9 },
    { name: name.replace('left_', 'right_'), x: x + 0.004, y, score: 0.9 }
  ]) as PoseFrame['keypoints']
  return { timestampMs: t, imageWidth: 1280, imageHeight: 720, keypoints: keypoints.filter((k, i, all) => all.findIndex((o) => o.name === k.name) === i) }
}

describe('WorkoutRunner', () => {
  it('goes from placement to a set on real placement checks, counts engine reps, speaks cues and records the set', () => {
    const squat = FAKE_DEFS.find((d) => d.id === 'squat')!
    EXERCISES.squat ??= squat
    const h = setup()
    h.store.getState().beginWorkout(buildPlan(FAKE_DEFS, [{ exercise: 'squat', sets: 1, reps: 2 }]))
    h.store.getState().send({ type: 'START', t: h.now() })
    for (let i = 0; i < 15; i++) {
      h.advance(100)
      h.runner.onPose(sideOn(h.now()))
      h.runner.tick()
    }
    expect(h.store.getState().placement?.ok).toBe(true)
    expect(h.store.getState().workout?.phase).toBe('countdown')
    h.advance(COUNTDOWN_MS + PLACEMENT_STEADY_MS)
    h.runner.tick()
    expect(h.store.getState().workout?.phase).toBe('set')
    expect(h.engines).toEqual(['squat'])

    const rep = (t: number): EngineEvent => ({ type: 'rep', t, exercise: 'squat', side: null, startMs: t - 2000, bottomMs: t - 1000, endMs: t, depthDeg: 85, rangeDeg: 80, tempo: { downMs: (t - 1000) - (t - 2000), upMs: (t) - (t - 1000) }, durationMs: 2000, cues: [] })
    h.script.push([{ type: 'cue', t: 1, id: 'squat-knees-caving', phase: 'raised' }], [rep(2)], [rep(3)])
    for (let i = 0; i < 3; i++) {
      h.advance(100)
      h.runner.onPose(sideOn(h.now()))
    }
    expect(h.beeps()).toBe(2)
    expect(h.said).toContain('Push your knees out over your toes.')
    const w = h.store.getState().workout!
    expect(w.phase).toBe('summary')
    expect(w.results[0]).toMatchObject({ reps: 2, cues: ['squat-knees-caving'], endedBy: 'target' })
    const kinds = h.entries.map((e) => e.kind)
    expect(kinds[0]).toBe('set-start')
    expect(kinds.filter((k) => k === 'engine')).toHaveLength(3)
    expect(kinds.at(-1)).toBe('set-end')
    expect(h.entries.at(-1)).toMatchObject({ reason: 'completed', setIndex: 1 })
    expect(kinds).toContain('pose')
    h.runner.dispose()
  })

  it('follows the engine to the other leg mid-set with the same engine and journal set, and says so', () => {
    const lunge = FAKE_DEFS.find((d) => d.id === 'lunge')!
    EXERCISES.lunge ??= lunge
    const h = setup()
    h.store.getState().beginWorkout(buildPlan(FAKE_DEFS, [{ exercise: 'lunge', sets: 1, reps: 2 }]))
    h.store.getState().send({ type: 'START', t: h.now() })
    for (let i = 0; i < 15; i++) {
      h.advance(100)
      h.runner.onPose(sideOn(h.now()))
      h.runner.tick()
    }
    h.advance(COUNTDOWN_MS + PLACEMENT_STEADY_MS)
    h.runner.tick()
    expect(h.store.getState().workout?.phase).toBe('set')
    const rep = (t: number, side: 'left' | 'right'): EngineEvent => ({ type: 'rep', t, exercise: 'lunge', side, startMs: t - 2000, bottomMs: t - 1000, endMs: t, depthDeg: 90, rangeDeg: 80, tempo: { downMs: (t - 1000) - (t - 2000), upMs: (t) - (t - 1000) }, durationMs: 2000, cues: [] })
    h.script.push([rep(1, 'left')], [rep(2, 'right')], [rep(3, 'left')], [rep(4, 'right')])
    for (let i = 0; i < 4; i++) {
      h.advance(100)
      h.runner.onPose(sideOn(h.now()))
    }
    const w = h.store.getState().workout!
    expect(w.phase).toBe('summary')
    expect(w.results.map((r) => `${r.side}:${r.reps}:${r.endedBy}`)).toEqual(['left:2:target', 'right:2:target'])
    expect(h.engines).toEqual(['lunge'])
    expect(h.said.filter((t) => /^Now /.test(t))).toEqual(['Now right leg.']) // the left rep that met its target hands straight back to the right
    const lines = h.entries.filter((e) => e.kind === 'set-start' || e.kind === 'set-end')
    expect(lines).toEqual([expect.objectContaining({ kind: 'set-start', side: 'left' }), expect.objectContaining({ kind: 'set-end', side: 'left', reason: 'completed' })])
    h.runner.dispose()
  })
})

/** Into a running set of `plan` on the fake clock, as the first test does. */
function startSet(h: ReturnType<typeof setup>, choice: Parameters<typeof buildPlan>[1][number]) {
  h.store.getState().beginWorkout(buildPlan(FAKE_DEFS, [choice]))
  h.store.getState().send({ type: 'START', t: h.now() })
  for (let i = 0; i < 15; i++) {
    h.advance(100)
    h.runner.onPose(sideOn(h.now()))
    h.runner.tick()
  }
  for (let i = 0; i < 45; i++) {
    h.advance(100)
    h.runner.tick()
  }
  expect(h.store.getState().workout?.phase).toBe('set')
}

/** The same side-on runner with the near hand held above the head and facing the camera: shoulders wide apart. */
function handUp(t: number): PoseFrame {
  const at: Record<string, [number, number]> = {
    nose: [0.5, 0.2], left_eye: [0.51, 0.19], right_eye: [0.49, 0.19], left_shoulder: [0.55, 0.3], right_shoulder: [0.45, 0.3],
    left_elbow: [0.57, 0.42], right_elbow: [0.42, 0.2], left_wrist: [0.57, 0.52], right_wrist: [0.42, 0.08], left_hip: [0.53, 0.55],
    right_hip: [0.47, 0.55], left_knee: [0.53, 0.72], right_knee: [0.47, 0.72], left_ankle: [0.53, 0.9], right_ankle: [0.47, 0.9]
  }
  return { timestampMs: t, imageWidth: 1280, imageHeight: 720, keypoints: Object.entries(at).map(([name, [x, y]]) => ({ name, x, y, score: 0.95 })) as PoseFrame['keypoints'] }
}

const squatRep = (t: number, cues: string[] = []): EngineEvent => ({ type: 'rep', t, exercise: 'squat', side: null, startMs: t - 2000, bottomMs: t - 1000, endMs: t, depthDeg: 85, rangeDeg: 80, tempo: { downMs: 1000, upMs: 1000 }, durationMs: 2000, cues })

describe('WorkoutRunner: a coach you never walk back to (issue 11)', () => {
  it('says each placement instruction once, again only when it still stands after a while, then the 3-2-1 and "Go."', () => {
    const h = setup()
    h.store.getState().beginWorkout(buildPlan(FAKE_DEFS, [{ exercise: 'squat', sets: 1, reps: 2 }]))
    h.store.getState().send({ type: 'START', t: h.now() })
    const empty = (t: number): PoseFrame => ({ timestampMs: t, imageWidth: 1280, imageHeight: 720, keypoints: [] })
    for (let i = 0; i < 50; i++) {
      h.advance(250)
      h.runner.onPose(empty(h.now()))
    }
    const stepIn = h.store.getState().placement!.guidance
    expect(h.said.filter((s) => s === stepIn)).toHaveLength(2) // at 0 s and after PLACEMENT_REPEAT_MS (12.5 s in)
    for (let i = 0; i < 60; i++) {
      h.advance(100)
      h.runner.onPose(sideOn(h.now()))
      h.runner.tick()
    }
    expect(h.store.getState().workout?.phase).toBe('set')
    expect(h.said.slice(-5)).toEqual(['Good: hold still', 'Three', 'Two', 'One', 'Go.'])
    h.runner.dispose()
  })

  it('shows and says a routine reminder once per set, not per rep; a clean rep gets the good tone and the green flash', () => {
    const h = setup()
    startSet(h, { exercise: 'squat', sets: 1, reps: 5 })
    h.script.push(
      [{ type: 'cue', t: 1, id: 'squat-pause-short', phase: 'raised' }, squatRep(2, ['squat-pause-short'])],
      [{ type: 'cue', t: 3, id: 'squat-pause-short', phase: 'cleared' }],
      [{ type: 'cue', t: 4, id: 'squat-pause-short', phase: 'raised' }, squatRep(5, ['squat-pause-short'])],
      [squatRep(6)]
    )
    for (let i = 0; i < 4; i++) {
      h.advance(20_000) // past any cooldown: only the once-per-set rule can keep it quiet
      h.runner.onPose(sideOn(h.now()))
    }
    expect(h.said.filter((s) => s === 'Pause for two to three seconds at the bottom.')).toHaveLength(1)
    const w = h.store.getState().workout
    expect(w?.phase === 'set' && w.live.activeCue).toBeNull()
    expect(h.store.getState().coach.goodRepAtMs).toBe(h.now())
    h.runner.dispose()
  })

  it('shows and says once why nothing is judged (the engine sentences), most basic first, and clears it', () => {
    const h = setup()
    startSet(h, { exercise: 'squat', sets: 1, reps: 5 })
    const feet = "Your feet are out of the picture: move the laptop further away."
    h.script.push(
      [{ type: 'camera', t: 1, rollDeg: 12, state: 'tilted' }],
      [{ type: 'visibility', t: 2, ok: false, missing: ['left_ankle', 'right_ankle'], reason: 'out-of-frame' }],
      [{ type: 'visibility', t: 3, ok: false, missing: ['left_ankle', 'right_ankle'], reason: 'out-of-frame' }],
      [{ type: 'visibility', t: 4, ok: true, missing: [] }],
      [{ type: 'camera', t: 5, rollDeg: 1, state: 'level' }, { type: 'cue-scope', t: 5, id: 'knee-past-toes', judged: false, view: 'front' }]
    )
    const notices: (string | null)[] = []
    for (let i = 0; i < 5; i++) {
      h.advance(100)
      h.runner.onPose(sideOn(h.now()))
      notices.push(h.store.getState().coach.notice)
    }
    expect(notices).toEqual([
      'The camera is tilted: level the laptop.',
      feet,
      feet,
      'The camera is tilted: level the laptop.',
      'From the front I can\'t check this: "Keep your knee stacked over your ankle, not past your toes."'
    ])
    expect(h.said.filter((s) => s === feet)).toHaveLength(1)
    h.runner.dispose()
  })

  it('names an upside-down picture on screen and aloud, and nothing judged under it', () => {
    const h = setup()
    startSet(h, { exercise: 'squat', sets: 1, reps: 5 })
    const turn = 'The picture is upside down: turn the camera the right way up.'
    h.script.push(
      [{ type: 'camera', t: 1, rollDeg: 178, state: 'upside-down' }, { type: 'visibility', t: 1, ok: false, missing: [], reason: 'upside-down' }],
      [{ type: 'camera', t: 2, rollDeg: 2, state: 'level' }, { type: 'visibility', t: 2, ok: true, missing: [] }]
    )
    const notices: (string | null)[] = []
    for (let i = 0; i < 2; i++) {
      h.advance(100)
      h.runner.onPose(sideOn(h.now()))
      notices.push(h.store.getState().coach.notice)
    }
    expect(notices).toEqual([turn, null])
    expect(h.said.filter((s) => s === turn)).toHaveLength(1)
    h.runner.dispose()
  })

  it('shows what the view cannot check for a few seconds, once per set, then gives the line back', () => {
    const h = setup()
    startSet(h, { exercise: 'squat', sets: 1, reps: 5 })
    const scope = { type: 'cue-scope', t: 1, id: 'squat-knees-caving', judged: false, view: 'side' } as const
    h.script.push([scope])
    h.advance(100)
    h.runner.onPose(sideOn(h.now()))
    const sentence = h.store.getState().coach.notice
    expect(sentence).toMatch(/^From the side I can't check this/)
    h.advance(CUE_SCOPE_SHOWN_MS)
    h.runner.onPose(sideOn(h.now()))
    expect(h.store.getState().coach.notice).toBeNull()
    // The view flickers and comes back: not shown again this set.
    h.script.push([{ ...scope, t: 2, judged: true }], [{ ...scope, t: 3 }])
    for (let i = 0; i < 2; i++) {
      h.advance(100)
      h.runner.onPose(sideOn(h.now()))
    }
    expect(h.store.getState().coach.notice).toBeNull()
    expect(h.said.filter((s) => s === sentence)).toHaveLength(1)
    h.runner.dispose()
  })

  it('offers the exercise the runner is doing in its sentence, and switches hands-free when they keep doing it, confirmed aloud', () => {
    const h = setup()
    startSet(h, { exercise: 'squat', sets: 1, reps: 5 })
    h.script.push([{ type: 'exercise', t: 1, recognised: 'plank', planned: 'squat', posture: 'prone' }])
    h.advance(100)
    h.runner.onPose(sideOn(h.now()))
    expect(h.store.getState().coach.offer).toMatchObject({ exercise: 'plank', text: 'This looks like a plank: switch to plank?' })
    expect(h.said).toContain('This looks like a plank: switch to plank?')
    for (let i = 0; i < 51; i++) {
      h.advance(100)
      h.runner.tick()
    }
    const w = h.store.getState().workout
    expect(w?.phase === 'set' && w.plan.steps[0].exercise).toBe('plank')
    expect(h.engines).toEqual(['squat', 'plank'])
    expect(h.said).toContain('Switched to plank.')
    expect(h.store.getState().coach.offer).toBeNull()
    h.runner.dispose()
  })

  it('a hand held above the head pauses and again goes on, each said aloud; stepping out pauses with its own sentence', () => {
    const h = setup()
    startSet(h, { exercise: 'squat', sets: 1, reps: 5 })
    const hold = () => {
      for (let i = 0; i < 12; i++) {
        h.advance(100)
        h.runner.onPose(handUp(h.now()))
      }
      for (let i = 0; i < 8; i++) {
        h.advance(100)
        h.runner.onPose(sideOn(h.now()))
      }
    }
    hold()
    expect(h.store.getState().workout).toMatchObject({ phase: 'set', pausedAtMs: expect.any(Number) })
    expect(h.said.at(-1)).toBe('Paused. Raise a hand to go on.')
    hold()
    expect(h.store.getState().workout).toMatchObject({ phase: 'set', pausedAtMs: null })
    expect(h.said.at(-1)).toBe('Go on.')
    const gone = (t: number): PoseFrame => ({ timestampMs: t, imageWidth: 1280, imageHeight: 720, keypoints: [] })
    for (let i = 0; i < 30; i++) {
      h.advance(100)
      h.runner.onPose(gone(h.now()))
      h.runner.tick()
    }
    expect(h.said.at(-1)).toBe("Paused. I'll go on when you're back in position.")
    h.runner.dispose()
  })

  it('announces what comes next when the rest starts, and five seconds before it ends', () => {
    const h = setup()
    startSet(h, { exercise: 'squat', sets: 2, reps: 1, restSeconds: 20 })
    h.script.push([squatRep(1)])
    h.advance(100)
    h.runner.onPose(sideOn(h.now()))
    expect(h.said).toContain('Rest. Next: Squat, set 2 of 2.')
    for (let i = 0; i < 160; i++) {
      h.advance(100)
      h.runner.tick()
    }
    expect(h.said.at(-1)).toBe('Five seconds left.')
  })
})
