/**
 * The runner's own rest position as the reference for a rep's thresholds: "left rest", "back at rest"
 * and "deep enough" are measured from where THIS runner's signal reads at rest, not from a fixed image
 * angle, so a few degrees of bias (dim light, compression, another model, a tilted laptop, a stance)
 * cannot merge or drop reps. The reference is the median of the runner's last few rest positions (the
 * most rested reading of each rest between reps), so one noisy reading cannot raise it out of reach, and
 * it is frozen while a rep is in progress (a held bottom never becomes "rest").
 */
import type { RepMachineConfig } from './repMachine'

export interface RestReferenceConfig {
  /** Degrees past the runner's rest that mean the rep has begun. */
  leaveMarginDeg: number
  /** Back within this many degrees of rest = the rep is over (smaller than leaveMarginDeg: hysteresis). */
  returnMarginDeg: number
  /** Degrees of range from rest that reach working depth (the config's absolute depth also counts). */
  depthRangeDeg: number
  /**
   * A rep in progress is also back at rest once it has recovered this fraction of its range, from its
   * deepest point back towards the reference: noise in the rest reading (a dim room can move it by more
   * than returnMarginDeg between reps) cannot then merge two reps.
   */
  returnFractionOfRange: number
  /** How many recent rest positions the reference is the median of (3 outvotes one noisy one). */
  restsKept: number
  /** Plausible rest readings, degrees [least rested, most rested]: outside them a reading is clamped. */
  bounds: [number, number]
}

export interface RestReference {
  /** Feeds one signal sample; `inRep` freezes the reference (a held bottom must not become "rest"). */
  update(tMs: number, deg: number, inRep: boolean): void
  /** The current rest reading, degrees, or null before any sample. */
  readonly restDeg: number | null
  reset(): void
}

export function createRestReference(direction: RepMachineConfig['direction'], cfg: Pick<RestReferenceConfig, 'restsKept' | 'bounds'>): RestReference {
  // Work in "rested" units: larger = more at rest, whichever way the angle runs.
  const rested = (deg: number): number => (direction === 'flex' ? deg : -deg)
  const [lo, hi] = direction === 'flex' ? cfg.bounds : [-cfg.bounds[1], -cfg.bounds[0]]
  /** Most rested reading of each finished rest, newest last. */
  let rests: number[] = []
  /** Most rested reading of the rest in progress (null during a rep). */
  let current: number | null = null
  const reference = (): number | null => {
    // The rest in progress counts with the finished ones until it is one of them.
    const all = current === null ? rests : [...rests, current]
    if (all.length === 0) return null
    const sorted = [...all].sort((a, b) => a - b)
    return sorted[Math.floor(sorted.length / 2)]
  }
  return {
    update(_tMs, deg, inRep) {
      const r = Math.min(hi, Math.max(lo, rested(deg)))
      if (inRep) {
        if (current !== null) rests = [...rests, current].slice(-cfg.restsKept)
        current = null
        return
      }
      current = Math.max(current ?? r, r)
    },
    get restDeg() {
      const ref = reference()
      return ref === null ? null : direction === 'flex' ? ref : -ref
    },
    reset() {
      rests = []
      current = null
    }
  }
}

/**
 * The machine's thresholds measured from the runner's rest (`restDeg`); the config's own values until a
 * rest has been seen. Depth is reached at the config's absolute depth OR `depthRangeDeg` from rest,
 * whichever comes first, so a runner whose rest reads low is not asked to go deeper than the exercise needs.
 */
export function referencedMachine(
  base: RepMachineConfig,
  cfg: RestReferenceConfig,
  restDeg: number | null,
  /** The deepest angle of the rep in progress, degrees (null between reps). */
  repExtremeDeg: number | null = null
): RepMachineConfig {
  if (restDeg === null) return base
  const s = base.direction === 'flex' ? -1 : 1
  const easier = (a: number, b: number): number => (base.direction === 'flex' ? Math.min(a, b) : Math.max(a, b))
  const fromRest = restDeg + s * cfg.depthRangeDeg
  const depth = base.direction === 'flex' ? Math.max(base.reachDepthDeg, fromRest) : Math.min(base.reachDepthDeg, fromRest)
  const nearRest = restDeg + s * cfg.returnMarginDeg
  const recovered = repExtremeDeg === null ? nearRest : repExtremeDeg + cfg.returnFractionOfRange * (restDeg - repExtremeDeg)
  return {
    ...base,
    leaveRestDeg: restDeg + s * cfg.leaveMarginDeg,
    // Recovery may end a rep below the leave line (a runner who stands up less between fast reps): the
    // next dip then starts at once, and the rep tracker tells no shallow dip that did not start from rest.
    returnRestDeg: easier(nearRest, recovered),
    reachDepthDeg: depth
  }
}
