import { BAND_COLOURS, type BandColour } from '../exercises/types'
import type { ProgressSet } from './types'

/**
 * The routine's ladders of harder variants (../shared/exercises.md, "Progressions"), by the variant
 * ids the exercise registry uses. A null variant is the standard form.
 */

/** Push-ups from the knees: the routine's regression. */
export const PUSH_UP_KNEES = 'knees'

/** Heel taps: one leg at a time, then both legs together, then both legs lying on a foam roller. */
export const HEEL_TAP_LADDER = [null, 'both-legs', 'foam-roller'] as const

/** Glute bridge: feet hip-width, then feet and knees together, then one leg lifted. */
export const GLUTE_BRIDGE_LADDER = [null, 'feet-together', 'single-leg'] as const

/** Squat regressions: a chair or bench as a depth guide, a stability ball against the wall. */
export const SQUAT_ASSISTED = ['chair', 'ball'] as const

/** Band colours from easiest to hardest (the routine: yellow easy, green moderate, blue hard, black hardest). */
export const BAND_LADDER: readonly BandColour[] = BAND_COLOURS

/** The variant the parts were mostly done in (the last part wins a tie): a session has one level per exercise. */
export function variantOf(parts: readonly ProgressSet[]): string | null {
  const counts = new Map<string | null, number>()
  for (const p of parts) counts.set(p.variant, (counts.get(p.variant) ?? 0) + 1)
  let best: string | null = null
  let bestCount = 0
  for (const p of parts) {
    const n = counts.get(p.variant) ?? 0
    if (n >= bestCount) {
      best = p.variant
      bestCount = n
    }
  }
  return best
}

/** The band of the parts (the last one chosen), null when none was recorded. */
export function bandOf(parts: readonly ProgressSet[]): BandColour | null {
  for (let i = parts.length - 1; i >= 0; i--) if (parts[i].bandColour) return parts[i].bandColour
  return null
}

/** Whether weights were held in most parts. */
export function loadedOf(parts: readonly ProgressSet[]): boolean {
  return parts.filter((p) => p.loaded).length * 2 > parts.length
}

/** The next rung of `ladder` after `current`, null at the top or when `current` is not on it. */
export function nextOn<T>(ladder: readonly T[], current: T): T | null {
  const i = ladder.indexOf(current)
  return i >= 0 && i + 1 < ladder.length ? ladder[i + 1] : null
}

/**
 * The rung of a variant ladder whose first rung is the standard form (null): the registry names its
 * standard forms ('standard', 'bodyweight', 'alternating' …), so any variant off the ladder is rung 0.
 */
export function rungOf(ladder: readonly (string | null)[], variant: string | null): string | null {
  return ladder.includes(variant) ? variant : ladder[0]
}

/** Variants that mean weights in the hands (step-ups, lunges). */
export const LOADED_VARIANTS = ['dumbbells'] as const
