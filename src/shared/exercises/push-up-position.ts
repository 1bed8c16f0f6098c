/**
 * Where the body is during a push-up set: lying in the push-up line (on the toes or the knees), or
 * upright (kneeling up, standing, walking off) so nothing the arms do may count as a rep.
 */
import { joint, type Body } from '../engine/body'
import type { Side } from '../engine/events'
import type { Point2 } from '../pose/geometry'
import { STRAIGHT_KNEE_MIN_DEG } from './plank-line'

/** The body line of a push-up, pixels: shoulder, hip and its far end (ankle, or knee from the knees). */
export interface PushUpLine {
  side: Side
  shoulder: Point2
  hip: Point2
  end: Point2
  fromKnees: boolean
}

/**
 * Torso steeper than this from horizontal, hips below the shoulders, is upright: kneeling up or
 * standing. A push-up torso lies within ~30° of horizontal (hands on the floor, feet or knees down).
 */
export const UPRIGHT_TORSO_MIN_DEG = 50

/** The side with shoulder and hip seen, preferring the one nearer the camera. */
function torsoSide(body: Body): Side | null {
  const near = body.nearSide() ?? 'left'
  for (const side of [near, near === 'left' ? 'right' : 'left'] as const) {
    if (body.point(joint(side, 'shoulder')) && body.point(joint(side, 'hip'))) return side
  }
  return null
}

/**
 * 'upright' when the torso stands up; the push-up line when shoulder, hip and knee or ankle are seen;
 * null when it cannot be told (head-on camera with the legs hidden: the arms alone are judged then).
 */
export function pushUpPosition(body: Body): PushUpLine | 'upright' | null {
  const side = torsoSide(body)
  if (!side) return null
  const shoulder = body.point(joint(side, 'shoulder'))!
  const hip = body.point(joint(side, 'hip'))!
  const drop = hip.y - shoulder.y
  const run = Math.abs(hip.x - shoulder.x)
  // Head-on, a floor camera sees the hips straight below the shoulders in a push-up too (the body
  // slopes away from it), so the torso angle tells nothing there: only the arms are judged.
  const steep = (Math.atan2(drop, run) * 180) / Math.PI > UPRIGHT_TORSO_MIN_DEG
  if (body.view.view !== 'front' && drop > 0 && steep) return 'upright'
  const knee = body.point(joint(side, 'knee'))
  const ankle = body.point(joint(side, 'ankle'))
  if (!knee) return null
  const kneeDeg = body.angle(joint(side, 'hip'), joint(side, 'knee'), joint(side, 'ankle'))
  const fromKnees = kneeDeg !== null && kneeDeg < STRAIGHT_KNEE_MIN_DEG
  if (fromKnees || !ankle) return { side, shoulder, hip, end: knee, fromKnees }
  return { side, shoulder, hip, end: ankle, fromKnees: false }
}
