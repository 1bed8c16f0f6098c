import { describe, expect, it } from 'vitest'
import { LowPassFilter, OneEuroFilter } from './filters'

describe('LowPassFilter', () => {
  it('passes the first value and then blends', () => {
    const f = new LowPassFilter()
    expect(f.apply(10, 0.5)).toBe(10)
    expect(f.apply(20, 0.5)).toBe(15)
    f.reset()
    expect(f.last()).toBeNull()
  })
})

describe('OneEuroFilter', () => {
  it('damps jitter on a still point', () => {
    const f = new OneEuroFilter()
    let maxDev = 0
    for (let i = 0; i < 60; i++) {
      const noisy = 100 + (i % 2 === 0 ? 3 : -3)
      const out = f.apply(noisy, i * 33)
      if (i > 10) maxDev = Math.max(maxDev, Math.abs(out - 100))
    }
    expect(maxDev).toBeLessThan(2)
  })

  it('follows a fast move with little lag', () => {
    const f = new OneEuroFilter()
    let out = 0
    // 600 px/s move for one second at 30 fps.
    for (let i = 0; i <= 30; i++) out = f.apply(i * 20, i * 33.3)
    expect(600 - out).toBeLessThan(60)
  })

  it('restarts after a long gap instead of smoothing across it', () => {
    const f = new OneEuroFilter()
    f.apply(0, 0)
    f.apply(0, 33)
    expect(f.apply(500, 2000)).toBe(500)
  })

  it('rejects parameters that cannot filter, naming them', () => {
    expect(() => new OneEuroFilter({ minCutOff: 0, beta: 0, derivateCutOff: 1 })).toThrow(/minCutOff=0/)
  })
})
