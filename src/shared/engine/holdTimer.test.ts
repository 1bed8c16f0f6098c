import { describe, expect, it } from 'vitest'
import type { EngineEvent } from './events'
import { DEFAULT_HOLD, holdTransition, initialHoldState, type HoldInput, type HoldState } from './holdTimer'

function run(inputs: HoldInput[]): EngineEvent[] {
  let s: HoldState = initialHoldState
  const out: EngineEvent[] = []
  for (const input of inputs) {
    const step = holdTransition(DEFAULT_HOLD, s, input)
    s = step.state
    out.push(...step.events)
  }
  return out
}

const sample = (tMs: number, inPosition: boolean, goodForm = true): HoldInput => ({ type: 'sample', tMs, inPosition, goodForm, side: null })

describe('holdTransition', () => {
  it('starts after settling (back-dated), pauses with a reason, resumes and ends with good-form time', () => {
    const inputs: HoldInput[] = []
    for (let t = 0; t <= 5000; t += 100) inputs.push(sample(t, t < 3000 || t >= 3500, t < 2000 || t >= 3500))
    inputs.push({ type: 'finish', tMs: 5000 })
    const ev = run(inputs)
    expect(ev.map((e) => (e.type === 'hold' ? `${e.phase}@${e.t}` : ''))).toEqual(['started@0', 'paused@3000', 'resumed@3500', 'ended@5000'])
    const ended = ev.at(-1)!
    expect(ended.type === 'hold' && ended.goodFormMs).toBe(3400)
  })

  it('never starts for a moment in position shorter than the settle time', () => {
    expect(run([sample(0, true), sample(500, true), sample(600, false), { type: 'finish', tMs: 700 }])).toEqual([])
  })

  it('ends a hold that stays lost', () => {
    const inputs: HoldInput[] = []
    for (let t = 0; t <= 9000; t += 100) inputs.push(sample(t, t < 2000))
    const ev = run(inputs)
    expect(ev.at(-1)).toMatchObject({ type: 'hold', phase: 'ended', t: 2000 })
  })
})
