import type { KeypointName } from '../pose/types'

/** Exercise ids, as in ../shared/exercises.md. */
export const EXERCISE_IDS = [
  'heel-taps', 'plank', 'side-plank', 'cable-row', 'push-up',
  'lunge', 'step-up', 'glute-bridge', 'band-walk', 'squat'
] as const
export type ExerciseId = (typeof EXERCISE_IDS)[number]

export type Side = 'left' | 'right'
export type CameraView = 'side' | 'front'

/** How the camera sits about its viewing axis (see the 'camera' event). */
export type CameraRollState = 'level' | 'tilted' | 'sideways' | 'upside-down'

/** The body's position, from the torso and legs: what the routine's exercises start from. */
export type BodyPosture = 'standing' | 'prone' | 'supine' | 'side-lying' | 'kneeling' | 'unknown'

/**
 * Why nothing (or a cue) cannot be judged, most basic first:
 * - 'no-person': nobody found in the picture
 * - 'too-dark': the picture is too dark for the model (mean luminance measured on the frame)
 * - 'sideways': the picture is on its side (camera rolled ~90°)
 * - 'upside-down': the picture is upside down (camera rolled ~180°)
 * - 'camera-above': the camera looks down on a floor exercise from above (overhead.ts): nothing can be counted
 * - 'out-of-frame': required joints lie outside the picture (`missing` names them)
 * - 'joints-hidden': required joints are in the picture but not seen (covered, or turned away)
 * - 'too-far': the runner is too small in the picture to judge
 * - 'wrong-view': this camera view cannot show the exercise
 */
export const NOT_JUDGED_REASONS = ['no-person', 'too-dark', 'sideways', 'upside-down', 'camera-above', 'out-of-frame', 'joints-hidden', 'too-far', 'wrong-view'] as const
export type NotJudgedReason = (typeof NOT_JUDGED_REASONS)[number]

export interface RepTempo {
  downMs: number
  upMs: number
}

/** A rep's duration and tempo from its start, bottom and end times (ms), rounded to whole ms. */
export function repTiming(startMs: number, bottomMs: number, endMs: number): { durationMs: number; tempo: RepTempo } {
  const durationMs = Math.round(endMs - startMs)
  const downMs = Math.round(bottomMs - startMs)
  // The rise is what is left, so the two phases always add up to the rep (rounding each could miss by 1 ms).
  return { durationMs, tempo: { downMs, upMs: durationMs - downMs } }
}

/**
 * What the form engine tells the rest of the app. Times are milliseconds on the PoseFrame clock
 * (PoseFrame.timestampMs); angles in degrees.
 */
export type EngineEvent =
  | { type: 'view'; t: number; view: CameraView | 'unknown'; facing: 'left' | 'right' | 'camera' | 'away' | 'unknown' }
  /**
   * Whether the engine is judging at all, and if not, why (reason + the required joints not seen).
   * Raised when the state settles; `notJudgedMessage` (engine/judging.ts) gives the runner's sentence.
   * `reason` is absent when ok, and on journals written before reasons existed.
   */
  | { type: 'visibility'; t: number; ok: boolean; missing: KeypointName[]; reason?: NotJudgedReason }
  /**
   * A cue the current camera view cannot show (e.g. knees past toes from the front): the engine says it
   * is not judging it instead of staying silent. Raised when the view settles, `judged: true` when it can again.
   */
  | { type: 'cue-scope'; t: number; id: string; judged: boolean; view: CameraView | 'unknown' }
  /**
   * The camera's roll (tilt about its viewing axis), degrees, positive = image turned clockwise, estimated from
   * the body's own vertical. 'level' is corrected for in image-axis rules; 'tilted' asks to level the laptop;
   * 'sideways' = the picture is on its side (roll near ±90°); 'upside-down' = turned over (roll near 180°).
   */
  | { type: 'camera'; t: number; rollDeg: number; state: CameraRollState }
  /**
   * Which routine exercise the movement looks like (null = none of the ten), beside the planned one.
   * Raised when the recognition settles and differs from what was last said.
   */
  | { type: 'exercise'; t: number; recognised: ExerciseId | null; planned: ExerciseId; posture: BodyPosture }
  | {
      type: 'rep'
      t: number
      exercise: ExerciseId
      side: Side | null
      startMs: number
      bottomMs: number
      endMs: number
      /** The exercise's main range-of-motion measure at the bottom of the rep (e.g. knee angle), degrees. */
      depthDeg: number | null
      /** Range of motion over the rep, degrees of the main angle. */
      rangeDeg: number | null
      durationMs: number
      /** How the rep was paced: start → bottom (lowering, or the working phase) and bottom → end, ms. */
      tempo: RepTempo
      cues: string[]
      /** Exercise-specific facts, e.g. { fromKnees: true } for push-ups. */
      variant?: Record<string, string | number | boolean>
    }
  | { type: 'hold'; t: number; phase: 'started' | 'paused' | 'resumed' | 'ended'; side: Side | null; goodFormMs: number; reason?: string }
  | { type: 'cue'; t: number; phase: 'raised' | 'cleared'; id: string }
