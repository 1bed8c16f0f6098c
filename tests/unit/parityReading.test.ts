import { describe, expect, it } from 'vitest'
import type { EngineEvent } from '../../src/shared/engine/events'
import { readWindow } from '../harness/parityReading'

const rep = (t: number, startMs = t - 400) => ({ type: 'rep', t, startMs }) as unknown as EngineEvent
const hold = (t: number, phase: 'started' | 'paused' | 'resumed' | 'ended') => ({ type: 'hold', t, phase, side: null, goodFormMs: 0 }) as EngineEvent

describe('readWindow: one loop of a set, read the same way for the live path and the analyzer', () => {
  it('leaves out a rep begun before the window (at a looped clip\'s seam), however late it ends', () => {
    expect(readWindow([rep(1500, 200), rep(2500, 1600)], 1000, 2000)).toMatchObject({ reps: 1, repAtMs: [1500] })
  })

  it('counts only the reps inside the window, timed from its start', () => {
    expect(readWindow([rep(900), rep(1500), rep(2500), rep(3000)], 1000, 2000)).toMatchObject({ reps: 2, repAtMs: [500, 1500] })
  })

  it('clips hold spans to the window, including one already running when it opens', () => {
    const events = [hold(500, 'started'), hold(1500, 'paused'), hold(2000, 'resumed'), hold(4000, 'ended')]
    const r = readWindow(events, 1000, 2000)
    expect(r.holds).toEqual([{ startMs: 0, endMs: 500 }, { startMs: 1000, endMs: 2000 }])
    expect(r.heldMs).toBe(1500)
  })
})
