import { describe, expect, it } from 'vitest'
import { buildPlan, partCount, partsFor, planStep } from './plan'
import { FAKE_DEFS, fakeDefinition } from './test-definitions'

const def = (id: string) => FAKE_DEFS.find((d) => d.id === id)!

describe('buildPlan', () => {
  it('puts picked exercises in the routine order core → upper → lower, whatever the pick order', () => {
    const plan = buildPlan(FAKE_DEFS, [{ exercise: 'squat' }, { exercise: 'plank' }, { exercise: 'push-up' }])
    expect(plan.steps.map((s) => s.exercise)).toEqual(['plank', 'push-up', 'squat'])
  })

  it('keeps the prescription unless the runner adjusted it', () => {
    const [squat] = buildPlan(FAKE_DEFS, [{ exercise: 'squat', reps: 12 }]).steps
    expect(squat).toMatchObject({ sets: 2, reps: 12, holdSeconds: null, restSeconds: 60 })
  })

  it('names an unknown exercise and the known ones', () => {
    expect(() => buildPlan(FAKE_DEFS.slice(0, 1), [{ exercise: 'squat' }])).toThrow(/Unknown exercise "squat"; expected one of heel-taps/)
  })

  it('counts every set part', () => {
    const plan = buildPlan(FAKE_DEFS, [{ exercise: 'lunge' }, { exercise: 'squat' }])
    expect(partCount(plan)).toBe(2 * 2 + 2)
  })
})

describe('planStep', () => {
  it('times holds for hold exercises and counts nothing', () => {
    expect(planStep(def('plank'))).toMatchObject({ reps: null, holdSeconds: 30 })
  })

  it('sets both targets for the glute bridge (hold, then thrusters)', () => {
    expect(planStep(def('glute-bridge'))).toMatchObject({ reps: 10, holdSeconds: 30 })
  })

  it('rejects values outside the limits with the bad value and the range', () => {
    expect(() => planStep(def('squat'), { sets: 0 })).toThrow('squat: sets must be a number from 1 to 10, got 0')
    expect(() => planStep(def('plank'), { holdSeconds: Number.NaN })).toThrow(/holdSeconds must be a number from 5 to 600, got NaN/)
  })
})

describe('partsFor', () => {
  it('gives legs to per-side leg exercises, sides to the side plank and directions to the band walk', () => {
    expect(partsFor(def('lunge')).map((p) => `${p.kind}:${p.side}`)).toEqual(['leg:left', 'leg:right'])
    expect(partsFor(def('side-plank'))[0].kind).toBe('side-down')
    expect(partsFor(def('band-walk'))[1]).toEqual({ side: 'right', kind: 'direction' })
  })

  it('gives one part to two-legged exercises, and two for a single-leg variant', () => {
    const bridge = fakeDefinition('glute-bridge', 'lower', 'reps-and-hold')
    expect(partsFor(bridge)).toEqual([{ side: null, kind: 'none' }])
    expect(partsFor(bridge, { variant: 'single-leg' }).map((p) => p.side)).toEqual(['left', 'right'])
  })
})
