/**
 * The live range-of-motion bar (issue 11, item 7): the exercise's range-of-motion reading (an angle in
 * degrees or a travel in shin lengths, engine/tracker.ts RangeOfMotion) as a fraction of a vertical bar, 0
 * at the runner's own rest, with the line a rep must reach at TARGET_AT and the runner's deepest rep this
 * set marked, so depth is seen without reading a sentence. Pure.
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

/** How far `value` is from rest towards the target (positive = deeper), in the reading's unit, whichever way it runs. */
export function depthFromRest(rom: Pick<RangeOfMotion, 'rest' | 'direction'>, value: number): number {
  return rom.direction === 'flex' ? rom.rest - value : value - rom.rest
}

/**
 * The bar for one reading. `best` is the deepest rep's reading this set, in the reading's unit
 * (RangeBest keeps it). Null when the reading has no depth to scale by (its target is not past its rest).
 */
export function rangeBar(rom: RangeOfMotion, best: number | null): RangeBar | null {
  const fullScale = depthFromRest(rom, rom.target) / TARGET_AT
  if (!(fullScale > 0)) return null
  const fraction = (value: number) => Math.min(1, Math.max(0, depthFromRest(rom, value) / fullScale))
  return { now: fraction(rom.value), best: best === null ? null : fraction(best), target: TARGET_AT }
}

/** The deeper of the best so far (or none) and a new rep's reading, in the exercise's direction. */
export function deeper(direction: RangeOfMotion['direction'], best: number | null, value: number): number {
  if (best === null) return value
  return direction === 'flex' ? Math.min(best, value) : Math.max(best, value)
}

/**
 * The deepest counted rep of a set, from the live readings. A rep event that carries its depth in degrees
 * (`depthDeg`, the counted angle's extreme) is taken at its word; one without (a step-up's rise, a band
 * walk's step, both read in shin lengths) is the deepest reading since the previous rep. Not a class of the
 * engine's: it sees only what the bar sees.
 */
export class RangeBest {
  private peak: number | null = null
  private last: RangeOfMotion | null = null
  private bestValue: number | null = null

  /** The deepest counted rep this set, in the reading's unit, or null before the first. */
  get best(): number | null {
    return this.bestValue
  }

  /** Each frame's reading (null when the frame was not judged). */
  reading(rom: RangeOfMotion | null): void {
    if (!rom) return
    if (this.last && (this.last.unit !== rom.unit || this.last.direction !== rom.direction)) this.reset()
    this.last = rom
    this.peak = deeper(rom.direction, this.peak, rom.value)
  }

  /** A counted rep; `depthDeg` is the rep event's depth (degrees) or null. */
  rep(depthDeg: number | null): void {
    const rom = this.last
    const depth = rom?.unit === 'deg' && depthDeg !== null ? depthDeg : this.peak
    if (rom && depth !== null) this.bestValue = deeper(rom.direction, this.bestValue, depth)
    this.peak = null
  }

  /** A new set (or a new exercise). */
  reset(): void {
    this.peak = null
    this.last = null
    this.bestValue = null
  }
}
