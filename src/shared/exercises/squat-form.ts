/**
 * The squat's form checks (exercises.md §10), each judged in the runner's own terms: knees past the toes
 * and sitting back (side view), knees caving in (front view, against the line of the runner's own feet),
 * the chest folding over the knees. Pure functions on one Body; squat.ts decides when each is judged.
 */
import { joint, type Body } from '../engine/body'
import { bothLegs, facingSign, KNEE_PAST_TOES_SHIN_FRACTION } from '../engine/legs'
import { unknownRollMarginPx } from '../engine/levelling'
import { leanFromVertical } from '../pose/geometry'

/**
 * Knees caving (valgus), per leg, front view: the knee should track over the foot ("knees follow the
 * second toe"). Measured as the knee's outward offset from its ankle against the toe's, in shin lengths:
 * a knee more than 0.15 shin (~6–7 cm, over half a kneecap's width) inside the line from the ankle out
 * along the foot is caving in. Keypoint wander between frames is ~0.05 shin; a turned-out foot moves the
 * line out with it, so a wide or narrow stance is judged against its own feet.
 */
export const KNEE_INSIDE_FOOT_LINE_SHIN = 0.15
/** Without toe keypoints (MoveNet): the knee more than 0.1 shin inside its own ankle is clearly caving in. */
export const KNEE_INSIDE_ANKLE_SHIN = 0.1
/**
 * Squats are symmetric, so in a true front view both image knee angles match; a gap over 25° means the
 * camera sees one leg side-on (a 3/4 view), where knee and toe offsets are foreshortened unequally.
 */
export const MAX_FRONTAL_KNEE_ASYMMETRY_DEG = 25
/**
 * Hip joints sit ~0.4–0.45 of a shin apart; seen square-on at the bottom of a squat (shins foreshortened
 * towards the camera) they measure at least 0.45 shin. Narrower = the pelvis is turned, offsets are unreliable.
 */
export const MIN_SQUARE_HIP_GAP_SHIN = 0.45
/**
 * Chest folding forward: in a balanced squat the trunk leans roughly as far as the shins (the usual
 * coaching rule for a flat back). Measured on real squats the trunk runs 2–29° ahead of the shins on
 * clean reps (long-femured or deep squatters lean more), and a labelled chest-dropped rep read only
 * 11–16°: keypoints on the shoulder–hip line do not see an upper back rounding. So only a gross fold is
 * called: the trunk 35° or more ahead of the shins (e.g. shins at 20°, trunk at 55°: chest over the knees),
 * past every clean squat measured.
 */
export const CHEST_FOLD_TRUNK_PAST_SHIN_DEG = 35

/**
 * Ankle to toe is ~0.4 of a shin (segment tables: foot 0.152 of height, shin 0.246, the toe keypoint ~3/4
 * of the foot ahead of the ankle); seen side-on it spans at least 0.15 shin along the facing direction.
 * Shorter, the foot points at the camera or the model has lost it, and its toe cannot anchor "past the toes".
 */
export const MIN_SIDE_FOOT_SHIN = 0.15

/**
 * Side view: the near knee ahead of the toes by more than KNEE_PAST_TOES_SHIN_FRACTION of its shin. The toes
 * are the foremost of this frame's and `plantedToe` (facing-direction pixels, createPlantedToeTracker over
 * the rep: the feet stay planted through a squat, and a planted foot keeps its length). At the bottom the
 * model draws the foot short, the toe pulled back under the shin that hides it: measured from ankle to toe,
 * 0.34–0.38 shin standing and 0.17–0.22 at the bottoms of a deep side squat (hanshitha), 0.27–0.38 and
 * 0.15–0.18 on a clean air squat (ikram) and its noisy and mirrored copies, where the knees then read
 * 0.3–0.44 shin past the drawn toes (four cues on clean reps). Against the planted toes those clean reps read
 * at most 0.02 (original), 0.10 (mirrored) and 0.26 shin (noisy, on one frame: under the cue's persistence),
 * and hanshitha's bottoms, labelled 2–3 cm past the toes (debatable), 0.21–0.36 shin.
 * Null when not judged (no side view, near leg or toe unseen, toe on the edge, foot not side-on).
 */
