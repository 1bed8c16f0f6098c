import { describe, expect, it } from 'vitest'
import { buildPlan } from './plan'
import { keepValidNumbers, readPlanField } from './planFields'
import { FAKE_DEFS } from './test-definitions'

describe('plan fields (issue 11, item 10)', () => {
  it('keeps only whole numbers in range', () => {
    expect(readPlanField('reps', '12')).toEqual({ ok: true, value: 12 })
    expect(readPlanField('restSeconds', '0')).toEqual({ ok: true, value: 0 })
    for (const text of ['2.5', '0', '101', '', '-3', '1e2', 'ten']) expect(readPlanField('reps', text).ok).toBe(false)
  })

  it('says what the field takes in plain words, not "reps must be a number from 1 to 100, got 0"', () => {
    expect(readPlanField('reps', '0')).toEqual({ ok: false, message: 'Reps: a whole number from 1 to 100; 0 is too few.' })
    expect(readPlanField('reps', '2.5')).toEqual({ ok: false, message: 'Reps: a whole number from 1 to 100, without a decimal point.' })
    expect(readPlanField('holdSeconds', '700')).toEqual({ ok: false, message: 'Hold: a whole number from 5 to 600 seconds; 700 is too many.' })
  })

  it('a bad value remembered from before never blocks the start: it is dropped and the prescription used', () => {
    const remembered = { sets: 0, reps: 2.5, restSeconds: 45 }
    expect(() => buildPlan(FAKE_DEFS, [{ exercise: 'squat', ...remembered }])).toThrow()
    const [squat] = buildPlan(FAKE_DEFS, [{ exercise: 'squat', ...keepValidNumbers(remembered) }]).steps
    expect(squat).toMatchObject({ sets: 2, reps: 10, restSeconds: 45 })
  })
})
