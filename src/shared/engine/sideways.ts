/**
 * A picture on its side (camera rolled near ±90°) or turned further (upside down), and the one-frame roll evidence that combines it with the
 * level-picture sources of rollSources.ts.
 *
 * In 2D a straight body lying across the image is either a runner lying on the floor in a level picture or
 * a runner standing in a picture on its side; a plank is, joint for joint, a standing body turned a quarter.
 * Only what surrounds the body tells them apart, so the evidence is weighed with the plan:
 * - a standing exercise planned, a straight body across the image that no arm props up on the image-down
 *   side is a standing runner on their side (and so, whatever the plan, is one lying across a portrait
 *   picture's short side: people on the floor are filmed along the long side);
 * - a floor exercise planned, a straight body upright (or head-down) in the image with both arms reaching out
 *   to one side of it is a plank or push-up on its side: the floor lies where the arms reach. Upright with
 *   the arms along the body it is the runner standing up between sets, and reads as a standing body.
 */
import { distance, wrapDeg, type Point2 } from '../pose/geometry'
import { BLAZEPOSE_KEYPOINTS, type PoseFrame } from '../pose/types'
import { createBody, type Body } from './body'
import { derollFrame } from './levelFrame'
import {
  bodyAxisDeg, centre, floorLineRoll, handsLineRoll, singleLegStanceRoll, standingAxisRoll, UPRIGHT_AXIS_MAX_DEG, type PostureFamily
} from './rollSources'

/** A body axis within this of image horizontal (or vertical) counts as lying across (or up) the image. */
export const AXIS_TOLERANCE_DEG = 30
/**
 * Arms reaching out to one side: every seen elbow and wrist on the same side of the ankle–shoulder line, one
 * at least about a forearm (~0.5 torso) off it. A hanging arm stays within ~0.3 torso of the line (side
 * view), and seen from the front the two arms hang on opposite sides of it.
 */
export const ARM_REACH_MIN_TORSOS = 0.5

/** Signed offsets of the seen elbows and wrists from the ankle–shoulder line, in torso lengths, with that line's direction. */
function armOffsets(body: Body): { offsets: number[]; ux: number; uy: number } | null {
  const ankle = centre(body, 'ankle')
  const shoulder = centre(body, 'shoulder')
  const hip = centre(body, 'hip')
  if (!ankle || !shoulder || !hip) return null
  const len = distance(ankle, shoulder)
  const torso = distance(hip, shoulder)
  if (len === 0 || torso === 0) return null
  const ux = (shoulder.x - ankle.x) / len
  const uy = (shoulder.y - ankle.y) / len
  // Signed offsets along the axis's right-hand normal (n = (-uy, ux) in image coordinates).
  const offsets = (['left_elbow', 'right_elbow', 'left_wrist', 'right_wrist'] as const)
    .map((name) => body.point(name))
    .filter((p): p is Point2 => p !== null)
    .map((p) => ((p.x - shoulder.x) * -uy + (p.y - shoulder.y) * ux) / torso)
  return offsets.length === 0 ? null : { offsets, ux, uy }
}

/** Unit direction, perpendicular to the body axis, in which both arms reach out; null when they do not. */
export function armsReach(body: Body): Point2 | null {
  const arms = armOffsets(body)
  if (!arms) return null
  const { offsets, ux, uy } = arms
  const sameSide = offsets.every((o) => o > 0) || offsets.every((o) => o < 0)
  const reach = Math.max(...offsets.map(Math.abs))
  if (!sameSide || reach < ARM_REACH_MIN_TORSOS) return null
  const sign = offsets[0] > 0 ? 1 : -1
  return { x: -uy * sign, y: ux * sign }
}

/** Both arms seen along the body (hanging, or overhead), none reaching out from it. */
export function armsAlongBody(body: Body): boolean {
  const arms = armOffsets(body)
  return arms !== null && arms.offsets.every((o) => Math.abs(o) < ARM_REACH_MIN_TORSOS)
}

/** An elbow or wrist at least ARM_REACH_MIN_TORSOS below the shoulders: an arm propping the body up from the floor below it. */
function proppedFromBelow(body: Body): boolean {
  const shoulder = centre(body, 'shoulder')
  const hip = centre(body, 'hip')
  if (!shoulder || !hip) return false
  const reach = ARM_REACH_MIN_TORSOS * distance(hip, shoulder)
  return (['left_elbow', 'right_elbow', 'left_wrist', 'right_wrist'] as const).some((name) => {
    const p = body.point(name)
    return p !== null && p.y - shoulder.y >= reach
  })
}

/** The body as a camera turned by `deg` (clockwise positive) would have seen it: levels a quarter-turned picture. */
function turned(body: Body, deg: number, keepView = false): Body {
  const frame: PoseFrame = {
    timestampMs: body.tMs,
    imageWidth: body.imageWidth,
    imageHeight: body.imageHeight,
    keypoints: BLAZEPOSE_KEYPOINTS.map((name) => {
      const p = body.point(name)
      return { name, x: p ? p.x / body.imageWidth : 0, y: p ? p.y / body.imageHeight : 0, score: p ? body.score(name) : 0 }
    })
  }
  // Its points were already judged in the camera's picture; turned, they may leave it without being unseen.
  // A side view stays a side view whichever way the picture is turned (the view is read off the camera's frame).
  return createBody(derollFrame(frame, deg), { inFrameCheck: false, ...(keepView ? { view: body.view } : {}) })
}

/** Degrees clockwise from image-up of a direction. */
function bearing(v: Point2): number {
  return (Math.atan2(v.x, -v.y) * 180) / Math.PI
}