export function kneePastToes(body: Body, plantedToe: number | null = null): boolean | null {
  const sign = facingSign(body)
  const side = body.nearSide()
  if (sign === null || !side) return null
  const knee = body.point(joint(side, 'knee'))
  const toe = body.point(joint(side, 'foot_index'))
  const ankle = body.point(joint(side, 'ankle'))
  // A toe on the picture's edge may be piled up there from outside: it cannot anchor "past the toes".
  if (!knee || !toe || !ankle || !body.clearOfEdge(joint(side, 'foot_index'))) return null
  const shin = Math.hypot(knee.x - ankle.x, knee.y - ankle.y)
  const toes = Math.max(toe.x * sign, plantedToe ?? -Infinity)
  if (toes - ankle.x * sign < MIN_SIDE_FOOT_SHIN * shin) return null
  return knee.x * sign - toes > KNEE_PAST_TOES_SHIN_FRACTION * shin + unknownRollMarginPx(body, knee.y - toe.y)
}

export function kneesCaving(body: Body): boolean | null {
  if (body.view.view !== 'front') return null
  const { left, right } = bothLegs(body)
  if (!left || !right) return null
  const l = body.angle('left_hip', 'left_knee', 'left_ankle')
  const r = body.angle('right_hip', 'right_knee', 'right_ankle')
  if (l === null || r === null || Math.abs(l - r) > MAX_FRONTAL_KNEE_ASYMMETRY_DEG) return null
  const shin = (left.shinPx + right.shinPx) / 2
  if (Math.abs(left.hip.x - right.hip.x) < MIN_SQUARE_HIP_GAP_SHIN * shin) return null
  const midX = (left.hip.x + right.hip.x) / 2
  return [left, right].some((leg) => {
    // Outward = away from the body's midline in the image, whichever way the runner faces.
    const out = Math.sign(leg.hip.x - midX)
    const knee = ((leg.knee.x - leg.ankle.x) * out) / leg.shinPx
    if (!leg.toe) return knee < -KNEE_INSIDE_ANKLE_SHIN
    const toe = ((leg.toe.x - leg.ankle.x) * out) / leg.shinPx
    return knee < toe - KNEE_INSIDE_FOOT_LINE_SHIN
  })
}

/**
 * Sitting back = the hips travel back behind where they stood. Measured from the runner's own standing
 * hip-over-heel offset (it differs by camera height, stance and how the model places the hip: +0.15 to
 * +0.5 shin on clean studio and outdoor clips), so only the travel counts: under 0.15 shin (~6 cm) of
 * backward travel at the bottom means the hips dropped straight down and the knees did the work. A chair
 * squat moves the hips back 20–30 cm (0.5–0.7 shin).
 */
export const MIN_SIT_BACK_TRAVEL_SHIN = 0.15

/** Hip ahead of the heel along the facing direction, in shin lengths (side view, near side), or null. */
export function hipAheadOfHeel(body: Body): number | null {
  const sign = facingSign(body)
  const side = body.nearSide()
  if (sign === null || !side) return null
  const hip = body.point(joint(side, 'hip'))
  const heel = body.point(joint(side, 'heel'))
  const shin = body.dist(joint(side, 'knee'), joint(side, 'ankle'))
  if (!hip || !heel || !shin) return null
  return ((hip.x - heel.x) * sign) / shin
}

/** Trunk lean minus shin lean, degrees, near side in a side view (null when not judged). */
export function trunkPastShinDeg(body: Body): number | null {
  if (body.view.view !== 'side') return null
  const side = body.nearSide()
  if (!side) return null
  const shoulder = body.point(joint(side, 'shoulder'))
  const hip = body.point(joint(side, 'hip'))
  const knee = body.point(joint(side, 'knee'))
  const ankle = body.point(joint(side, 'ankle'))
  if (!shoulder || !hip || !knee || !ankle) return null
  return leanFromVertical(hip, shoulder) - leanFromVertical(ankle, knee)
}

export function notSittingBack(bottom: Body, standing: number | null): boolean | null {
  const atBottom = hipAheadOfHeel(bottom)
  if (atBottom === null || standing === null) return null
  return standing - atBottom < MIN_SIT_BACK_TRAVEL_SHIN
}
