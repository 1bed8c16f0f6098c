import { describe, expect, it } from 'vitest'
import type { RangeOfMotion } from '../engine/tracker'
import { deeperDeg, rangeBar, TARGET_AT } from './rangeBar'

/** A squat's knee: 170° standing, a rep counts at 100° (70° of range). */
const squat = (deg: number): RangeOfMotion => ({ deg, restDeg: 170, depthDeg: 100, direction: 'flex' })
/** A glute bridge's hip: 120° lying, a rep counts at 160°. */
const bridge = (deg: number): RangeOfMotion => ({ deg, restDeg: 120, depthDeg: 160, direction: 'extend' })

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
    expect(rangeBar({ deg: 150, restDeg: 100, depthDeg: 100, direction: 'flex' }, null)).toBeNull()
    expect(rangeBar({ deg: 150, restDeg: 90, depthDeg: 100, direction: 'flex' }, null)).toBeNull()
  })

  it('the best is the deepest rep in the exercise\'s direction', () => {
    expect([95, 88, 101].reduce<number | null>((b, d) => deeperDeg('flex', b, d), null)).toBe(88)
    expect([150, 171, 160].reduce<number | null>((b, d) => deeperDeg('extend', b, d), null)).toBe(171)
  })
})
