import { describe, expect, it } from 'vitest'
import { cleanRepPart, metHold, metReps, weakestSideHold } from './criteria'
import { cleanSets, part } from './testSessions'

describe('clean form', () => {
  it('allows one cued rep in ten, not two', () => {
    expect(cleanRepPart(part('squat', { reps: 10, repsWithCues: 1 }), 10)).toBe(true)
    expect(cleanRepPart(part('squat', { reps: 10, repsWithCues: 2 }), 10)).toBe(false)
    expect(cleanRepPart(part('squat', { reps: 5, repsWithCues: 1 }), 5)).toBe(false)
    expect(cleanRepPart(part('squat', { reps: 9 }), 10)).toBe(false)
  })

  it('needs the sets on both legs when the parts are sided', () => {
    expect(metReps(cleanSets('lunge', 2, 10, ['left', 'right']), 2, 10)).toBe(true)
    expect(metReps(cleanSets('lunge', 2, 10, ['left']), 2, 10)).toBe(false)
    expect(metReps(cleanSets('squat', 2, 10), 2, 10)).toBe(true)
    expect(metReps(cleanSets('squat', 1, 10), 2, 10)).toBe(false)
    expect(metReps([], 2, 10)).toBe(false)
  })

  it('judges holds per side and ignores holds with repeated cues', () => {
    const parts = [
      part('side-plank', { side: 'left', longestHoldSeconds: 50 }),
      part('side-plank', { side: 'right', longestHoldSeconds: 46 }),
      part('side-plank', { side: 'right', longestHoldSeconds: 70, holdWarnings: 3 })
    ]
    expect(metHold(parts, 45)).toBe(true)
    expect(metHold(parts, 50)).toBe(false)
    expect(weakestSideHold(parts)).toBe(46)
  })
})