/**
 * Roll from a standing runner in a picture turned past the upright range (UPRIGHT_AXIS_MAX_DEG of
 * rollSources.ts), or null. The straight body's axis is the world's vertical, whichever way it points:
 * - on its side (the axis within AXIS_TOLERANCE_DEG of ±90°): see the header; no arm props the body up
 *   from the image-down side, and a standing exercise is planned or the picture is portrait;
 * - anywhere else past the upright range (40–60°, towards upside down past 120°): a standing exercise
 *   planned and both arms seen along the body (hanging, or overhead), as a standing runner's are. A body
 *   propped on its arms (a plank or push-up in a turned or level picture, an incline push-up, a runner getting
 *   down to the floor) has them reaching out from it, and in a picture turned other than a quarter "below the
 *   shoulders" no longer tells the two apart. A push-up's bottom keeps its arms close to the body, though: a
 *   floor exercise done under a standing plan in a picture turned 40° or more still reads as a standing
 *   runner turned (measured: a side push-up turned −45°), as on its side; only the plan tells them apart.
 * Without this a picture turned 40–60° or upside down gave no evidence at all: nothing was said while every
 * rule read the turned picture's axes (measured: a side squat turned 45° counted nothing and raised
 * "knees past toes"; turned 180° it was read as "head out of the picture").
 */
export function standingTurnedRoll(body: Body, expect: PostureFamily): number | null {
  if (expect === 'floor') return null
  const axis = bodyAxisDeg(body)
  if (axis === null || Math.abs(axis) <= UPRIGHT_AXIS_MAX_DEG) return null
  const size = Math.abs(axis)
  if (Math.abs(size - 90) <= AXIS_TOLERANCE_DEG) {
    if (proppedFromBelow(body)) return null
    return expect === 'standing' || body.imageWidth < body.imageHeight ? axis : null
  }
  return expect === 'standing' && armsAlongBody(body) ? axis : null
}

/**
 * Roll from a plank or push-up in a turned picture (on its side, see the header, or upside down), or null:
 * the arms reach to the floor, so up is opposite where they reach, to the nearest quarter turn; levelled by
 * that turn, the floor line (or the hands' line) gives the rest. Arms reaching image-down is a level picture
 * (null: the floor line reads it). Arms reaching image-up from a straight body lying across the picture is
 * the floor above it: upside down (no routine floor position holds straight legs with both arms raised to
 * one side; the dead bug's are raised with its knees bent). The arms must reach within AXIS_TOLERANCE_DEG of
 * that quarter: between quarters the picture may be only tilted. Before, only an upright or head-down body was
 * read, so a plank or push-up filmed upside down gave no evidence and nothing was said.
 */
export function floorSidewaysRoll(body: Body, expect: PostureFamily): number | null {
  if (expect !== 'floor') return null
  const arms = bodyAxisDeg(body) !== null ? armsReach(body) : null
  if (!arms) return null
  const up = bearing({ x: -arms.x, y: -arms.y })
  const quarter = Math.round(up / 90) * 90
  // Only a clear quarter: a push-up's line rises ~20–30° to the shoulders, so on a laptop rolled 20° its arms
  // reach ~45° off image-down, half-way to a quarter turn (measured: rounded, it read as on its side).
  if (quarter === 0 || Math.abs(up - quarter) > AXIS_TOLERANCE_DEG) return null
  const levelled = turned(body, quarter)
  return wrapDeg(quarter + (floorLineRoll(levelled) ?? handsLineRoll(levelled) ?? 0))
}

/**
 * Roll from a runner balanced on one straight leg (the top of a knee-drive lunge: never two straight legs to
 * read an axis from) in a picture on its side or upside down, or null. A standing exercise's torso (hips to
 * shoulders) points within ~45° of up, so its bearing, to the nearest quarter turn, is the picture's coarse
 * turn; levelled by that turn, the single-leg stance of rollSources.ts must then read an upright balance,
 * which gives the rest. Without that second reading a runner bending over in a level picture would read as
 * a turned one. A standing exercise planned only. Before, an upside-down knee-drive lunge gave no evidence
 * and was told its head was out of the picture for the whole clip.
 */
export function turnedSingleLegStanceRoll(body: Body, expect: PostureFamily): number | null {
  if (expect !== 'standing') return null
  const hip = centre(body, 'hip')
  const shoulder = centre(body, 'shoulder')
  if (!hip || !shoulder) return null
  const quarter = Math.round(bearing({ x: shoulder.x - hip.x, y: shoulder.y - hip.y }) / 90) * 90
  if (quarter === 0) return null
  const stance = singleLegStanceRoll(turned(body, quarter, true))
  return stance === null ? null : wrapDeg(quarter + stance)
}

/**
 * This frame's roll evidence, degrees (clockwise positive), or null when the frame says nothing about it.
 * `still`: the runner is not moving (the standing axis is read only then).
 */
export function rollEvidence(body: Body, expect: PostureFamily, still = true): number | null {
  if (!body.hasPerson) return null
  if (expect === 'floor') {
    // Upright in the image, a body whose arms reach out may be a side plank on its side: only arms along the body say "standing".
    const standing = still && armsAlongBody(body) ? standingAxisRoll(body) : null
    return floorSidewaysRoll(body, expect) ?? floorLineRoll(body) ?? handsLineRoll(body) ?? standing
  }
  const standing = still
    ? (standingAxisRoll(body) ?? singleLegStanceRoll(body) ?? standingTurnedRoll(body, expect) ?? turnedSingleLegStanceRoll(body, expect))
    : null
  // A standing exercise planned, a body lying across the image is more likely a runner on their side than on the floor.
  if (expect === 'standing') return standing
  return standing ?? floorLineRoll(body) ?? handsLineRoll(body)
}
