/**
 * One frame's evidence of the camera's roll, degrees, clockwise positive (see levelFrame.ts for the sign):
 * the angle by which the world's "up" appears turned clockwise from image-up. Three sources:
 * - a standing body's own vertical (mid-ankle → mid-shoulder), while the legs and hips are straight;
 * - for a straight body held off the floor (plank, push-up, side plank), the floor itself: the line under the
 *   body through its hand or forearm and toe contacts, which a level camera sees horizontal;
 * - for a push-up or plank seen head-on, the line between the two planted hands.
 * A picture on its side is told in sideways.ts.
 */
import { distance, signedLeanFromVertical, type Point2 } from '../pose/geometry'
import { joint, type Body } from './body'
import { bothLegs } from './legs'
import type { Side } from './events'
import { BLAZEPOSE_KEYPOINTS, type KeypointName } from '../pose/types'
import { proneYawDeg, shoulderSpread } from './proneYaw'

/** What the runner is expected to be doing, from the planned exercise: upright, on the floor, or either. */
export type PostureFamily = 'standing' | 'floor' | 'any'

/** Legs and hips at least this straight (degrees, 180 = straight) = standing tall, not squatting, lunging or bent over. */
export const STRAIGHT_JOINT_MIN_DEG = 155
/**
 * Ankle-to-shoulder is ~0.78 of standing height against a ~0.3 torso (anthropometric tables): 2.6 torso
 * lengths. Below 2 the body is foreshortened (turned towards the camera) and its image axis says little.
 */
export const MIN_AXIS_TORSOS = 2
/** A body axis within this of image vertical is upright enough to read the roll from (a larger roll is read as the picture turned: sideways.ts). */
export const UPRIGHT_AXIS_MAX_DEG = 40
/**
 * A laptop on the floor looks up at a standing runner; pitched up by θ, it sees a vertical line x pixels off
 * the image centre leaning by atan(x·sin 2θ / 2f): ~4° at θ = 25° a sixth of the width out (f ≈ 0.87 W for a
 * 60° lens), more further out. So the axis is read only with the hips within this fraction of the width of the centre.
 */
export const MAX_OFF_CENTRE = 0.15
/** Feet at most shoulder-width-and-a-bit apart (~0.45 m against a ~0.5 m torso): standing, not striding. */
export const MAX_STANCE_TORSOS = 0.9
/** A torso within this of image horizontal lies on the floor (proneYaw.ts: a lying torso leans 50°+ from vertical). */
export const LYING_TORSO_MAX_TILT_DEG = 40
/**
 * A plank's floor contacts are most of a body length apart (hands to toes ~1.4 m, forearms to toes ~1.2 m)
 * against a ~0.5 m torso; an edge under 1.2 torso lengths is a limb resting on the floor, too short to aim by.
 */
export const MIN_FLOOR_LINE_TORSOS = 1.2
/**
 * Between the hand and toe contacts nothing else touches the floor in a plank; a hull point within ~7 cm
 * (0.15 torso) of the line (a knee dipping in a push-up from the knees, a thumb beside the wrist) still lets
 * the chord stand for the floor.
 */
export const CONTACT_TOLERANCE_TORSOS = 0.15
/** The floor line must lie within this of image horizontal: steeper lower edges run up a raised leg, not along the floor. */
export const FLOOR_LINE_MAX_DEG = 30
/**
 * Seen from further round than this, the floor under a lying body recedes from the camera along its length
 * and perspective tilts the contact line (slope ≈ camera height / distance × tan yaw: a camera 0.3 m up and
 * 2.5 m away tilts it ~4° at 30° of yaw, ~7° at 45°), so the line is not used.
 */
export const FLOOR_MAX_YAW_DEG = 30

/** Mid-point of a body part, or the better-seen side's point when only one is seen. */
export function centre(body: Body, part: 'shoulder' | 'hip' | 'ankle' | 'knee'): Point2 | null {
  const mid = body.mid(part)
  if (mid) return mid
  const side = body.nearSide()
  return side ? body.point(joint(side, part)) : null
}

