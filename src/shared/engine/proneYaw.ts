/**
 * How far the camera is turned away from a PRONE body's side (push-up, plank), from the shoulders.
 *
 * Standing, a turn of the camera by θ spreads the shoulders across the image (width ∝ sin θ) while the
 * vertical torso keeps its length. Lying face down with a level camera, the same turn spreads the
 * shoulders ALONG the body's own image line and shortens the torso (∝ cos θ), so the shoulder/torso
 * ratio grows like tan θ: a 3/4 view of a push-up reads as wide as a front view of a standing runner.
 */
import { distance, leanFromVertical, midpoint, type Point2 } from '../pose/geometry'
import type { Body } from './body'

/** Shoulder joints ~0.34 m apart over a ~0.5 m shoulder-to-hip torso (adult): width/torso seen square-on. */
export const SHOULDER_WIDTH_TO_TORSO = 0.67
/**
 * A torso leaning further than this from image vertical lies along the floor: a push-up torso (shoulders
 * raised on straight arms) leans 55–80°, and more at the bottom; a standing one, even in a deep squat, ~45° at most.
 */
export const LYING_TORSO_MIN_LEAN_DEG = 50

/**
 * Camera yaw from the body's side in degrees (0 = true side view, 90 = head-on), for a prone body whose
 * shoulder offset lies mostly along its torso line in the image; null when the body is not lying that
 * way (standing, side-lying with the shoulders stacked across the line, or joints unseen).
 */
export function proneYawDeg(body: Body): number | null {
  const ls = body.point('left_shoulder')
  const rs = body.point('right_shoulder')
  const lh = body.point('left_hip')
  const rh = body.point('right_hip')
  if (!ls || !rs || !(lh || rh)) return null
  const hipMid: Point2 = lh && rh ? midpoint(lh, rh) : (lh ?? rh)!
  // Lying along the image line: neither up nor down the image (a head-on floor camera sees the torso vertical).
  const lean = leanFromVertical(hipMid, midpoint(ls, rs))
  const spread = shoulderSpread(ls, rs, hipMid)
  if (!spread || lean < LYING_TORSO_MIN_LEAN_DEG || lean > 180 - LYING_TORSO_MIN_LEAN_DEG) return null
  // Shoulders stacked across the body line: lying on the side (side plank) or a raised camera, not a yaw.
  if (spread.across > spread.along) return null
  return (Math.atan(spread.along / spread.torso / SHOULDER_WIDTH_TO_TORSO) * 180) / Math.PI
}

/**
 * The shoulders' offset from each other split along and across the torso's image line (hip centre →
 * shoulder centre), with the torso's length; px. Null when the torso has no length. Along = the prone
 * body's yaw (proneYawDeg); across = shoulders stacked, a body lying on its side (rollSources.ts).
 */
export function shoulderSpread(left: Point2, right: Point2, hip: Point2): { torso: number; along: number; across: number } | null {
  const shoulder = midpoint(left, right)
  const torso = distance(shoulder, hip)
  if (torso === 0) return null
  const ux = (shoulder.x - hip.x) / torso
  const uy = (shoulder.y - hip.y) / torso
  const along = Math.abs((left.x - right.x) * ux + (left.y - right.y) * uy)
  const across = Math.abs((left.x - right.x) * uy - (left.y - right.y) * ux)
  return { torso, along, across }
}

/**
 * A bend in the body line seen at `yawDeg`: horizontal lengths shrink by cos(yaw) while vertical
 * offsets do not, so the image exaggerates it. Returns the bend as a side view would see it, degrees.
 */
export function bendAsSeenSideOn(imageBendDeg: number, yawDeg: number): number {
  const rad = (d: number): number => (d * Math.PI) / 180
  return (Math.atan(Math.tan(rad(imageBendDeg)) * Math.cos(rad(yawDeg))) * 180) / Math.PI
}
