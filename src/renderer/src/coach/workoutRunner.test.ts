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
import { WorkoutRunner } from './workoutRunner'

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
