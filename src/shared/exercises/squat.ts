/**
 * Squat (exercises.md §10): a rep per descent–ascent, read from the thigh turning towards horizontal
 * (works side-on and front-on). Cues: knees past the toes (side view), knees caving in (front view),
 * the 2–3 s pause at the bottom, arms overhead, sitting back, standing tall.
 */
import { joint, type Body } from '../engine/body'
import { cueIdsFor } from '../engine/cues'
import { bothLegs, facingSign, thighFromHorizontal, torsoUpright, type LegPoints } from '../engine/legs'
import type { InterruptibleTracker } from '../engine/tracker'
import { createRepTracker, frameChecks, type RepCheckContext, type RepSignal } from '../engine/repTracker'
import type { RepMachineConfig } from '../engine/repMachine'
import type { RestReferenceConfig } from '../engine/restReference'
import { leanFromVertical } from '../pose/geometry'
import type { ExerciseDefinition } from './types'

export const SQUAT_MACHINE: RepMachineConfig = {
  direction: 'flex',
  // Standing thighs are ~80–90° from horizontal; 65° = clearly bending (walking swings one thigh, not both).
  leaveRestDeg: 65,
  // 40° above parallel is a real (if shallow) squat; the routine's chair-depth squat goes to ~0°.
  reachDepthDeg: 40,
  // Back within ~15° of vertical thighs = standing again; 7° above leaveRest so jitter cannot re-trigger.
  returnRestDeg: 72,
  // Under 0.8 s down and up is a bounce or a tracking jump, not a controlled squat.
  minRepMs: 800,
  // The routine's slowest squat (slow descent + 3 s pause) takes ~10 s; 20 s down means sitting or resting.
  maxRepMs: 20000
}

/**
 * Squat thresholds measured from the runner's own standing thighs (restReference.ts). Standing thighs read
 * 70–90° from horizontal depending on camera height, view and model, so fixed lines merge or drop reps.
 * - leave 12°: both thighs turned 12° from the runner's own standing (~25° of knee bend) is a squat
 *   beginning; standing sway and keypoint jitter stay within ±3–4°, and walking swings one thigh, not both.
 * - return 8°: back within 8° of standing = up again (4° of hysteresis under leaving), or 4/5 of the
 *   rep's range recovered (a dim room moves the standing reading by more than 8° between reps).
 * - depth 45°: thighs turned halfway from vertical to horizontal (a half squat) counts, or the absolute
 *   40° above parallel, whichever comes first; a quarter squat (~20°) is not a rep and is told to sit lower.
 * - reference: the median of the runner's last 3 standing tops (restReference.ts).
 * - bounds: standing never reads under 65° (a deep forward lean is not standing) nor past 90° (vertical).
 */
export const SQUAT_REST_REFERENCE: RestReferenceConfig = {
  leaveMarginDeg: 12,
  returnMarginDeg: 8,
  // Or 4/5 of the way back up from the rep's bottom: within a fifth of the range the runner has stood up.
  returnFractionOfRange: 0.8,
  depthRangeDeg: 45,
  // The median of the last 3 standing positions: one noisy top (dim light) cannot lift "back at rest" out of reach.
  restsKept: 3,
  bounds: [65, 90]
}

/**
 * Knee keypoint (the joint centre) ahead of the toe keypoint by more than a quarter shin (~11 cm of a
 * ~43 cm shin): the kneecap is then well in front of the toes, as a coach would call it, while a knee
 * "about over the toes" (~0-0.2 shin) and side-view keypoint wander (~0.1 shin) stay under the line.
 */
export const KNEE_PAST_TOES_SHIN_FRACTION = 0.25
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

