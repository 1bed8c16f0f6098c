import { describe, expect, it } from 'vitest'
import { LowPassFilter, OneEuroFilter, VisibilityFilter } from './filters'

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

describe('VisibilityFilter', () => {
  /** The time from a sudden score change until the smoothed score crosses halfway, ms. */
  function halfwayMs(fps: number, from: number, to: number): number {
    const f = new VisibilityFilter()
    const dt = 1000 / fps
    f.apply(from, 0)
    for (let i = 1; i < fps * 2; i++) {
      const out = f.apply(to, i * dt)
      if (Math.abs(out - to) <= Math.abs(out - from)) return i * dt
    }
    return Infinity
  }

  it('keeps a score that hovers around the seen line on one side of it', () => {
    // A joint scored 0.62 / 0.45 on alternate frames (Lite scores a dead bug's hip 0.4–0.6 during a leg's
    // return) settles at ~0.54 ± 0.01 instead of crossing the 0.5 line every other frame.
    const f = new VisibilityFilter()
    const outs: number[] = []
    for (let i = 0; i < 60; i++) outs.push(f.apply(i % 2 === 0 ? 0.62 : 0.45, i * 33.3))
    const settled = outs.slice(20)
    expect(Math.max(...settled) - Math.min(...settled)).toBeLessThan(0.02)
    expect(settled.every((s) => s > 0.5)).toBe(true)
  })

  it('follows a joint that really leaves or enters sight within a quarter second, at any frame rate', () => {
    // alpha 0.1 a frame at 30 fps (BlazePose's own visibility smoothing): halfway after 7 frames.
    expect(halfwayMs(30, 1, 0)).toBeCloseTo(233, -1)
    expect(halfwayMs(30, 0, 1)).toBeCloseTo(233, -1)
    // The same time constant at 15 fps, within one frame.
    expect(Math.abs(halfwayMs(15, 1, 0) - halfwayMs(30, 1, 0))).toBeLessThanOrEqual(67)
  })

  it('starts from the first score and restarts after a long gap', () => {
    const f = new VisibilityFilter()
    expect(f.apply(0.9, 0)).toBe(0.9)
    f.apply(0.9, 33)
    expect(f.apply(0.1, 2000)).toBe(0.1)
  })

  it('rejects a negative time constant', () => {
    expect(() => new VisibilityFilter(-1)).toThrow(/timeConstantMs=-1/)
  })
})