/** Knee and hip angles of every fully seen leg are straight (and at least one leg is seen). */
export function straightBody(body: Body): boolean {
  const legs = (['left', 'right'] as Side[]).filter((s) => body.visible([joint(s, 'shoulder'), joint(s, 'hip'), joint(s, 'knee'), joint(s, 'ankle')]))
  return legs.length > 0 && legs.every((s) => {
    const knee = body.angle(joint(s, 'hip'), joint(s, 'knee'), joint(s, 'ankle'))
    const hip = body.angle(joint(s, 'shoulder'), joint(s, 'hip'), joint(s, 'knee'))
    return knee !== null && hip !== null && knee >= STRAIGHT_JOINT_MIN_DEG && hip >= STRAIGHT_JOINT_MIN_DEG
  })
}

/** The straight body's axis (feet → head), degrees clockwise from image-up, or null when not a straight, extended body. */
export function bodyAxisDeg(body: Body): number | null {
  const ankle = centre(body, 'ankle')
  const shoulder = centre(body, 'shoulder')
  const hip = centre(body, 'hip')
  if (!ankle || !shoulder || !hip || !straightBody(body)) return null
  const torso = distance(hip, shoulder)
  if (torso === 0 || distance(ankle, shoulder) < MIN_AXIS_TORSOS * torso) return null
  // The head beyond the shoulders, not tucked back towards the feet.
  const nose = body.point('nose')
  if (nose && distance(ankle, nose) < distance(ankle, shoulder)) return null
  return signedLeanFromVertical(ankle, shoulder)
}

/**
 * Roll from a straight standing body: its axis is the world's vertical. Null unless upright within
 * UPRIGHT_AXIS_MAX_DEG, near the middle of the picture (MAX_OFF_CENTRE), with the feet together (mid-stride,
 * or seen at an angle, a wide stance puts the mid-ankle off the line of the body's weight).
 */
export function standingAxisRoll(body: Body): number | null {
  const axis = bodyAxisDeg(body)
  if (axis === null || Math.abs(axis) > UPRIGHT_AXIS_MAX_DEG) return null
  const hipAt = centre(body, 'hip')
  if (!hipAt || Math.abs(hipAt.x - body.imageWidth / 2) > MAX_OFF_CENTRE * body.imageWidth) return null
  const la = body.point('left_ankle')
  const ra = body.point('right_ankle')
  const shoulder = centre(body, 'shoulder')
  const hip = centre(body, 'hip')
  if (la && ra && shoulder && hip && distance(la, ra) > MAX_STANCE_TORSOS * distance(hip, shoulder)) return null
  return axis
}

/**
 * A runner balanced on one straight leg (a knee drive at the top of a reverse lunge, the top of a step-up)
 * holds the centre of mass over the stance foot, so the stance ankle → mid-shoulder line is the world's
 * vertical within the sway of single-leg balance (±2–4°). Read only seen side-on (the line lies in the
 * picture), with the other leg driven up (hip and knee bent, its foot at least half a torso above the stance
 * ankle: off the floor, not a stride) and, like every standing source, near the middle of the picture and while the hips are still.
 * Measured on the knee-drive reverse lunge: level 3°, rolled ±10° → 13° / −7°, ±15° → 18° / −12°.
 */
export const LIFTED_FOOT_TORSOS = 0.5
/** A stance thigh shorter than this many shins in the picture is a misplaced knee (a real one is ~1.1 shins). */
export const MIN_THIGH_SHINS = 0.6
/** The lifted leg's hip and knee both bent past this (a knee drive brings the thigh near horizontal, ~90°). */
export const DRIVEN_LEG_MAX_DEG = 135

