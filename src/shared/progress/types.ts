import type { ExerciseId, Side } from '../engine/events'
import type { BandColour } from '../exercises/types'

/**
 * What the progress screen needs from one saved session, reduced from the session record
 * (see fromRecord.ts). Plain data: times are milliseconds since the Unix epoch unless named
 * otherwise, holds are seconds.
 */
export interface ProgressSession {
  id: string
  /** When the session started, ms since the Unix epoch. */
  startedAt: number
  /** Every set part the runner did, in the order done. */
  sets: ProgressSet[]
}

/** One set part (one leg, side or direction of a set) of one exercise. */
export interface ProgressSet {
  exercise: ExerciseId
  /** 1-based set number within the exercise. */
  set: number
  side: Side | null
  /** The exercise variant id as the exercise registry names it (e.g. 'knees'), null for the standard form. */
  variant: string | null
  /** Band walks only: the band the runner chose. */
  bandColour: BandColour | null
  /** Whether the runner held weights (step-ups, lunges, squats). */
  loaded: boolean
  /** Counted reps (steps for band walks). */
  reps: number
  /** Reps that carried at least one form cue. */
  repsWithCues: number
  /** Total form cues raised in the part (on reps and during holds). */
  warnings: number
  /** Longest single hold in the part, seconds of good form (the hold timer only runs while form is good). */
  longestHoldSeconds: number
  /** Form cues raised while holding. */
  holdWarnings: number
}

/** One exercise in one session, as plotted over time. */
export interface ProgressPoint {
  sessionId: string
  /** ms since the Unix epoch. */
  startedAt: number
  /** Reps of each set part, in order done. */
  repsPerSet: number[]
  /** Longest good-form hold in the session, seconds; null when the exercise has no hold or none was made. */
  longestCleanHoldSeconds: number | null
  /** Cues per counted rep (0 = clean); null when no reps were counted. */
  warningsPerRep: number | null
}

/** A next step the routine offers, with the sessions that earned it. */
export interface ProgressionSuggestion {
  exercise: ExerciseId
  /** Stable id of the step, e.g. 'push-up:full'. */
  id: string
  /** One sentence for the runner, e.g. "Try full push-ups: ...". */
  text: string
  /** Why: the prescription met, in the runner's words. */
  evidenceText: string
  /** Ids of the sessions that met it, newest first. */
  evidence: string[]
}
