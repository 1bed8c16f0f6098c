import type { KeypointName } from '../pose/types'

/** Exercise ids, as in ../shared/exercises.md. */
export const EXERCISE_IDS = [
  'heel-taps', 'plank', 'side-plank', 'cable-row', 'push-up',
  'lunge', 'step-up', 'glute-bridge', 'band-walk', 'squat'
] as const
export type ExerciseId = (typeof EXERCISE_IDS)[number]

export type Side = 'left' | 'right'
export type CameraView = 'side' | 'front'

export interface RepTempo {
  downMs: number
  upMs: number
}

/** A rep's duration and tempo from its start, bottom and end times (ms), rounded to whole ms. */
export function repTiming(startMs: number, bottomMs: number, endMs: number): { durationMs: number; tempo: RepTempo } {
  return {
    durationMs: Math.round(endMs - startMs),
    tempo: { downMs: Math.round(bottomMs - startMs), upMs: Math.round(endMs - bottomMs) }
  }
}

/**
 * What the form engine tells the rest of the app. Times are milliseconds on the PoseFrame clock
 * (PoseFrame.timestampMs); angles in degrees.
 */
export type EngineEvent =
  | { type: 'view'; t: number; view: CameraView | 'unknown'; facing: 'left' | 'right' | 'camera' | 'away' | 'unknown' }
  | { type: 'visibility'; t: number; ok: boolean; missing: KeypointName[] }
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
