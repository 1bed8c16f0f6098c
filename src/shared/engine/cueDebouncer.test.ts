import { describe, expect, it } from 'vitest'
import { activeCues, cueTransition, DEFAULT_CUE_DEBOUNCE, REP_CUE_DEBOUNCE, type CueInput, type CueState } from './cueDebouncer'
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

/** The times (ms) at which the debounce raises the cue over these frames. */
function raisedAt(inputs: CueInput[], cfg = REP_CUE_DEBOUNCE): number[] {
  let state: CueState = {}
  const out: number[] = []
  for (const input of inputs) {
    const step = cueTransition(cfg, state, input)
    state = step.state
    for (const e of step.events) if (e.type === 'cue' && e.phase === 'raised') out.push(e.t)
  }
  return out
}

describe('a fault seen through a whole brief stretch (REP_CUE_DEBOUNCE)', () => {
  /** 30 fps frames from `from` to `to` ms (end excluded), the cue judged or not, at fault or not. */
  const at30 = (from: number, to: number, judged: boolean, fault: boolean): CueInput[] =>
    Array.from({ length: Math.round(((to - from) * 30) / 1000) }, (_, i) => ({
      tMs: Math.round(from + (i * 1000) / 30),
      judged: judged ? ['x'] : [],
      faults: judged && fault ? ['x'] : []
    }))

  it('raises a fault seen on every frame of a 200 ms stretch once the stretch has ended', () => {
    const raised = raisedAt([...at30(0, 200, true, true), ...at30(200, 600, false, false)])
    expect(raised).toHaveLength(1)
    // Last judged frame at 167 ms; the stretch is over once unjudged for 100 ms.
    expect(raised[0]).toBeGreaterThanOrEqual(267)
    expect(raised[0]).toBeLessThan(300)
  })

  it('says nothing for a stretch shorter than half the raise time (a keypoint jump)', () => {
    expect(raisedAt([...at30(0, 100, true, true), ...at30(100, 600, false, false)])).toEqual([])
  })

  it('says nothing when the fault began inside the stretch: the usual persistence applies', () => {
    expect(raisedAt([...at30(0, 300, true, false), ...at30(300, 500, true, true), ...at30(500, 900, false, false)])).toEqual([])
  })

  it('treats a judging gate that flickers for a frame as the same stretch', () => {
    const inputs = [...at30(0, 200, true, true), ...at30(200, 234, false, false), ...at30(234, 800, true, false), ...at30(800, 1200, false, false)]
    expect(raisedAt(inputs)).toEqual([])
  })

  it('is off in the default debounce (holds): a brief stretch there says nothing', () => {
    expect(raisedAt([...at30(0, 200, true, true), ...at30(200, 600, false, false)], DEFAULT_CUE_DEBOUNCE)).toEqual([])
  })

  it('keeps the repeat window', () => {
    const rep = [...at30(0, 200, true, true), ...at30(200, 1000, false, false)]
    expect(raisedAt([...rep, ...rep.map((f) => ({ ...f, tMs: f.tMs + 1000 }))])).toHaveLength(1)
  })
})

describe('a judging gap inside a rep (REP_CUE_DEBOUNCE)', () => {
  it('keeps a fault that began mid-stretch pending across the gap, as the plain debounce does', () => {
    // Measured on a side squat with added noise (25 fps): judged clean for one frame, at fault 0.24 s, a
    // 0.24 s gap in judging (the toe not trusted), at fault again: the cue is raised when judging resumes.
    const inputs: CueInput[] = []
    const add = (from: number, to: number, judged: boolean, fault: boolean): void => {
      for (let t = from; t < to; t += 40) inputs.push({ tMs: t, judged: judged ? ['x'] : [], faults: judged && fault ? ['x'] : [] })
    }
    add(520, 560, true, false)
    add(560, 840, true, true)
    add(840, 1080, false, false)
    add(1080, 1400, true, true)
    for (const cfg of [DEFAULT_CUE_DEBOUNCE, REP_CUE_DEBOUNCE]) expect(raisedAt(inputs, cfg)).toEqual([1080])
  })
})
