/**
 * The live range-of-motion bar (issue 11, item 7): the exercise's main angle as a fraction of a vertical
 * bar, 0 at the runner's own rest, with the line a rep must reach to count at TARGET_AT and the runner's
 * deepest rep this set marked, so depth is seen without reading a sentence. Pure.
 */
import type { RangeOfMotion } from '../engine/tracker'

/** The target line sits this far up the bar: a rep deeper than it still moves the bar. */
export const TARGET_AT = 0.8

/** What the bar shows, each a fraction of its height from the bottom (rest), 0..1. */
export interface RangeBar {
  now: number
  /** The deepest counted rep this set, or null before the first. */
  best: number | null
  /** The line a rep must reach to count. */
  target: number
}

/** Degrees from rest towards depth (positive = deeper), whichever way the exercise's angle runs. */
export function depthFromRestDeg(rom: Pick<RangeOfMotion, 'restDeg' | 'direction'>, deg: number): number {
  return rom.direction === 'flex' ? rom.restDeg - deg : deg - rom.restDeg
}

/**
 * The bar for one reading. `bestDeg` is the deepest rep's depthDeg this set (deeperDeg keeps it).
 * Null when the reading has no depth to scale by (its depth line is not past its rest).
 */
export function rangeBar(rom: RangeOfMotion, bestDeg: number | null): RangeBar | null {
  const fullScaleDeg = depthFromRestDeg(rom, rom.depthDeg) / TARGET_AT
  if (!(fullScaleDeg > 0)) return null
  const fraction = (deg: number) => Math.min(1, Math.max(0, depthFromRestDeg(rom, deg) / fullScaleDeg))
  return { now: fraction(rom.deg), best: bestDeg === null ? null : fraction(bestDeg), target: TARGET_AT }
}

/** The deeper of the best so far (or none) and a new rep's depth, degrees, in the exercise's direction. */
export function deeperDeg(direction: RangeOfMotion['direction'], best: number | null, deg: number): number {
  if (best === null) return deg
  return direction === 'flex' ? Math.min(best, deg) : Math.max(best, deg)
}
