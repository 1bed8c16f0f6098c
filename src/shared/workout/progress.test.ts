import { describe, expect, it } from 'vitest'
import { buildPlan } from './plan'
import { progressLine, secondsLeft, SECONDS_PER_REP, SETUP_SECONDS_PER_PART } from './progress'
import { FAKE_DEFS } from './test-definitions'

describe('where the runner is in the plan (issue 11, item 11: "exercise 2 of 3, about 12 min left")', () => {
  const plan = buildPlan(FAKE_DEFS, [
    { exercise: 'plank', sets: 2, holdSeconds: 60, restSeconds: 60 },
    { exercise: 'push-up', sets: 3, reps: 10, restSeconds: 90 },
    { exercise: 'squat', sets: 3, reps: 12, restSeconds: 90 }
  ])

  it('counts every part left and the rests between them, none after the last', () => {
    const last = { step: 2, set: 2, part: 0 }
    expect(secondsLeft(plan, last)).toBe(12 * SECONDS_PER_REP + SETUP_SECONDS_PER_PART)
    const lastTwo = { step: 2, set: 1, part: 0 }
    expect(secondsLeft(plan, lastTwo)).toBe(2 * (12 * SECONDS_PER_REP + SETUP_SECONDS_PER_PART) + 90)
  })

  it('reads as the runner would say it', () => {
    expect(progressLine(plan, { step: 1, set: 0, part: 0 })).toBe('Exercise 2 of 3 · about 12 min left')
    expect(progressLine(plan, { step: 2, set: 2, part: 0 })).toBe('Exercise 3 of 3 · about 1 min left')
  })
})
