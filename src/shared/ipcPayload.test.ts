import { describe, expect, it } from 'vitest'
import { PAYLOAD_BUDGETS } from './ipcLimits'
import { checkPayload } from './ipcPayload'

const append = PAYLOAD_BUDGETS.appendToSession
const small = PAYLOAD_BUDGETS.getSession

describe('checkPayload', () => {
  it('accepts plain data within the budget, shared (non-circular) references included', () => {
    const target = { reps: 10 }
    const entries = [1, 2].map((setIndex) => ({ kind: 'set-start', at: 1, exercise: 'squat', setIndex, side: null, target }))
    expect(checkPayload(['s-20250105-140322-k3j9x2', entries], append)).toBeNull()
    expect(checkPayload([undefined, null, true, NaN, 'x'], small)).toBeNull()
  })

  it('names the field and the cap that was passed, without quoting the value', () => {
    expect(checkPayload([{ title: 'x'.repeat(5_000) }], small)).toEqual({ where: 'argument 1.title', problem: 'text of 5,000 characters (at most 2,000)' })
    expect(checkPayload([1, 2, 3, 4, 5, 6, 7, 8, 9], small)).toEqual({ where: 'the arguments', problem: 'a list of 9 items (at most 8)' })
    expect(checkPayload([{ a: 10n }], small)).toEqual({ where: 'argument 1.a', problem: 'a BigInt, where only plain numbers are accepted' })
    expect(checkPayload([new Map()], small)).toEqual({ where: 'argument 1', problem: 'a Map, which is not plain data' })
    expect(checkPayload([() => 1], small)?.problem).toBe('a function, which is not data')
  })

  it('finds cycles through arrays and objects', () => {
    const list: unknown[] = []
    list.push({ back: list })
    expect(checkPayload(['id', list], append)).toEqual({ where: 'argument 2.0.back', problem: 'it contains itself (a circular reference)' })
  })

  it('walks 10,000-deep nesting without recursion and stops at the depth cap', () => {
    let deep: unknown = 0
    for (let i = 0; i < 10_000; i++) deep = [deep]
    expect(checkPayload([deep], small)?.problem).toBe('nested more than 4 levels deep')
  })

  it('caps the values and the text of a whole call', () => {
    const entries = Array.from({ length: 2_000 }, () => ({ kind: 'note', at: 1, text: 'x'.repeat(2_000), r: new Array(200).fill(0) }))
    expect(checkPayload(['id', entries], append)?.problem).toBe('the request holds more than 250,000 values')
  })
})
