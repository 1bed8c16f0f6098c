import { describe, expect, it } from 'vitest'
import { LiveStats } from './liveStats'

describe('LiveStats', () => {
  it('counts poses in the last second as frames/s', () => {
    const stats = new LiveStats()
    for (let t = 0; t <= 2000; t += 40) stats.add(t, 20, 50, true)
    expect(stats.snapshot(2000).fps).toBe(26)
  })

  it('reports median inference and latency', () => {
    const stats = new LiveStats()
    ;[10, 50, 20].forEach((ms, i) => stats.add(i, ms, ms * 2, i !== 1))
    const s = stats.snapshot(3)
    expect(s.inferenceMs).toBe(20)
    expect(s.latencyMs).toBe(40)
    expect(s.poses).toBe(3)
    expect(s.withPerson).toBe(2)
  })

  it('drops to zero frames/s when poses stop', () => {
    const stats = new LiveStats()
    stats.add(0, 10, 10, true)
    expect(stats.snapshot(5000).fps).toBe(0)
  })
})
