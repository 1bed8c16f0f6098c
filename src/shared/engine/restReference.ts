/**
 * The runner's own rest position as the reference for a rep's thresholds: "left rest", "back at rest"
 * and "deep enough" are measured from where THIS runner's signal reads at rest, not from a fixed image
 * angle, so a few degrees of bias (dim light, compression, another model, a tilted laptop, a stance)
 * cannot merge or drop reps. The reference follows the rest position (the most rested reading, forgetting
 * slowly so a new stance is re-measured) and is frozen while a rep is in progress.
 */
import type { RepMachineConfig } from './repMachine'

export interface RestReferenceConfig {
  /** Degrees past the runner's rest that mean the rep has begun. */
  leaveMarginDeg: number
  /** Back within this many degrees of rest = the rep is over (smaller than leaveMarginDeg: hysteresis). */
  returnMarginDeg: number
  /** Degrees of range from rest that reach working depth (the config's absolute depth also counts). */
  depthRangeDeg: number
  /** How fast the reference forgets a better rest reading, degrees per second (a new stance is re-measured). */
  decayDegPerS: number
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

export function createRestReference(direction: RepMachineConfig['direction'], cfg: RestReferenceConfig): RestReference {
  // Work in "rested" units: larger = more at rest, whichever way the angle runs.
  const rested = (deg: number): number => (direction === 'flex' ? deg : -deg)
  const [lo, hi] = direction === 'flex' ? cfg.bounds : [-cfg.bounds[1], -cfg.bounds[0]]
  let ref: number | null = null
  let lastMs: number | null = null
  return {
    update(tMs, deg, inRep) {
      const r = Math.min(hi, Math.max(lo, rested(deg)))
      const dt = lastMs === null ? 0 : Math.max(0, tMs - lastMs) / 1000
      lastMs = tMs
      if (inRep && ref !== null) return
      const decayed = ref === null ? r : ref - cfg.decayDegPerS * dt
      ref = Math.max(lo, Math.max(decayed, r))
    },
    get restDeg() {
      return ref === null ? null : direction === 'flex' ? ref : -ref
    },
    reset() {
      ref = null
      lastMs = null
    }
  }
}

/**
 * The machine's thresholds measured from the runner's rest (`restDeg`); the config's own values until a
 * rest has been seen. Depth is reached at the config's absolute depth OR `depthRangeDeg` from rest,
 * whichever comes first, so a runner whose rest reads low is not asked to go deeper than the exercise needs.
 */
export function referencedMachine(base: RepMachineConfig, cfg: RestReferenceConfig, restDeg: number | null): RepMachineConfig {
  if (restDeg === null) return base
  const s = base.direction === 'flex' ? -1 : 1
  const fromRest = restDeg + s * cfg.depthRangeDeg
  const depth = base.direction === 'flex' ? Math.max(base.reachDepthDeg, fromRest) : Math.min(base.reachDepthDeg, fromRest)
  return {
    ...base,
    leaveRestDeg: restDeg + s * cfg.leaveMarginDeg,
    returnRestDeg: restDeg + s * cfg.returnMarginDeg,
    reachDepthDeg: depth
  }
}
