import { describe, expect, it } from 'vitest'
import type { RangeOfMotion } from '../engine/tracker'
import { deeper, RangeBest, rangeBar, TARGET_AT } from './rangeBar'

/** A squat's knee: 170° standing, a rep counts at 100° (70° of range). */
const squat = (deg: number): RangeOfMotion => ({ unit: 'deg', value: deg, rest: 170, target: 100, direction: 'flex' })
/** A glute bridge's hip: 120° lying, a rep counts at 160°. */
const bridge = (deg: number): RangeOfMotion => ({ unit: 'deg', value: deg, rest: 120, target: 160, direction: 'extend' })

describe('range-of-motion bar: angle to fraction of the bar', () => {
  it('is empty at rest, at the target line at working depth, and linear between (a knee that shrinks into the rep)', () => {
    expect(rangeBar(squat(170), null)?.now).toBe(0)
    expect(rangeBar(squat(100), null)?.now).toBeCloseTo(TARGET_AT, 9)
    expect(rangeBar(squat(135), null)?.now).toBeCloseTo(TARGET_AT / 2, 9)
    expect(rangeBar(squat(100), null)?.target).toBe(TARGET_AT)
  })

  it('keeps moving past the target, full at a quarter more range, never outside 0..1', () => {
    // Full scale = 70° / 0.8 = 87.5° from rest: 82.5° knee.
    expect(rangeBar(squat(90), null)?.now).toBeCloseTo(80 / 87.5, 9)
    expect(rangeBar(squat(82.5), null)?.now).toBeCloseTo(1, 9)
    expect(rangeBar(squat(40), null)?.now).toBe(1)
    expect(rangeBar(squat(178), null)?.now).toBe(0)
  })

  it('works the same for an angle that grows into the rep (hip extension)', () => {
    expect(rangeBar(bridge(120), null)?.now).toBe(0)
    expect(rangeBar(bridge(160), null)?.now).toBeCloseTo(TARGET_AT, 9)
    expect(rangeBar(bridge(140), null)?.now).toBeCloseTo(TARGET_AT / 2, 9)
  })

  it("marks the runner's best rep this set on the same scale", () => {
    expect(rangeBar(squat(160), 95)?.best).toBeCloseTo(75 / 87.5, 9)
    expect(rangeBar(squat(160), null)?.best).toBeNull()
  })

  it('has no bar when the depth line is not past rest (nothing to scale by)', () => {
    expect(rangeBar({ unit: 'deg', value: 150, rest: 100, target: 100, direction: 'flex' }, null)).toBeNull()
    expect(rangeBar({ unit: 'deg', value: 150, rest: 90, target: 100, direction: 'flex' }, null)).toBeNull()
  })

  it('the best is the deepest rep in the exercise\'s direction', () => {
    expect([95, 88, 101].reduce<number | null>((b, d) => deeper('flex', b, d), null)).toBe(88)
    expect([150, 171, 160].reduce<number | null>((b, d) => deeper('extend', b, d), null)).toBe(171)
  })
})

/** A step-up's hip rise in shin lengths: 0 standing on the floor, the hips on the box at 0.3. */
const rise = (shins: number): RangeOfMotion => ({ unit: 'shin', value: shins, rest: 0, target: 0.3, direction: 'extend' })

describe("the set's deepest rep (RangeBest)", () => {
  it('takes a rep event\'s depth in degrees at its word, whatever the live readings did', () => {
    const best = new RangeBest()
    for (const deg of [170, 120, 92, 130, 170]) best.reading(squat(deg))
    best.rep(95)
    expect(best.best).toBe(95)
    expect(rangeBar(squat(170), best.best)?.best).toBeCloseTo(75 / 87.5, 9)
  })

  it('keeps the deepest reading since the last rep for a reading with no depth on the rep event (shin lengths)', () => {
    const best = new RangeBest()
    for (const r of [0, 0.2, 0.55, 0.4, 0.02]) best.reading(rise(r))
    best.rep(null)
    expect(best.best).toBe(0.55)
    // A shallower second rep leaves the best where it was; only readings after the last rep count for the next.
    for (const r of [0, 0.35, 0.01]) best.reading(rise(r))
    best.rep(null)
    expect(best.best).toBe(0.55)
    for (const r of [0, 0.6, 0]) best.reading(rise(r))
    best.rep(null)
    expect(best.best).toBe(0.6)
  })

  it('has no best before a rep, and forgets it on a new set; unjudged frames change nothing', () => {
    const best = new RangeBest()
    best.reading(rise(0.5))
    best.reading(null)
    expect(best.best).toBeNull()
    best.rep(null)
    expect(best.best).toBe(0.5)
    best.reset()
    expect(best.best).toBeNull()
    best.rep(null)
    expect(best.best).toBeNull()
  })
})
