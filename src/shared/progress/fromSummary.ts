import type { BandColour } from '../exercises/types'
import type { SessionSummaryFile, SetSummary } from '../session/types'
import { BAND_LADDER, LOADED_VARIANTS, PUSH_UP_KNEES } from './levels'
import type { ProgressSession, ProgressSet } from './types'

/** Reduces a saved session (summary.json, complete or recovered) to what progress needs. */
export function progressSessionOf(file: Pick<SessionSummaryFile, 'id' | 'startedAt' | 'summary'>): ProgressSession {
  return { id: file.id, startedAt: Date.parse(file.startedAt), sets: file.summary.sets.map(progressSetOf) }
}

/** One set part as progress sees it. Skipped parts keep their zero reps: they show as a gap, not as nothing. */
export function progressSetOf(set: SetSummary): ProgressSet {
  const variant = set.variant ?? variantFromReps(set)
  const warnings = set.warnings.reduce((n, w) => n + w.count, 0)
  const repCues = set.reps.reduce((n, r) => n + r.cues.length, 0)
  return {
    exercise: set.exercise,
    set: set.setIndex,
    side: set.side,
    variant,
    bandColour: set.bandColour ?? bandFromVariant(set),
    loaded: variant !== null && (LOADED_VARIANTS as readonly string[]).includes(variant),
    reps: set.repCount,
    repsWithCues: set.reps.filter((r) => r.cues.length > 0).length,
    warnings: Math.max(warnings, repCues),
    longestHoldSeconds: Math.max(0, ...set.holds.map((h) => h.goodFormMs)) / 1000,
    // Cues not carried by a rep were raised while holding (or between reps, which only holds have).
    holdWarnings: set.holds.length > 0 ? Math.max(0, warnings - repCues) : 0
  }
}

/** The band walk registry names its variants by band colour: a set may carry the band only there. */
function bandFromVariant(set: SetSummary): BandColour | null {
  if (set.exercise !== 'band-walk') return null
  return BAND_LADDER.find((colour) => colour === set.variant) ?? null
}

/** Push-ups record "from the knees" on each rep: the set is a knee set when most reps were. */
function variantFromReps(set: SetSummary): string | null {
  if (set.exercise !== 'push-up' || set.reps.length === 0) return null
  const fromKnees = set.reps.filter((r) => r.variant?.fromKnees === true).length
  return fromKnees * 2 > set.reps.length ? PUSH_UP_KNEES : null
}
