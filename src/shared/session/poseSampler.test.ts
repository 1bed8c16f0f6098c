import { describe, expect, it } from 'vitest'
import { PoseSampler } from './poseSampler'

function keptPerSecond(fps: number, jitterMs = 0): number {
  const sampler = new PoseSampler()
  let kept = 0
  for (let i = 0; i < fps * 10; i++) {
    const jitter = jitterMs * Math.sin(i * 12.9898) // deterministic pseudo-jitter
    if (sampler.accept((i * 1000) / fps + jitter)) kept++
  }
  return kept / 10
}

describe('PoseSampler', () => {
  it('keeps about 15 frames per second from common camera rates', () => {
    expect(keptPerSecond(30)).toBe(15)
    expect(keptPerSecond(30, 4)).toBeCloseTo(15, 0)
    expect(keptPerSecond(60)).toBeCloseTo(15, 0)
    expect(keptPerSecond(15)).toBe(15)
    expect(keptPerSecond(10)).toBe(10)
  })

  it('starts over when the clock jumps back (a new video)', () => {
    const sampler = new PoseSampler()
    expect(sampler.accept(5000)).toBe(true)
    expect(sampler.accept(0)).toBe(true)
    expect(sampler.accept(10)).toBe(false)
  })
})
