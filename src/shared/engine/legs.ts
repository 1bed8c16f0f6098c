/**
 * Lower-body measures that hold up in side, front and angled views. Image-plane knee angles collapse
 * towards 180° when the thigh points at the camera, but the thigh's VERTICAL drop does not depend on
 * which way the runner faces, so depth is read from how far the thigh has turned towards horizontal.
 */
import { leanFromVertical, type Point2 } from '../pose/geometry'
import { joint, type Body } from './body'
import type { Side } from './events'

/**
 * Knee keypoint (the joint centre) ahead of the toe keypoint by more than a quarter shin (~11 cm of a
 * ~43 cm shin): the kneecap is then well in front of the toes, as a coach would call it, while a knee
 * "about over the toes" (~0-0.2 shin) and side-view keypoint wander (~0.1 shin) stay under the line.
 */
export const KNEE_PAST_TOES_SHIN_FRACTION = 0.25

/** Pixel points of one leg, or null unless hip, knee and ankle are all seen. */
export interface LegPoints {
  side: Side
  hip: Point2
  knee: Point2
  ankle: Point2
  /** Toe (foot_index) and heel when seen (BlazePose only). */
  toe: Point2 | null
  heel: Point2 | null
  /** Shin length in the image, pixels. */
  shinPx: number
}

export function legPoints(body: Body, side: Side): LegPoints | null {
  const hip = body.point(joint(side, 'hip'))
  const knee = body.point(joint(side, 'knee'))
  const ankle = body.point(joint(side, 'ankle'))
  if (!hip || !knee || !ankle) return null
  const shinPx = Math.hypot(knee.x - ankle.x, knee.y - ankle.y)
  if (shinPx === 0) return null
  return { side, hip, knee, ankle, toe: body.point(joint(side, 'foot_index')), heel: body.point(joint(side, 'heel')), shinPx }
}

/**
 * Thigh angle above horizontal, degrees: 90 = thigh vertical (standing), 0 = thigh parallel to the
 * floor, negative = knee above the hip. The thigh's true length is taken as the longer of its image length
 * and the shin's (thigh ≈ shin in adults; the shin stays near the image plane in a front view).
 */
export function thighFromHorizontal(leg: LegPoints): number {
  const dx = leg.knee.x - leg.hip.x
  const dy = leg.knee.y - leg.hip.y
  const length = Math.max(Math.hypot(dx, dy), leg.shinPx)
  return (Math.asin(Math.max(-1, Math.min(1, dy / length))) * 180) / Math.PI
}

/** How far the ankle is above the other leg's ankle, in shin lengths (0 = both on the same floor level). */
export function footLift(leg: LegPoints, other: LegPoints): number {
  return (other.ankle.y - leg.ankle.y) / leg.shinPx
}

/** Both legs, each null when not fully seen. */
export function bothLegs(body: Body): { left: LegPoints | null; right: LegPoints | null } {
  return { left: legPoints(body, 'left'), right: legPoints(body, 'right') }
}

/** +1 when the runner faces image right, -1 for image left, from the settled side view (null otherwise). */
export function facingSign(body: Body): 1 | -1 | null {
  if (body.view.view !== 'side') return null
  if (body.view.facing === 'right') return 1
  if (body.view.facing === 'left') return -1
  return null
}

/**
 * A foot planted through a rep (the lunge's front foot, both feet of a squat) does not move, so its toes are
 * the foremost seen since the rep began: a frame where the model pulls a toe keypoint back towards the ankle
 * (a foot hidden behind the shin at the bottom, a dim or noisy picture) or draws the front leg on the rear
 * one cannot move them. Tracks that position in facing-direction pixels (x times the facing sign), both
 * feet's toes clear of the picture's edge. `repStartMs` is the rep in progress (null outside a rep): feet may
 * step between reps, so a new rep, or a change of facing direction, starts afresh. Returns null until a toe
 * is seen in the rep, and without a side view.
 */
export function createPlantedToeTracker(): (body: Body, repStartMs: number | null) => number | null {
  let foremost: number | null = null
  let lastSign: 1 | -1 | null = null
  let lastRep: number | null = null
  return (body, repStartMs) => {
    const sign = facingSign(body)
    if (repStartMs === null || repStartMs !== lastRep || sign !== lastSign) foremost = null
    lastSign = sign
    lastRep = repStartMs
    if (sign === null || repStartMs === null) return null
    const { left, right } = bothLegs(body)
    // Only toes clear of the picture's edge: a toe on the border may be piled up there from outside.
    for (const leg of [left, right]) {
      if (leg?.toe && body.clearOfEdge(joint(leg.side, 'foot_index'))) foremost = Math.max(foremost ?? -Infinity, leg.toe.x * sign)
    }
    return foremost
  }
}

/** Upright enough for a standing exercise: a deep squat leans the torso ~45° forward; lying or a plank is ~90°. */
export const MAX_STANDING_TORSO_LEAN_DEG = 60

/**
 * Whether the torso is upright enough to be standing (null when no shoulder–hip pair is seen): leaning no
 * more than MAX_STANDING_TORSO_LEAN_DEG from image-vertical, plus `rollMarginDeg` while the camera's roll is
 * not known (levelling.ts: unknownRollMarginDeg).
 */
export function torsoUpright(body: Body, rollMarginDeg = 0): boolean | null {
  const side = body.nearSide()
  const shoulder = body.mid('shoulder') ?? (side ? body.point(joint(side, 'shoulder')) : null)
  const hip = body.mid('hip') ?? (side ? body.point(joint(side, 'hip')) : null)
  if (!shoulder || !hip) return null
  return leanFromVertical(hip, shoulder) <= MAX_STANDING_TORSO_LEAN_DEG + rollMarginDeg
}
