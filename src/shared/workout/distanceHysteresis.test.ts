import { describe, expect, it } from 'vitest'
import { DistanceHysteresis, TOO_CLOSE_STICKY_MS } from './distanceHysteresis'
import type { PlacementIssue, PlacementResult } from './placement'

const verdict = (issue: PlacementIssue | null, guidance: string): PlacementResult => ({
  ok: issue === null, issue, guidance, missing: [], view: 'side', bodyFraction: null, presence: { inFrame: issue !== 'no-person', posture: 'standing' }
})
const TOO_CLOSE = verdict('too-close', 'Step back')
const GONE = verdict('no-person', "I can't see you yet: step into view")

describe('DistanceHysteresis (issue 11, item 5)', () => {
  it('too close, with the body lost every other second: says "Step back" all the while, never "step into view"', () => {
    const h = new DistanceHysteresis()
    const shown = [0, 1000, 2000, 3000, 4000, 5000].map((t, i) => h.apply(i % 2 === 0 ? TOO_CLOSE : GONE, t).guidance)
    expect(new Set(shown)).toEqual(new Set(['Step back']))
  })

  it('lets go once the runner is seen whole, or gone for longer than a burst', () => {
    const h = new DistanceHysteresis()
    h.apply(TOO_CLOSE, 0)
    expect(h.apply(verdict(null, 'Good: hold still'), 500).ok).toBe(true)
    h.apply(TOO_CLOSE, 1000)
    expect(h.apply(GONE, 1000 + TOO_CLOSE_STICKY_MS).issue).toBe('no-person')
  })
})
