import { describe, expect, it } from 'vitest'
import { activeCues, cueTransition, DEFAULT_CUE_DEBOUNCE, type CueState } from './cueDebouncer'
import type { EngineEvent } from './events'

function run(frames: { tMs: number; faults: string[] }[]): { events: EngineEvent[]; state: CueState } {
  let state: CueState = {}
  const events: EngineEvent[] = []
  for (const f of frames) {
    const step = cueTransition(DEFAULT_CUE_DEBOUNCE, state, { ...f, judged: ['x'] })
    state = step.state
    events.push(...step.events)
  }
  return { events, state }
}

const frames = (from: number, to: number, faults: string[]): { tMs: number; faults: string[] }[] =>
  Array.from({ length: (to - from) / 50 }, (_, i) => ({ tMs: from + i * 50, faults }))

describe('cueTransition', () => {
  it('ignores a fault that flickers for one frame', () => {
    expect(run([...frames(0, 500, []), { tMs: 500, faults: ['x'] }, ...frames(550, 1500, [])]).events).toEqual([])
  })

  it('raises a persistent fault once, clears it after recovery and does not repeat it within the repeat window', () => {
    const { events, state } = run([...frames(0, 1000, ['x']), ...frames(1000, 2000, []), ...frames(2000, 3000, ['x'])])
    expect(events.map((e) => (e.type === 'cue' ? `${e.phase}@${e.t}` : ''))).toEqual(['raised@300', 'cleared@1500'])
    expect(activeCues(state)).toEqual([])
  })

  it('repeats after the repeat window', () => {
    const { events } = run([...frames(0, 1000, ['x']), ...frames(1000, 4500, []), ...frames(4500, 5500, ['x'])])
    expect(events.filter((e) => e.type === 'cue' && e.phase === 'raised')).toHaveLength(2)
  })
})

describe('cue reminders', () => {
  it('says a persisting fault again every remindAfterMs, and not in between', () => {
    let state: CueState = {}
    const raised: number[] = []
    for (let t = 0; t <= 9000; t += 100) {
      const step = cueTransition(DEFAULT_CUE_DEBOUNCE, state, { tMs: t, faults: ['x'], judged: ['x'] })
      state = step.state
      for (const e of step.events) if (e.type === 'cue' && e.phase === 'raised') raised.push(e.t)
    }
    expect(raised).toEqual([300, 4300, 8300])
  })
})