export function singleLegStanceRoll(body: Body): number | null {
  if (body.view.view !== 'side') return null
  const shoulder = centre(body, 'shoulder')
  const hip = centre(body, 'hip')
  if (!shoulder || !hip) return null
  const torso = distance(hip, shoulder)
  if (torso === 0 || Math.abs(hip.x - body.imageWidth / 2) > MAX_OFF_CENTRE * body.imageWidth) return null
  for (const side of ['left', 'right'] as Side[]) {
    const other: Side = side === 'left' ? 'right' : 'left'
    const ankle = body.point(joint(side, 'ankle'))
    const lifted = body.point(joint(other, 'ankle'))
    const knee = body.angle(joint(side, 'hip'), joint(side, 'knee'), joint(side, 'ankle'))
    const hipDeg = body.angle(joint(side, 'shoulder'), joint(side, 'hip'), joint(side, 'knee'))
    if (!ankle || !lifted || knee === null || hipDeg === null) continue
    if (knee < STRAIGHT_JOINT_MIN_DEG || hipDeg < STRAIGHT_JOINT_MIN_DEG) continue
    // The stance thigh hangs from the hip at its full length (thigh ≈ 1.1 shin; a side view barely foreshortens
    // it): a knee the model put on the hip, or a thigh reaching out sideways, is no standing leg.
    const hipAt = body.point(joint(side, 'hip'))
    const kneeAt = body.point(joint(side, 'knee'))
    if (!hipAt || !kneeAt || Math.abs(signedLeanFromVertical(kneeAt, hipAt)) > UPRIGHT_AXIS_MAX_DEG) continue
    if (distance(hipAt, kneeAt) < MIN_THIGH_SHINS * distance(kneeAt, ankle)) continue
    if (ankle.y - lifted.y < LIFTED_FOOT_TORSOS * torso || distance(ankle, shoulder) < MIN_AXIS_TORSOS * torso) continue
    // The lifted leg is driven up in front: thigh raised and knee bent (a foot merely placed high by the model is not).
    const liftedHip = body.angle(joint(other, 'shoulder'), joint(other, 'hip'), joint(other, 'knee'))
    const liftedKnee = body.angle(joint(other, 'hip'), joint(other, 'knee'), joint(other, 'ankle'))
    if (liftedHip === null || liftedKnee === null || liftedHip > DRIVEN_LEG_MAX_DEG || liftedKnee > DRIVEN_LEG_MAX_DEG) continue
    const axis = signedLeanFromVertical(ankle, shoulder)
    return Math.abs(axis) <= UPRIGHT_AXIS_MAX_DEG ? axis : null
  }
  return null
}

/**
 * A lunge's feet are a long stride apart: toe to toe 2.0–2.6 shins seen side-on (median, hips still, on the
 * three side-view lunge clips; ~0.9–1.1 m against a ~0.43 m shin). The shin stands near vertical and keeps its
 * length when the runner turns, the stride shortens by cos(yaw): under 1.8 shins the stride recedes from the
 * camera (turned ~30° or more, the plank floor line's limit, FLOOR_MAX_YAW_DEG) and perspective tilts the
 * toe line (a rear 3/4 view, 1.6–1.7 shins, read −3.6° Full and −8.6° Lite on a level camera), or the feet
 * are not in a split stance at all (side by side, or one passing the other).
 */
export const MIN_STRIDE_SHINS = 1.8

/**
 * In a lunge's split stance both toes rest on the floor (the front foot flat, the rear on its ball:
 * exercises.md §6) a stride apart, so seen side-on the line through the two toe keypoints is the floor.
 * Read like every standing source only while the hips are still (the stance's top or bottom, feet planted),
 * with both feet clear of the picture's edge, and only within FLOOR_LINE_MAX_DEG of image horizontal.
 * Lunge sets rarely give the other sources a still, straight standing body (split squats never do), so
 * without this their roll stayed unknown. Measured on the three side-view lunge clips filmed level, hips
 * still: median −0.7° to 2.0° (Full) and −1.9° to 3.1° (Lite), and within 2.5° of the applied roll turned
 * −20° or +15° (Full). For the lunge only (cameraRoll.ts): a step-up's feet stand on the box and the floor,
 * and a squat's side by side, so no other exercise's two toes are known to share the floor a stride apart.
 */
export function splitStanceRoll(body: Body): number | null {
  if (body.view.view !== 'side') return null
  const { left, right } = bothLegs(body)
  if (!left?.toe || !right?.toe || !body.clearOfEdge('left_foot_index') || !body.clearOfEdge('right_foot_index')) return null
  const [a, b] = left.toe.x <= right.toe.x ? [left.toe, right.toe] : [right.toe, left.toe]
  if (b.x - a.x < MIN_STRIDE_SHINS * Math.max(left.shinPx, right.shinPx)) return null
  const deg = slopeDeg(a, b)
  return Math.abs(deg) <= FLOOR_LINE_MAX_DEG ? deg : null
}

