/**
 * The body's position in one frame: standing, kneeling, face down, on the back, on the side (or seated,
 * which no routine exercise starts from). Pure and per frame; exercise recognition (recognise.ts) votes
 * over a few seconds of these. Works on a levelled body (camera roll undone: levelFrame.ts), pixels.
 */
import { distance, leanFromVertical, midpoint, type Point2 } from '../pose/geometry'
import { joint, type Body } from './body'
import type { BodyPosture, Side } from './events'
import { centre } from './rollSources'

/** What one frame shows; 'seated' is not a routine posture and is reported as 'unknown'. */
export type FramePosture = BodyPosture | 'seated'

/** Torso within this of vertical = upright (a deep squat leans ~45°; the push-up's shallowest is ~60°). */
export const UPRIGHT_MAX_LEAN_DEG = 50
/** Torso further than this from vertical = lying or propped on the floor. */
export const LYING_MIN_LEAN_DEG = 55
/** A knee within this many shin lengths of its ankle's height rests on the floor (kneeling: the shin lies flat). */
export const KNEE_ON_FLOOR_MAX_SHINS = 0.35
/** Hips this close to knee height (thigh lengths) or lower, torso upright, knees bent: sitting on something. */
export const SEATED_HIP_ABOVE_KNEE_MAX_THIGHS = 0.25
/** A knee this far (shin lengths) above its hip, its ankle no higher than that above it: lying on the back, knees bent up. */
export const KNEE_UP_MIN_SHINS = 0.3
/** Shoulders stacked across the body line by at least this (torso lengths; ~0.67 seen square-on): lying on one side. */
export const SIDE_LYING_MIN_STACK_TORSOS = 0.35
/** Legs lying along the floor keep knees and ankles within half a torso of the hips' height (side view). */
export const LEGS_FLAT_MAX_TORSOS = 0.5
/** An elbow or wrist at least this far below the shoulders (torso lengths) props the body up: plank, push-up. */
export const PROP_MIN_TORSOS = 0.4
/** Hips at least this open (degrees) in a body propped face down: see hipsOpen. */
export const PRONE_HIP_MIN_DEG = 120
/**
 * Seen head-on from the floor, a push-up's torso is foreshortened to under ~0.85 shoulder widths (a standing
 * torso is ≥ 1.1 even leaning into a squat), with the hands planted below the shoulders.
 */
export const HEAD_ON_MAX_TORSO_TO_SHOULDERS = 0.85
export const HEAD_ON_HANDS_BELOW_MIN = 0.4

const SIDES: Side[] = ['left', 'right']

/** The shin length (knee to ankle) of the better-seen leg, pixels, or null. */
export function shinLength(body: Body): number | null {
  const lengths = SIDES.map((s) => body.dist(joint(s, 'knee'), joint(s, 'ankle'))).filter((d): d is number => d !== null && d > 0)
  return lengths.length ? Math.max(...lengths) : null
}

/** Face down seen head-on from the floor: wide shoulders over a foreshortened torso, hands planted below, knees hidden. */
export function headOnProne(body: Body): boolean {
  const ls = body.point('left_shoulder')
  const rs = body.point('right_shoulder')
  const lw = body.point('left_wrist')
  const rw = body.point('right_wrist')
  const hip = body.mid('hip')
  if (!ls || !rs || !lw || !rw || !hip) return false
  const width = distance(ls, rs)
  const shoulders = midpoint(ls, rs)
  if (width === 0 || Math.abs(hip.y - shoulders.y) > HEAD_ON_MAX_TORSO_TO_SHOULDERS * width) return false
  const below = HEAD_ON_HANDS_BELOW_MIN * width
  if (lw.y - shoulders.y < below || rw.y - shoulders.y < below) return false
  // Standing close to the camera, knees show below the hips; behind a push-up they are hidden.
  return SIDES.every((s) => body.point(joint(s, 'knee')) === null)
}

/** Shoulders stacked across the body line (one above the other along the torso's normal): a side plank seen from the front. */
function shouldersStacked(body: Body, shoulder: Point2, hip: Point2, torso: number): boolean {
  const ls = body.point('left_shoulder')
  const rs = body.point('right_shoulder')
  if (!ls || !rs) return false
  const ux = (shoulder.x - hip.x) / torso
  const uy = (shoulder.y - hip.y) / torso
  const along = Math.abs((ls.x - rs.x) * ux + (ls.y - rs.y) * uy)
  const across = Math.abs((ls.x - rs.x) * uy - (ls.y - rs.y) * ux)
  // Seen from the front, a body on its side shows its whole torso (~1.5 shoulder widths); a push-up's bottom
  // seen head-on foreshortens it below one, with the shoulders just as wide across it.
  return across > along && across >= SIDE_LYING_MIN_STACK_TORSOS * torso && torso >= distance(ls, rs)
}

/**
 * A thigh raised from a lying torso, knee bent: the knee above the hip with the shin running down to a foot
 * on the floor (bridge) or level to a raised foot (tabletop, heel taps), not up to a foot in the air.
 */
