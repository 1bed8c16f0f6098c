/**
 * The one angle that best shows an exercise's movement, measured per sampled pose frame with the
 * engine's Body (score-aware, pixel space), for the review chart.
 */
import { createBody, joint, type BodyPart } from '../../../shared/engine/body'
import type { ExerciseId, Side } from '../../../shared/engine/events'
import type { PoseFrame } from '../../../shared/pose/types'

export interface MainAngle {
  /** What the chart's y axis says, e.g. "Knee angle". */
  label: string
  /** The three joints: the angle sits at the middle one (180° = straight). */
  joints: readonly [BodyPart, BodyPart, BodyPart]
}

const KNEE: MainAngle = { label: 'Knee angle', joints: ['hip', 'knee', 'ankle'] }
const ELBOW: MainAngle = { label: 'Elbow angle', joints: ['shoulder', 'elbow', 'wrist'] }
const BODY_LINE: MainAngle = { label: 'Body line at the hip', joints: ['shoulder', 'hip', 'ankle'] }
const HIP: MainAngle = { label: 'Hip angle', joints: ['shoulder', 'hip', 'knee'] }

/** Per exercise: the joint the routine's rep or hold turns on (../shared/exercises.md, "Camera"). */
export const MAIN_ANGLE: Record<ExerciseId, MainAngle> = {
  'heel-taps': HIP, // hip flexion cycle of one leg
  plank: BODY_LINE,
  'side-plank': BODY_LINE,
  'cable-row': ELBOW,
  'push-up': ELBOW,
  lunge: KNEE,
  'step-up': KNEE,
  'glute-bridge': HIP, // shoulder–hip–knee straight at the top
  'band-walk': KNEE, // half-squat kept
  squat: KNEE
}

/** A chart-ready series: time in seconds on the pose-frame clock, angle in degrees or null where unseen. */
export interface AngleSeries {
  label: string
  side: Side | null
  t: number[]
  deg: (number | null)[]
}

/** The side the model saw better over the whole set: in a side view, the side nearer the camera. */
export function betterSide(frames: readonly PoseFrame[]): Side | null {
  let left = 0
  let right = 0
  for (const frame of frames) {
    const side = createBody(frame).nearSide()
    if (side === 'left') left++
    else if (side === 'right') right++
  }
  if (left === 0 && right === 0) return null
  return left >= right ? 'left' : 'right'
}

/** The exercise's main angle over `frames`, on `side` (default: the better-seen side). */
export function angleSeries(exercise: ExerciseId, frames: readonly PoseFrame[], side: Side | null = betterSide(frames)): AngleSeries {
  const angle = MAIN_ANGLE[exercise]
  const [a, v, c] = angle.joints
  const deg = frames.map((frame) => (side ? createBody(frame).angle(joint(side, a), joint(side, v), joint(side, c)) : null))
  return { label: angle.label, side, t: frames.map((f) => f.timestampMs / 1000), deg }
}