/** Angle of the segment a→b (drawn left to right) below image horizontal, degrees: positive = falls to the right. */
function slopeDeg(a: Point2, b: Point2): number {
  return (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI
}

/** A seen keypoint with its name, pixels. */
interface Named extends Point2 {
  name: KeypointName
}

/** The lower convex hull of points in image space (the side with larger y), left to right. */
function lowerHull(points: Named[]): Named[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y)
  const hull: Named[] = []
  // Monotone chain in y-up coordinates (y' = -y): pop while the last turn is not strictly convex from below.
  const cross = (o: Point2, a: Point2, b: Point2): number => (a.x - o.x) * (o.y - b.y) - (o.y - a.y) * (b.x - o.x)
  for (const p of sorted) {
    while (hull.length >= 2 && cross(hull[hull.length - 2], hull[hull.length - 1], p) <= 0) hull.pop()
    hull.push(p)
  }
  return hull
}

/** Perpendicular distance of p from the line through a and b, pixels. */
function offLine(p: Point2, a: Point2, b: Point2): number {
  const len = distance(a, b)
  return len === 0 ? distance(p, a) : Math.abs((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)) / len
}

/** What a straight body rests on at its head end (hands or forearms) and at its foot end (toes, heels). */
const HEAD_END_CONTACT = /(wrist|elbow|index|pinky|thumb)$/
const FOOT_END_CONTACT = /(foot_index|heel|ankle)$/

export interface FloorLine {
  /** The line's angle below image horizontal, degrees (positive = falls to the right): the roll it implies. */
  deg: number
  /** The two keypoints it rests on, left to right. */
  contacts: [KeypointName, KeypointName]
}

/**
 * The floor under a straight body held off it (plank, push-up, side plank): the line through its hand or
 * forearm contact and its toe or heel contact, found as the longest chord of the lower convex hull of the seen
 * keypoints that joins the two ends and passes under the hips (a ruler laid under the body). Null unless the
 * torso lies across the image, seen from the side or the front (not along its length), with straight legs.
 * Bent-leg floor exercises (bridge, heel taps) are left out: their arms and near-side joints rest closer to a
 * low camera than the body's mid-line, so perspective tilts any line through them by 10° or more.
 */
/**
 * Lying on the side, the shoulders stack across the torso's line ~0.67 torso apart seen square-on (proneYaw.ts,
 * SHOULDER_WIDTH_TO_TORSO), still 0.4 with the body turned ~35° from the camera. A prone body seen from its
 * side shows its far shoulder only up to ~0.2 torso off the near one (a raised camera looks down across the
 * back): measured 0.05–0.21 on four side-view planks, 0.51–0.70 on four side planks.
 */
export const SIDE_LYING_MIN_SHOULDER_STACK_TORSO = 0.4

/**
 * The side a body lying on its side rests on (a side plank, seen from the front or the back), or null: its
 * shoulders stack across the torso's line (SIDE_LYING_MIN_SHOULDER_STACK_TORSO) rather than along it, and the
 * one lower in the picture is on the floor.
 */
export function sideLyingDownSide(body: Body): Side | null {
  const ls = body.point('left_shoulder')
  const rs = body.point('right_shoulder')
  const hip = centre(body, 'hip')
  if (!ls || !rs || !hip) return null
  const spread = shoulderSpread(ls, rs, hip)
  if (!spread || spread.across <= spread.along || spread.across < SIDE_LYING_MIN_SHOULDER_STACK_TORSO * spread.torso) return null
  return ls.y > rs.y ? 'left' : 'right'
}