function kneeUp(body: Body, side: Side, shin: number): boolean {
  const hip = body.point(joint(side, 'hip'))
  const knee = body.point(joint(side, 'knee'))
  const ankle = body.point(joint(side, 'ankle'))
  if (!hip || !knee || !ankle) return false
  const margin = KNEE_UP_MIN_SHINS * shin
  return hip.y - knee.y >= margin && knee.y - ankle.y <= margin
}

/** An elbow or wrist well below the shoulders: arms holding the body off the floor. */
function propped(body: Body, shoulder: Point2, torso: number): boolean {
  return (['left_elbow', 'right_elbow', 'left_wrist', 'right_wrist'] as const).some((n) => {
    const p = body.point(n)
    return p !== null && p.y - shoulder.y >= PROP_MIN_TORSOS * torso
  })
}

/**
 * A plank or push-up holds the hips nearly straight (shoulder–hip–knee ≥ 120°, ~160–180° seen side-on, from the
 * knees too); a squat's bottom, leaning far forward with the hands at the chest, folds them to ~50–70°.
 */
function hipsOpen(body: Body): boolean {
  const angles = SIDES.map((s) => body.angle(joint(s, 'shoulder'), joint(s, 'hip'), joint(s, 'knee'))).filter((a): a is number => a !== null)
  return angles.every((a) => a >= PRONE_HIP_MIN_DEG)
}

/** The nose above the ears (face turned up, away from the floor), when both are seen. */
function faceUp(body: Body): boolean | null {
  const nose = body.point('nose')
  const ears = SIDES.map((s) => body.point(joint(s, 'ear'))).filter((p): p is Point2 => p !== null)
  if (!nose || ears.length === 0) return null
  const ear = ears.length === 2 ? midpoint(ears[0], ears[1]) : ears[0]
  return nose.y < ear.y
}

/** Knees and ankles seen and lying about level with the hips (within LEGS_FLAT_MAX_TORSOS): legs along the floor. */
function legsAlongFloor(body: Body, hip: Point2, torso: number): boolean {
  const joints = (['left_knee', 'right_knee', 'left_ankle', 'right_ankle'] as const).map((n) => body.point(n)).filter((p): p is Point2 => p !== null)
  return joints.length >= 2 && joints.every((p) => Math.abs(p.y - hip.y) <= LEGS_FLAT_MAX_TORSOS * torso)
}

/** Upright torso: kneeling (a knee down at its ankle's height), seated (hips down at the knees), else standing. */
function uprightPosture(body: Body, shin: number | null): FramePosture {
  for (const side of SIDES) {
    const knee = body.point(joint(side, 'knee'))
    const ankle = body.point(joint(side, 'ankle'))
    const hip = body.point(joint(side, 'hip'))
    if (!knee || !ankle || !hip || !shin) continue
    if (Math.abs(ankle.y - knee.y) <= KNEE_ON_FLOOR_MAX_SHINS * shin && knee.y - hip.y > KNEE_ON_FLOOR_MAX_SHINS * shin) return 'kneeling'
  }
  const hip = centre(body, 'hip')
  const knee = centre(body, 'knee')
  const thigh = hip && knee ? distance(hip, knee) : 0
  if (hip && knee && thigh > 0 && knee.y - hip.y <= SEATED_HIP_ABOVE_KNEE_MAX_THIGHS * thigh) return 'seated'
  return 'standing'
}

/** This frame's body position ('unknown' when the torso is not seen or between upright and lying). */
export function framePosture(body: Body): FramePosture {
  if (!body.hasPerson) return 'unknown'
  if (headOnProne(body)) return 'prone'
  const shoulder = centre(body, 'shoulder')
  const hip = centre(body, 'hip')
  if (!shoulder || !hip) return 'unknown'
  const torso = distance(shoulder, hip)
  const lean = leanFromVertical(hip, shoulder)
  if (torso === 0 || Number.isNaN(lean)) return 'unknown'
  const shin = shinLength(body)
  if (lean <= UPRIGHT_MAX_LEAN_DEG) return uprightPosture(body, shin)
  if (lean < LYING_MIN_LEAN_DEG) return 'unknown'
  // On the side, propped on the lower forearm or hand (a side plank); lying flat on the side says nothing.
  if (shouldersStacked(body, shoulder, hip, torso)) return propped(body, shoulder, torso) ? 'side-lying' : 'unknown'
  if (shin && SIDES.some((s) => kneeUp(body, s, shin))) return 'supine'
  if (propped(body, shoulder, torso) && hipsOpen(body)) return 'prone'
  // Lying flat with straight legs, only the face tells front from back; a runner lying flat is doing none of
  // the exercises, and a close-up of the legs can look like it, so the face alone must agree with the legs on the floor.
  const up = faceUp(body)
  return up !== null && legsAlongFloor(body, hip, torso) ? (up ? 'supine' : 'prone') : 'unknown'
}
