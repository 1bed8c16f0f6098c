/**
 * Where the body is during a push-up set: lying in the push-up line (on the toes or the knees), or
 * up (kneeling up, standing, walking off: 'upright') so nothing the arms do may count as a rep.
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

/**
 * In a push-up the hands are on the floor: no knee or ankle lies far below them. Standing or kneeling
 * up puts the knees 0.5+ arm lengths below the wrists; 0.3 arm lengths allows for a camera tilt.
 */
export const LEGS_BELOW_HANDS_MAX_ARMS = 0.3

/** Whether a seen knee (or ankle) lies well below the seen wrists: the runner is up, not in a push-up. */
function legsBelowHands(body: Body): boolean {
  for (const side of ['left', 'right'] as const) {
    const shoulder = body.point(joint(side, 'shoulder'))
    const wrist = body.point(joint(side, 'wrist'))
    const leg = body.point(joint(side, 'knee')) ?? body.point(joint(side, 'ankle'))
    if (!shoulder || !wrist || !leg) continue
    const arm = Math.hypot(wrist.x - shoulder.x, wrist.y - shoulder.y)
    if (arm > 0 && leg.y - wrist.y > LEGS_BELOW_HANDS_MAX_ARMS * arm) return true
  }
  return false
}

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
  if (legsBelowHands(body)) return 'upright'
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
