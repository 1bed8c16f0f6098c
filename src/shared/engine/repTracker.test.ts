import { describe, expect, it } from 'vitest'
import type { Body } from './body'
import type { EngineEvent } from './events'
import { REST_SEEN_GAP_MS, createRepTracker } from './repTracker'
import { PUSH_UP_MACHINE } from '../exercises/push-up'

/** Feeds (time ms, elbow angle or null) samples to a push-up-shaped tracker; returns its events. */
function track(samples: readonly [number, number | null][], finishAtMs?: number): EngineEvent[] {
  const tracker = createRepTracker({
    exercise: 'push-up',
    machine: PUSH_UP_MACHINE,
    shallowCue: 'push-up-depth',
    signal: (body) => {
      const deg = angles.get(body.tMs)
      return deg == null ? null : { deg, side: null }
    }
  })
  const angles = new Map(samples)
  const events: EngineEvent[] = []
  for (const [tMs] of samples) events.push(...tracker.update({ tMs, view: { view: 'front' } } as unknown as Body))
  if (finishAtMs !== undefined) events.push(...tracker.finish(finishAtMs))
  return events
}

const countReps = (samples: readonly [number, number | null][], finishAtMs?: number): number => track(samples, finishAtMs).filter((e) => e.type === 'rep').length
const shallowCues = (samples: readonly [number, number | null][]): number => track(samples).filter((e) => e.type === 'cue' && e.id === 'push-up-depth').length

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

describe('a shallow dip is told only when it was seen whole, from a settled rest', () => {
  // Elbow 30° short of the top, past "left rest" (140°) but not at depth (120°): a push-up too shallow to count.
  const dip = (t0: number, t1: number) => (t: number) => 165 - 33 * Math.sin((Math.PI * (t - t0)) / (t1 - t0))

  it('a dip seen from start to end is told', () => {
    expect(shallowCues([...frames(0, 1000, () => 165), ...frames(1040, 1840, dip(1000, 1840)), ...frames(1880, 3000, () => 165)])).toBe(1)
  })

  it('a dip with a hole of REST_SEEN_GAP_MS at its bottom is not: the bottom may have been deeper', () => {
    // Measured: BlazePose Full lost a front-view squat for 250 ms in a scene fade and told "sit lower" of the
    // 20° it read around the hole (squat_air_armsoverhead_multiview_crossfit_mrpose, 8.3-8.9 s).
    const d = dip(1000, 1840)
    const samples = [...frames(0, 1000, () => 165), ...frames(1040, 1840, (t) => (t > 1300 && t < 1300 + REST_SEEN_GAP_MS + 40 ? null : d(t))), ...frames(1880, 3000, () => 165)]
    expect(samples.filter(([, deg]) => deg === null).length).toBeGreaterThan(0)
    expect(shallowCues(samples)).toBe(0)
  })

  it('at 4 frames/s, every interval REST_SEEN_GAP_MS long, a dip seen whole is still told: a slow camera is not a hole', () => {
    // Measured: a 4 frames/s copy of the quarter-squat clip lost its "sit lower" when every interval counted as a hole.
    const at4fps = (fromMs: number, toMs: number, deg: (t: number) => number): [number, number][] => {
      const out: [number, number][] = []
      for (let t = fromMs; t <= toMs; t += REST_SEEN_GAP_MS) out.push([t, deg(t)])
      return out
    }
    expect(shallowCues([...at4fps(0, 1000, () => 165), ...at4fps(1250, 2250, dip(1000, 2500)), ...at4fps(2500, 4500, () => 165)])).toBe(1)
  })

  it('a dip right after a hole at rest is not: the runner was not seen settled', () => {
    const samples = [...frames(0, 1000, () => 165), ...frames(1040, 1040 + REST_SEEN_GAP_MS, () => null), ...frames(1320, 1320, () => 165), ...frames(1360, 2160, dip(1320, 2160)), ...frames(2200, 3400, () => 165)]
    expect(shallowCues(samples)).toBe(0)
  })
})

describe("a rep's bottom, for its per-rep checks, is a frame its neighbours confirm", () => {
  /** The time of the body each counted rep's checks were given as its bottom, ms. */
  function bottomsJudged(samples: readonly [number, number | null][]): number[] {
    const judged: number[] = []
    const angles = new Map(samples)
    const tracker = createRepTracker({
      exercise: 'push-up',
      machine: PUSH_UP_MACHINE,
      signal: (body) => {
        const deg = angles.get(body.tMs)
        return deg == null ? null : { deg, side: null }
      },
      checkRep: ({ bottom }) => {
        judged.push(bottom.tMs)
        return []
      }
    })
    for (const [tMs] of samples) tracker.update({ tMs, view: { view: 'front' } } as unknown as Body)
    return judged
  }

  it('one frame read deeper than the real bottom is not the bottom the checks judge', () => {
    // Measured: BlazePose Lite drew a mirrored reverse lunge's legs crossed for one frame as a rep began (90°,
    // 3.88 s); the rep's real bottom (93°) came 0.9 s later, but the depth check judged the spike frame and
    // told "lower" (robustness case "mirrored").
    const descent = (t: number) => 165 - 70 * Math.sin((Math.PI * (t - 1000)) / 2000)
    const samples = [...frames(0, 1000, () => 165), ...frames(1040, 2960, (t) => (t === 1200 ? 80 : descent(t))), ...frames(3000, 4000, () => 165)]
    const [bottom] = bottomsJudged(samples)
    expect(Math.abs(bottom - 2000)).toBeLessThanOrEqual(80)
  })

  it('a bottom held for two frames or more is confirmed where it is', () => {
    const samples = [...frames(0, 1000, () => 165), ...frames(1040, 1480, (t) => 165 - 0.18 * (t - 1000)), ...frames(1520, 1560, () => 70), ...frames(1600, 2200, (t) => 72 + 0.18 * (t - 1600)), ...frames(2240, 3000, () => 165)]
    const [bottom] = bottomsJudged(samples)
    expect([1520, 1560]).toContain(bottom)
  })
})