/** Cave-in and knee-over-toe checks only apply once the thighs are within 50° of parallel (loaded). */
export const LOADED_THIGH_DEG = 50
/** The routine asks for a 2–3 s pause at the bottom; under 1.5 s is no real pause. */
export const MIN_BOTTOM_PAUSE_MS = 1500
/** "At the bottom" = within 10° of the rep's deepest thigh angle. */
export const BOTTOM_BAND_DEG = 10
/** Arms overhead: wrists above the nose (or a torso-half above the shoulders without a nose). */
export const WRIST_ABOVE_SHOULDER_TORSO_FRACTION = 0.5
/** Standing tall: hip angle (shoulder–hip–knee, side view) at least 160° at the top; 180° = straight. */
export const STAND_TALL_HIP_DEG = 160

/** Mean thigh angle of the seen legs: both legs bend in a squat. */
export function squatSignal(body: Body): RepSignal | null {
  // Lying down or getting onto the floor is not a squat, however bent the knees are.
  if (torsoUpright(body) === false) return null
  const { left, right } = bothLegs(body)
  const legs = [left, right].filter((l): l is LegPoints => l !== null)
  if (legs.length === 0) return null
  const deg = legs.reduce((s, l) => s + thighFromHorizontal(l), 0) / legs.length
  return { deg, side: null }
}

/**
 * Ankle to toe is ~0.4 of a shin (segment tables: foot 0.152 of height, shin 0.246, the toe keypoint ~3/4
 * of the foot ahead of the ankle); seen side-on it spans at least 0.15 shin along the facing direction.
 * Shorter, the foot points at the camera or the model has lost it, and its toe cannot anchor "past the toes".
 */
export const MIN_SIDE_FOOT_SHIN = 0.15

function kneePastToes(body: Body): boolean | null {
  const sign = facingSign(body)
  const side = body.nearSide()
  if (sign === null || !side) return null
  const knee = body.point(joint(side, 'knee'))
  const toe = body.point(joint(side, 'foot_index'))
  const ankle = body.point(joint(side, 'ankle'))
  if (!knee || !toe || !ankle) return null
  const shin = Math.hypot(knee.x - ankle.x, knee.y - ankle.y)
  if ((toe.x - ankle.x) * sign < MIN_SIDE_FOOT_SHIN * shin) return null
  return (knee.x - toe.x) * sign > KNEE_PAST_TOES_SHIN_FRACTION * shin
}

