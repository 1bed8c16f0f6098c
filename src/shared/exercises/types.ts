import type { KeypointName } from '../pose/types'
import type { CameraView, EngineEvent, ExerciseId } from '../engine/events'
import type { Body } from '../engine/body'

/** What the routine prescribes for one exercise (../shared/exercises.md). */
export interface Prescription {
  sets: number
  /** Reps per set; per leg/side when `perSide`. */
  reps?: number
  /** Target hold per set in seconds; per side when `perSide`. */
  holdSeconds?: number
  perSide: boolean
  /** Default rest between sets, seconds. */
  restSeconds: number
  /** The prescription as the routine words it, e.g. "Hold 30–60 s, once or twice". */
  text: string
}

export interface ExerciseVariant {
  id: string
  label: string
}

/** Resistance bands, easiest first (exercises.md §9): the routine moves to the next colour when one is easy. */
export const BAND_COLOURS = ['yellow', 'green', 'blue', 'black'] as const
export type BandColour = (typeof BAND_COLOURS)[number]

/** Choices the runner makes before a set; each tracker reads what applies to it. */
export interface ExerciseOptions {
  variant?: string
  bandColour?: BandColour
}

/** Per-exercise state across frames: one smoothed, visibility-checked Body in, events out. */
export interface ExerciseTracker {
  update(body: Body): EngineEvent[]
  /** Close any open hold or rep at the end of a set or video (time in ms on the frame clock). */
  finish(tMs: number): EngineEvent[]
  reset(): void
}

/** One routine exercise: what the UI shows, what the placement check needs, and how it is judged. */
export interface ExerciseDefinition {
  id: ExerciseId
  name: string
  group: 'core' | 'upper' | 'lower'
  /** The camera view the placement check asks for. */
  view: CameraView
  /** Whether a set is counted in reps, timed as a hold, or either (glute bridge: hold then thrusters). */
  measure: 'reps' | 'hold' | 'reps-and-hold'
  prescription: Prescription
  variants: ExerciseVariant[]
  /** Joints that must be seen (on at least the side facing the camera) before anything is judged. */
  requiredJoints: KeypointName[]
  /** Ids from the one cue vocabulary (engine/cues.ts) that this exercise can raise. */
  cueIds: string[]
  /**
   * What a floor exercise can still be judged on when the camera looks down from above (engine/overhead.ts),
   * where nothing is counted: the cue ids, and per frame which of them are at fault (null when the frame
   * cannot show them). Absent: nothing is judged from above.
   */
  fromAbove?: { cueIds: string[]; faults(body: Body): string[] | null }
  /**
   * True when every form rule measures the body against itself (joint angles, the line through its own
   * floor contacts) and none against the image's axes: form stays judged when the camera is rolled past
   * what the engine undoes (engine/levelling.ts, MAX_CORRECTED_ROLL_DEG). Absent: form is held back there.
   */
  rollInvariantForm?: boolean
  createTracker(options?: ExerciseOptions): ExerciseTracker
}
