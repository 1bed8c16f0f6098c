import { describe, expect, it } from 'vitest'
import type { Body } from './body'
import { REST_SEEN_GAP_MS, createRepTracker } from './repTracker'
import { PUSH_UP_MACHINE } from '../exercises/push-up'

/** Feeds (time ms, elbow angle or null) samples to a push-up-shaped tracker; returns the reps counted. */
function countReps(samples: readonly [number, number | null][], finishAtMs?: number): number {
  const tracker = createRepTracker({
    exercise: 'push-up',
    machine: PUSH_UP_MACHINE,
    signal: (body) => {
      const deg = angles.get(body.tMs)
      return deg == null ? null : { deg, side: null }
    }
  })
  const angles = new Map(samples)
  let reps = 0
  for (const [tMs] of samples) {
    const body = { tMs, view: { view: 'front' } } as unknown as Body
    reps += tracker.update(body).filter((e) => e.type === 'rep').length
  }
  if (finishAtMs !== undefined) reps += tracker.finish(finishAtMs).filter((e) => e.type === 'rep').length
  return reps
}

const frames = (fromMs: number, toMs: number, deg: (t: number) => number | null): [number, number | null][] => {
  const out: [number, number | null][] = []
  for (let t = fromMs; t <= toMs; t += 40) out.push([t, deg(t)])
  return out
}

describe('a rep is timed over what was seen of it', () => {
  it('does not book a hole at rest as the descent of a glitch (re-found bent for 0.25 s, then straight)', () => {
    const samples = [
      ...frames(0, 1000, () => 172),
      ...frames(1040, 1000 + REST_SEEN_GAP_MS + 80, () => null),
      ...frames(1400, 1640, (t) => (t < 1520 ? 134 : 111)),
      ...frames(1680, 2500, () => 165)
    ]
    expect(countReps(samples)).toBe(0)
  })

  it('still counts a real descent whose start fell in a hole', () => {
    const samples = [
      ...frames(0, 1000, () => 175),
      ...frames(1040, 1440, () => null),
      // Seen again at the rest line, then a full 2 s rep.
      ...frames(1480, 3480, (t) => 140 - 60 * Math.sin((Math.PI * (t - 1480)) / 2000)),
      ...frames(3520, 4500, () => 170)
    ]
    expect(countReps(samples)).toBe(1)
  })
})

describe('a return to rest straight from the bottom is confirmed by the next frame', () => {
  it('one frame read straight at the bottom, then the runner lost for 0.23 s, is one push-up, not two', () => {
    const samples: [number, number | null][] = [
      ...frames(0, 600, () => 165),
      ...frames(640, 1240, (t) => 150 - 65 * Math.sin((Math.PI * (t - 640)) / 2400)),
      [1280, 152],
      ...frames(1320, 1520, () => null),
      ...frames(1560, 2600, (t) => 86 + 70 * ((t - 1560) / 1040)),
      ...frames(2640, 3400, () => 165)
    ]
    expect(countReps(samples)).toBe(1)
  })

  it('a set that ends on a frame read back at rest straight from the bottom still counts that rep', () => {
    const samples: [number, number | null][] = [
      ...frames(0, 600, () => 165),
      ...frames(640, 1640, (t) => 140 - 55 * Math.sin((Math.PI * (t - 640)) / 2000)),
      [1680, 165]
    ]
    expect(countReps(samples)).toBe(0)
    expect(countReps(samples, 2700)).toBe(1)
  })
})