function kneesCaving(body: Body): boolean | null {
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
function hipAheadOfHeel(body: Body): number | null {
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
function trunkPastShinDeg(body: Body): number | null {
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

function notSittingBack(bottom: Body, standing: number | null): boolean | null {
  const atBottom = hipAheadOfHeel(bottom)
  if (atBottom === null || standing === null) return null
  return standing - atBottom < MIN_SIT_BACK_TRAVEL_SHIN
}

function armsOverhead(body: Body): boolean | null {
  const wrists = [body.point('left_wrist'), body.point('right_wrist')]
  const shoulders = [body.point('left_shoulder'), body.point('right_shoulder')]
  const nose = body.point('nose')
  if (wrists.some((w) => !w) || shoulders.every((s) => !s)) return null
  const shoulderY = Math.min(...shoulders.filter((s) => s).map((s) => s!.y))
  const hip = body.mid('hip') ?? body.point(joint(body.nearSide() ?? 'left', 'hip'))
  const torso = hip ? hip.y - shoulderY : null
  const limit = nose ? nose.y : torso ? shoulderY - WRIST_ABOVE_SHOULDER_TORSO_FRACTION * torso : null
  if (limit === null) return null
  return wrists.every((w) => w!.y < limit)
}

function bottomPauseMs(ctx: RepCheckContext): number {
  const deepest = ctx.rep.depthDeg
  const near = ctx.samples.filter((s) => s.deg <= deepest + BOTTOM_BAND_DEG)
  return near.length === 0 ? 0 : near[near.length - 1].tMs - near[0].tMs
}

export const squat: ExerciseDefinition = {
  id: 'squat',
  name: 'Squat',
  group: 'lower',
  view: 'side',
  measure: 'reps',
  prescription: { sets: 2, reps: 10, perSide: false, restSeconds: 60, text: 'Not set by the routine; default 10 reps, 2 sets' },
  variants: [
    { id: 'bodyweight', label: 'Arms overhead (bodyweight)' },
    { id: 'chair', label: 'Chair or bench behind as a depth guide' },
    { id: 'ball', label: 'Stability ball against the wall' }
  ],
  requiredJoints: ['left_hip', 'left_knee', 'left_ankle', 'right_hip', 'right_knee', 'right_ankle'],
  cueIds: cueIdsFor('squat'),
  createTracker() {
    // The runner's own standing hip-over-heel offset, from the rest before each rep (see MIN_SIT_BACK_TRAVEL_SHIN).
    let standingHipAhead: number | null = null
    const reps = createRepTracker({
      exercise: 'squat',
      machine: SQUAT_MACHINE,
      restReference: SQUAT_REST_REFERENCE,
      shallowCue: 'squat-depth',
      signal: squatSignal,
      checkFrame({ body, signal }) {
        const c = frameChecks()
        const loaded = signal.deg <= LOADED_THIGH_DEG
        const past = kneePastToes(body)
        c.judge('knee-past-toes', loaded && past !== null, () => past === true)
        const fold = trunkPastShinDeg(body)
        c.judge('squat-chest-folding', loaded && fold !== null, () => fold! > CHEST_FOLD_TRUNK_PAST_SHIN_DEG)
        const caving = kneesCaving(body)
        c.judge('squat-knees-caving', loaded && caving !== null, () => caving === true)
        return c.result()
      },
      checkRep(ctx) {
        const cues: string[] = []
        if (bottomPauseMs(ctx) < MIN_BOTTOM_PAUSE_MS) cues.push('squat-pause-short')
        if (armsOverhead(ctx.bottom) === false) cues.push('squat-arms-overhead')
        if (notSittingBack(ctx.bottom, standingHipAhead) === true) cues.push('squat-sit-back')
        return cues
      },
      variant: (ctx) => ({ bottomPauseMs: Math.round(bottomPauseMs(ctx)) })
    })
    // Standing tall is judged over the whole top between two reps: the straightest hip seen there.
    let topHipDeg: number | null = null
    let afterRep = false
    return {
      update(body) {
        const before = reps.phase
        const events = reps.update(body)
        if (before !== 'rest' && before !== 'unready' && (reps.phase === 'rest' || reps.phase === 'unready')) {
          // Each rep is judged against the standing just before it: a zoom or a step between reps moves it.
          standingHipAhead = null
        }
        if (events.some((e) => e.type === 'rep')) {
          afterRep = true
          topHipDeg = null
        }
        if (reps.phase === 'rest') {
          // Standing upright is where the hips sit furthest forward over the heels; the frames just before
          // leaving rest already have the hips travelling back.
          const ahead = hipAheadOfHeel(body)
          if (ahead !== null) standingHipAhead = Math.max(standingHipAhead ?? ahead, ahead)
          const hip = standingHipDeg(body)
          if (hip !== null) topHipDeg = Math.max(topHipDeg ?? 0, hip)
        }
        if (before === 'rest' && reps.phase !== 'rest' && afterRep && topHipDeg !== null && topHipDeg < STAND_TALL_HIP_DEG) {
          events.push({ type: 'cue', t: body.tMs, phase: 'raised', id: 'squat-stand-tall' })
        }
        if (reps.phase !== 'rest') afterRep = false
        return events
      },
      interrupt: (tMs, reason) => reps.interrupt(tMs, reason),
      finish: (tMs) => reps.finish(tMs),
      reset() {
        reps.reset()
        standingHipAhead = null
        topHipDeg = null
        afterRep = false
      }
    } satisfies InterruptibleTracker
  }
}

/** Shoulder–hip–knee angle on the near side in a side view, degrees, else null. */
function standingHipDeg(body: Body): number | null {
  const side = body.nearSide()
  if (!side || body.view.view !== 'side') return null
  return body.angle(joint(side, 'shoulder'), joint(side, 'hip'), joint(side, 'knee'))
}
