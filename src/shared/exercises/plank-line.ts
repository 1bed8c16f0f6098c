/**
 * Body-line geometry shared by the plank family (plank, side plank, push-up): how far the hips bend
 * off the straight shoulder–heel line, and whether the body is lying in a plank at all. Pure
 * functions on pixel points (image x right, y down); the floor is towards the image bottom.
 */
import type { Body } from '../engine/body'
import { bendAsSeenSideOn, proneYawDeg } from '../engine/proneYaw'
import { angleAt, lineDeviation, type Point2 } from '../pose/geometry'

/**
 * The hip bend as a side-on camera would see it: an angled camera (3/4 view of a prone body) shortens
 * the line but not the hips' drop, exaggerating the image bend by ~1/cos(yaw); this undoes that, so one
 * threshold holds from side-on to ~60° off. NaN when two points coincide.
 */
export function sideOnHipBendDeg(body: Body, shoulder: Point2, hip: Point2, end: Point2): number {
  const bend = hipBendDeg(shoulder, hip, end)
  const yaw = proneYawDeg(body)
  return yaw === null || Number.isNaN(bend) ? bend : bendAsSeenSideOn(bend, yaw)
}

/**
 * Bend of the body line at the hips, degrees: 0 = straight; positive = hips below the
 * shoulder–end line (towards the floor: sagging); negative = above it (piked). `end` is the ankle,
 * or the knee for a push-up from the knees. NaN when two points coincide.
 */
export function hipBendDeg(shoulder: Point2, hip: Point2, end: Point2): number {
  const straightness = angleAt(shoulder, hip, end)
  const above = lineDeviation(hip, shoulder, end)
  if (Number.isNaN(straightness) || Number.isNaN(above)) return Number.NaN
  const bend = 180 - straightness
  return above > 0 ? -bend : bend
}

/**
 * Bend beyond which the hips are off the line. A 1.75 m adult's hips sit ~0.5 m from the
 * shoulders and ~0.9 m from the ankles: a 10 cm drop bends the line by ~18°; 20° leaves room for
 * keypoint jitter (~5°) and a low camera's perspective on a line that is straight.
 */
export const HIP_OFF_LINE_DEG = 20
/** The bend must come back under this before the cue clears (hysteresis against jitter at the threshold). */
export const HIP_BACK_ON_LINE_DEG = 14

/**
 * Tilt of the shoulder–end line from image horizontal, degrees in [0, 90]. A plank or push-up lies
 * within ~20° of horizontal (hands on the floor lift the shoulders by an arm length over a body
 * length); a side plank on a straight arm ~30°.
 */
export function lineTiltDeg(shoulder: Point2, end: Point2): number {
  const dx = Math.abs(end.x - shoulder.x)
  const dy = Math.abs(end.y - shoulder.y)
  if (dx === 0 && dy === 0) return Number.NaN
  return (Math.atan2(dy, dx) * 180) / Math.PI
}

/**
 * Steeper than this the runner is kneeling, standing or sitting, not lying in a plank. 45° is past
 * any plank (~20°) or straight-arm side plank (~30°) and below a kneel (torso near vertical).
 */
export const MAX_PLANK_TILT_DEG = 45

/**
 * Knee angle under which the legs are not straight: kneeling, or a push-up from the knees.
 * A plank's knees stay near 180°; 140° = a clear bend, past jitter and a soft knee.
 */
export const STRAIGHT_KNEE_MIN_DEG = 140

/**
 * A forearm within 35° of horizontal lies on the floor (forearm plank); resting on the hands keeps
 * it near vertical. Read from the forearm itself, not the elbow angle, which opens as the elbows
 * slide forward.
 */
export const FOREARM_ON_FLOOR_MAX_DEG = 35

/** Whether the forearm (elbow → wrist, pixels) lies along the floor. */
export function forearmOnFloor(elbow: Point2, wrist: Point2): boolean {
  const dx = Math.abs(wrist.x - elbow.x)
  const dy = Math.abs(wrist.y - elbow.y)
  return (Math.atan2(dy, dx) * 180) / Math.PI < FOREARM_ON_FLOOR_MAX_DEG
}

/**
 * The runner's own straight line, calibrated at the start of each hold: a body whose hips sit a little
 * off the keypoint line when straight (glutes, a low camera's perspective, the model's hip placement)
 * is judged against itself. Drifting this far from it is a fault even under the absolute limit:
 * ~8° of bend is the hips moving ~4–5 cm off the runner's own line (hip ~0.36 of the shoulder–ankle
 * length, 1.3 m for an adult), clearly visible and well above the ~2–3° frame-to-frame jitter of
 * smoothed keypoints.
 */
export const OWN_LINE_MARGIN_DEG = 8
/** The drift must come back within this of the runner's own line before the cue clears. */
export const OWN_LINE_BACK_DEG = 4
/** The runner's own line is the median bend over the first second of the hold (settled, not a single frame). */
export const LINE_CALIBRATION_MS = 1000

/** State across frames: the runner's own line for the hold in progress (median bend of its first second). */
export class OwnLine {
  private samples: number[] = []
  private sinceMs: number | null = null
  private reference: number | null = null

  /** Feeds a bend (degrees, + = sagging) seen in a hold; returns the calibrated reference, or null until settled. */
  update(tMs: number, bend: number): number | null {
    if (this.reference !== null) return this.reference
    this.sinceMs ??= tMs
    this.samples.push(bend)
    if (tMs - this.sinceMs < LINE_CALIBRATION_MS) return null
    const sorted = [...this.samples].sort((a, b) => a - b)
    this.reference = sorted[Math.floor(sorted.length / 2)]
    return this.reference
  }

  reset(): void {
    this.samples = []
    this.sinceMs = null
    this.reference = null
  }
}

/**
 * Line faults for a bend (degrees, + = hips towards the floor): past the absolute limit, or drifted past
 * OWN_LINE_MARGIN_DEG from the runner's own line; each with hysteresis (`active*` = the cue is raised now).
 */
export function lineFaults(
  bend: number,
  reference: number | null,
  activeSag: boolean,
  activePike: boolean
): { sagging: boolean; piking: boolean } {
  const drift = reference === null ? 0 : bend - reference
  const sagging = bend > (activeSag ? HIP_BACK_ON_LINE_DEG : HIP_OFF_LINE_DEG) || drift > (activeSag ? OWN_LINE_BACK_DEG : OWN_LINE_MARGIN_DEG)
  const piking = -bend > (activePike ? HIP_BACK_ON_LINE_DEG : HIP_OFF_LINE_DEG) || -drift > (activePike ? OWN_LINE_BACK_DEG : OWN_LINE_MARGIN_DEG)
  return { sagging, piking }
}
