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