export function floorLine(body: Body): FloorLine | null {
  const shoulder = centre(body, 'shoulder')
  const hip = centre(body, 'hip')
  if (!shoulder || !hip || !straightBody(body)) return null
  const torso = distance(hip, shoulder)
  const tilt = Math.abs(Math.abs(signedLeanFromVertical(hip, shoulder)) - 90)
  if (torso === 0 || !(tilt <= LYING_TORSO_MAX_TILT_DEG)) return null
  const yaw = proneYawDeg(body)
  if (yaw !== null && yaw > FLOOR_MAX_YAW_DEG) return null
  // Lying on its side, the body rests on its lower forearm or hand and its lower foot. The upper foot sits on
  // the lower one or stands in front of it, nearer the camera, where a line to it recedes: on a level studio
  // side plank that line read +5° (the lower foot's, 2–3°).
  const down = sideLyingDownSide(body)
  const upper = down && (down === 'left' ? 'right_' : 'left_')
  const seen: Named[] = []
  for (const name of BLAZEPOSE_KEYPOINTS) {
    if (upper && name.startsWith(upper) && (HEAD_END_CONTACT.test(name) || FOOT_END_CONTACT.test(name))) continue
    const p = body.point(name)
    if (p) seen.push({ name, x: p.x, y: p.y })
  }
  const hull = lowerHull(seen)
  let best: { len: number; a: Named; b: Named } | null = null
  for (let i = 0; i < hull.length; i++) {
    for (let j = i + 1; j < hull.length; j++) {
      const a = hull[i]
      const b = hull[j]
      const ends = (HEAD_END_CONTACT.test(a.name) && FOOT_END_CONTACT.test(b.name)) || (FOOT_END_CONTACT.test(a.name) && HEAD_END_CONTACT.test(b.name))
      const len = distance(a, b)
      if (!ends || !(a.x < hip.x && hip.x < b.x) || len < MIN_FLOOR_LINE_TORSOS * torso || (best && len <= best.len)) continue
      if (hull.slice(i + 1, j).some((p) => offLine(p, a, b) > CONTACT_TOLERANCE_TORSOS * torso)) continue
      best = { len, a, b }
    }
  }
  if (!best) return null
  const deg = slopeDeg(best.a, best.b)
  return Math.abs(deg) <= FLOOR_LINE_MAX_DEG ? { deg, contacts: [best.a.name, best.b.name] } : null
}

/** Roll from the floor under a lying body (see floorLine), degrees, or null. */
export function floorLineRoll(body: Body): number | null {
  return floorLine(body)?.deg ?? null
}

/**
 * A head-on view of a prone body foreshortens the torso: a standing torso is ≥ 1.1 shoulder widths long even
 * leaning into a deep squat, a push-up seen from its head end well under one.
 */
export const HEAD_ON_MAX_TORSO_TO_SHOULDERS = 0.8
/** Hands on the floor lie at least a third of a shoulder width below the shoulders, even at a push-up's bottom. */
export const HANDS_BELOW_SHOULDERS_MIN = 0.3
/** Hands planted about shoulder-width apart (0.7+ of it), far enough apart to aim a line by. */
export const HANDS_APART_MIN = 0.7

/**
 * Roll from the hands of a push-up or plank seen head-on from the floor: both hands rest on the floor at the
 * same distance from the camera, so a level camera sees the line between the wrists horizontal. Null unless
 * the torso is foreshortened (hips hidden behind it, or short), with the hands planted below the shoulders.
 */
export function handsLineRoll(body: Body): number | null {
  const ls = body.point('left_shoulder')
  const rs = body.point('right_shoulder')
  const lw = body.point('left_wrist')
  const rw = body.point('right_wrist')
  if (!ls || !rs || !lw || !rw) return null
  const width = distance(ls, rs)
  const hip = body.mid('hip')
  if (width === 0) return null
  if (hip && distance(hip, { x: (ls.x + rs.x) / 2, y: (ls.y + rs.y) / 2 }) > HEAD_ON_MAX_TORSO_TO_SHOULDERS * width) return null
  const below = HANDS_BELOW_SHOULDERS_MIN * width
  if (lw.y - Math.max(ls.y, rs.y) < below || rw.y - Math.max(ls.y, rs.y) < below || distance(lw, rw) < HANDS_APART_MIN * width) return null
  const [a, b] = lw.x < rw.x ? [lw, rw] : [rw, lw]
  const deg = slopeDeg(a, b)
  return Math.abs(deg) <= FLOOR_LINE_MAX_DEG ? deg : null
}
