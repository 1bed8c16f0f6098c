import { describe, expect, it } from 'vitest'
import { create } from 'zustand'
import { buildPlan } from '../../../shared/workout/plan'
import { FAKE_DEFS } from '../../../shared/workout/test-definitions'
import { createPlanSlice, type PlanSlice } from './plan'
import { applySettingsPatch, createSettingsSlice, DEFAULT_SETTINGS, type SettingsSlice } from './settings'
import { createWorkoutSlice, type WorkoutSlice } from './workout'

const makeStore = () =>
  create<SettingsSlice & PlanSlice & WorkoutSlice>()((...a) => ({
    ...createSettingsSlice(...a),
    ...createPlanSlice(...a),
    ...createWorkoutSlice(...a)
  }))

describe('settings slice', () => {
  it('keeps numbers inside their limits and ignores junk', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { cueCooldownSeconds: 0.5 }).cueCooldownSeconds).toBe(2)
    expect(applySettingsPatch(DEFAULT_SETTINGS, { cueCooldownSeconds: Number.NaN }).cueCooldownSeconds).toBe(8)
    expect(applySettingsPatch(DEFAULT_SETTINGS, { restSeconds: 9999 }).restSeconds).toBe(600)
    expect(applySettingsPatch(DEFAULT_SETTINGS, { model: 'posenet' as never }).model).toBe('blazepose-lite')
  })

  it('switches voice and sounds', () => {
    const store = makeStore()
    store.getState().setSettings({ voice: false, spokenCounts: true })
    expect(store.getState().settings).toMatchObject({ voice: false, spokenCounts: true, repSound: true })
  })
})

describe('plan slice', () => {
  it('starts with the whole routine picked and toggles exercises', () => {
    const store = makeStore()
    expect(store.getState().picks).toHaveLength(10)
    store.getState().togglePick('squat')
    expect(store.getState().picks.some((p) => p.exercise === 'squat')).toBe(false)
    store.getState().togglePick('squat')
    expect(store.getState().picks.some((p) => p.exercise === 'squat')).toBe(true)
  })

  it('keeps adjustments for an exercise across unpick and pick', () => {
    const store = makeStore()
    store.getState().adjust('push-up', { reps: 8, options: { variant: 'knees' } })
    store.getState().togglePick('push-up')
    store.getState().togglePick('push-up')
    expect(store.getState().picks.find((p) => p.exercise === 'push-up')).toEqual({ exercise: 'push-up', reps: 8, options: { variant: 'knees' } })
  })
})

describe('workout slice', () => {
  it('does not notify subscribers for an event that changes nothing', () => {
    const store = makeStore()
    store.getState().beginWorkout(buildPlan(FAKE_DEFS, [{ exercise: 'squat' }]))
    let notified = 0
    store.subscribe(() => notified++)
    store.getState().send({ type: 'TICK', t: 5 })
    expect(notified).toBe(0)
    store.getState().send({ type: 'START', t: 10 })
    expect(notified).toBe(1)
    expect(store.getState().workout?.phase).toBe('placement')
  })

  it('stores a placement verdict only when it would look different', () => {
    const store = makeStore()
    const verdict = { ok: false, issue: 'too-far' as const, guidance: 'Come a little closer', missing: [], view: 'side' as const, bodyFraction: 0.2, presence: { inFrame: true, posture: 'standing' as const } }
    store.getState().setPlacement(verdict)
    let notified = 0
    store.subscribe(() => notified++)
    store.getState().setPlacement({ ...verdict, bodyFraction: 0.21 })
    expect(notified).toBe(0)
  })
})
