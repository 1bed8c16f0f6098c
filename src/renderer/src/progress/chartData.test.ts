import { describe, expect, it } from 'vitest'
import { progressColumns } from './chartData'
import { xRange } from './xRange'

describe('progressColumns', () => {
  it('gives one reps column per set number and leaves missing sets empty', () => {
    const cols = progressColumns([
      { sessionId: 'a', startedAt: 1_000_000, repsPerSet: [10, 8], longestCleanHoldSeconds: null, warningsPerRep: 0.1666 },
      { sessionId: 'b', startedAt: 2_000_000, repsPerSet: [12], longestCleanHoldSeconds: 30, warningsPerRep: 0 }
    ])
    expect(cols.x).toEqual([1000, 2000])
    expect(cols.repsBySet).toEqual([[10, 12], [8, null]])
    expect(cols.hold).toEqual([null, 30])
    expect(cols.warningsPerRep).toEqual([0.17, 0])
  })

  it('has no reps columns for a hold-only exercise', () => {
    const cols = progressColumns([{ sessionId: 'a', startedAt: 0, repsPerSet: [0], longestCleanHoldSeconds: 45, warningsPerRep: null }])
    expect(cols.repsBySet).toEqual([])
  })
})

describe('xRange', () => {
  it('shows one session inside a three-day window, and many with a margin', () => {
    const [a, b] = xRange(1_000_000, 1_000_000)
    expect(b - a).toBe(259_200)
    expect(a).toBeLessThan(1_000_000)
    const [c, d] = xRange(0, 10_000_000)
    expect(c).toBe(-500_000)
    expect(d).toBe(10_500_000)
  })
})
