/**
 * The one measure that best shows an exercise's movement, read per sampled pose frame through the
 * engine's Body (score-aware, pixel space), for the review chart. Where the exercise module exports
 * the signal its rep counter runs on, the chart uses that same signal, so the curve, the rep bands
 * and the table's depth column all speak of one number.
 */
import { createBody, joint, type Body, type BodyPart } from '../../../shared/engine/body'
import type { ExerciseId, Side } from '../../../shared/engine/events'
import { rowSignal } from '../../../shared/exercises/cable-row'
import { bridgeSignal } from '../../../shared/exercises/glute-bridge'
import { hipAngle } from '../../../shared/exercises/heel-taps'
import { pushUpSignal } from '../../../shared/exercises/push-up'
import { squatSignal } from '../../../shared/exercises/squat'
import type { PoseFrame } from '../../../shared/pose/types'

export interface MainAngle {
  /** What the chart's y axis and the depth column say, e.g. "Thigh above horizontal". */
  label: string
  /** One line on how to read it. */
  hint: string
  /** Whether it is read on one side (then the chart names the side); engine signals pick their own leg or arm. */
  sided: boolean
  /** Whether it is the signal the exercise's rep counter runs on, so the reps' depth is in the same units. */
  isRepSignal: boolean
  /** Degrees on this frame, or null when the joints it needs are not seen. */
  read(body: Body, side: Side | null): number | null
}

/** The angle at the middle joint of three on one side (180° = straight). */
function jointAngle(label: string, hint: string, [a, v, c]: readonly [BodyPart, BodyPart, BodyPart]): MainAngle {
  return { label, hint, sided: true, isRepSignal: false, read: (body, side) => (side ? body.angle(joint(side, a), joint(side, v), joint(side, c)) : null) }
}

const THIGH_HINT = '90° = thigh vertical (standing), 0° = thigh parallel to the floor'
const ELBOW_HINT = '180° = arm straight, 90° = elbow at a right angle'

/**
 * Per exercise: what its rep or hold turns on (../shared/exercises.md, "Camera"). The rep signal
 * where the module exports a stateless one; otherwise the plain joint angle of the movement.
 */
export const MAIN_ANGLE: Record<ExerciseId, MainAngle> = {
  'heel-taps': { label: 'Hip angle', hint: 'shoulder–hip–knee; smaller = knee nearer the chest', sided: true, isRepSignal: true, read: (body, side) => (side ? hipAngle(body, side) : null) },
  plank: jointAngle('Body line at the hip', '180° = straight shoulder–hip–ankle line', ['shoulder', 'hip', 'ankle']),
  'side-plank': jointAngle('Body line at the hip', '180° = straight shoulder–hip–ankle line', ['shoulder', 'hip', 'ankle']),
  'cable-row': { label: 'Elbow angle', hint: ELBOW_HINT, sided: false, isRepSignal: true, read: (body) => rowSignal(body)?.deg ?? null },
  'push-up': { label: 'Elbow angle', hint: ELBOW_HINT, sided: false, isRepSignal: true, read: (body) => pushUpSignal(body)?.deg ?? null },
  lunge: jointAngle('Knee angle', '180° = leg straight, 90° = the routine\'s depth', ['hip', 'knee', 'ankle']),
  'step-up': jointAngle('Knee angle', '180° = leg straight', ['hip', 'knee', 'ankle']),
  'glute-bridge': { label: 'Hip angle', hint: 'shoulder–hip–knee; 180° = hips fully up', sided: false, isRepSignal: true, read: (body) => bridgeSignal(body)?.deg ?? null },
  'band-walk': jointAngle('Knee angle', '180° = leg straight; the half squat keeps it bent', ['hip', 'knee', 'ankle']),
  squat: { label: 'Thigh above horizontal', hint: THIGH_HINT, sided: false, isRepSignal: true, read: (body) => squatSignal(body)?.deg ?? null }
}

/** A chart-ready series: time in seconds on the pose-frame clock, degrees or null where unseen. */
export interface AngleSeries {
  label: string
  hint: string
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

/** The exercise's main measure over `frames`, on `side` (default: the better-seen side) where it is one-sided. */
export function angleSeries(exercise: ExerciseId, frames: readonly PoseFrame[], side: Side | null = betterSide(frames)): AngleSeries {
  const measure = MAIN_ANGLE[exercise]
  const deg = frames.map((frame) => {
    const value = measure.read(createBody(frame), side)
    return value !== null && Number.isFinite(value) ? value : null
  })
  return { label: measure.label, hint: measure.hint, side: measure.sided ? side : null, t: frames.map((f) => f.timestampMs / 1000), deg }
}
