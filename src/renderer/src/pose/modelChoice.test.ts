import { describe, expect, it } from 'vitest'
import { AUTO_CANDIDATES, chooseModel, frameBudgetMs, stopsTiming, timingOrder, type ModelTiming } from './modelChoice'

// Fake timings, ms per frame; the budget at 30 frames/s with 20% headroom is 27.8 ms.
const timings = (lite?: number, full?: number, heavy?: number): ModelTiming[] => [
  lite === undefined ? { model: 'blazepose-lite', error: 'failed' } : { model: 'blazepose-lite', msPerFrame: lite },
  full === undefined ? { model: 'blazepose-full', error: 'skipped' } : { model: 'blazepose-full', msPerFrame: full },
  heavy === undefined ? { model: 'blazepose-heavy', error: 'skipped' } : { model: 'blazepose-heavy', msPerFrame: heavy }
]

describe('automatic model choice', () => {
  it('the budget is the camera period less the headroom', () => {
    expect(frameBudgetMs(30)).toBeCloseTo(27.78, 2)
    expect(frameBudgetMs(15)).toBeCloseTo(55.56, 2)
    expect(() => frameBudgetMs(0)).toThrow(/cameraFps > 0/)
  })

  it('picks Lite on a 2-core laptop where Full misses 30 frames/s (the bench: 25 / 39 / 149 ms)', () => {
    expect(chooseModel(timings(25, 39, 149))).toMatchObject({ model: 'blazepose-lite', reason: 'keeps-up' })
  })

  it('picks Full when it keeps up and Heavy does not', () => {
    expect(chooseModel(timings(9, 14, 40))).toMatchObject({ model: 'blazepose-full', reason: 'keeps-up' })
  })

  it('picks Heavy on a machine that holds it at camera rate', () => {
    expect(chooseModel(timings(4, 6, 20))).toMatchObject({ model: 'blazepose-heavy', reason: 'keeps-up' })
  })

  it('a model exactly at the budget keeps up; a hair over does not', () => {
    const budget = frameBudgetMs(30)
    expect(chooseModel(timings(10, budget)).model).toBe('blazepose-full')
    expect(chooseModel(timings(10, budget + 0.01)).model).toBe('blazepose-lite')
  })

  it('when nothing keeps up, the fastest timed model, said so', () => {
    expect(chooseModel(timings(45, 70))).toMatchObject({ model: 'blazepose-lite', reason: 'none-keeps-up' })
  })

  it('a lower camera rate lets a slower, more accurate model in', () => {
    expect(chooseModel(timings(25, 39, 149), 15)).toMatchObject({ model: 'blazepose-full', reason: 'keeps-up' })
  })

  it('never picks MoveNet, however fast: it has no heels or toes', () => {
    expect(AUTO_CANDIDATES).toEqual(['blazepose-heavy', 'blazepose-full', 'blazepose-lite'])
    const choice = chooseModel([{ model: 'movenet-lightning', msPerFrame: 5 }, { model: 'blazepose-lite', msPerFrame: 45 }])
    expect(choice).toMatchObject({ model: 'blazepose-lite', reason: 'none-keeps-up' })
  })

  it('falls back to the default when nothing could be timed', () => {
    expect(chooseModel(timings())).toMatchObject({ model: 'blazepose-lite', reason: 'not-measured' })
    expect(chooseModel([{ model: 'blazepose-full', msPerFrame: Number.NaN }]).reason).toBe('not-measured')
  })

  it('times fastest first and stops once one misses the budget', () => {
    expect(timingOrder()).toEqual(['blazepose-lite', 'blazepose-full', 'blazepose-heavy'])
    expect(stopsTiming(39, frameBudgetMs())).toBe(true)
    expect(stopsTiming(25, frameBudgetMs())).toBe(false)
  })
})
