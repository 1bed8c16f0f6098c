/**
 * Multiplanar lunges (exercises.md §6): a rep per descent–ascent of the front knee, counted per leg.
 * Both knees bend in a lunge, so the signal is the less-bent knee, unless a knee is deep with both feet
 * planted (see lungeBend); the front leg is the one whose thigh is nearest horizontal at the bottom (the
 * rear thigh stays near vertical).
 * Cues: front knee past the toes, torso leaning forward, lurching forward on the way up, depth.
 */
import { joint, otherSide, type Body } from '../engine/body'
import { cueIdsFor } from '../engine/cues'
import { bothLegs, createPlantedToeTracker, facingSign, KNEE_PAST_TOES_SHIN_FRACTION, thighFromHorizontal, torsoUpright, type LegPoints } from '../engine/legs'
import { unknownRollMarginDeg, unknownRollMarginPx } from '../engine/levelling'
import type { RepMachineConfig } from '../engine/repMachine'
import { createRepTracker, frameChecks, type RepSignal } from '../engine/repTracker'
import { signedLeanFromVertical } from '../pose/geometry'
import type { ExerciseDefinition } from './types'

/**
 * The rep signal is the LESS bent knee (both knees bend in a lunge; walking and knee drives keep one leg
 * straight), re-referenced so the runner's own top position reads 180°: a split squat's top keeps the
 * knees slightly bent, and the count must not depend on how straight a runner stands.
 */
export const LUNGE_MACHINE: RepMachineConfig = {
  direction: 'flex',
  // 20° of knee bend below the top: the descent has begun.
  leaveRestDeg: 160,
  // Both knees 30° below the top = a real, if shallow, lunge: walking and knee drives keep the stance knee
  // within ~15-20° of straight. Kept well above the depth goal (front knee 105°, DEPTH_GOAL_KNEE_DEG) so a
  // shallow lunge is counted AND cued; at 45° below the top (the old value) the front knee was already
  // near 105° on every counted rep and the depth cue could not fire.
  reachDepthDeg: 150,
  // Back within 12° of the top = up again; 8° of hysteresis over leaveRest.
  returnRestDeg: 168,
  // Fast dynamic lunges (reverse lunge + knee drive) take ~1.4 s; under 0.6 s is a glitch.
  minRepMs: 600,
  maxRepMs: 15000
}

/** The top reference forgets a little per second, so a runner who settles into a new stance is re-measured. */
export const TOP_DECAY_DEG_PER_S = 3
/** A knee bent more than 40° is never a top position, whatever the stance. */
export const MIN_TOP_KNEE_DEG = 140

/**
 * Shoulders stacked over the hips: a torso leaning more than 35° from vertical at the bottom is leaning
 * forward. While the camera's roll is not known yet (a runner who never stands still, e.g. knee-drive
 * lunges, gives the engine no standing axis for seconds), image-vertical is not the world's, so the lean is
 * called only when the runner's own torso also turned that far since the rep began (a roll turns both
 * alike, so it cancels there). Neither reading alone: rolled 20°, a clean reverse lunge read 35°+ from
 * image-vertical before the roll was known (7 s in); level, the same lunges lean back ~14° at the top of
 * the knee drive, so the turn from there to a 24° bottom reads 38°.
 */
export const MAX_TORSO_LEAN_DEG = 35
/** Lurching: on standing up the shoulders should sit over the front foot; ahead of its toes by a quarter shin (~11 cm) = thrown forward. */
export const LURCH_SHOULDER_PAST_TOES_SHIN_FRACTION = 0.25
/**
 * A lunge dip too shallow to count lies 20–30° below the runner's top (LUNGE_MACHINE's leave and depth
 * lines), while the lunges a runner means travel 57–119° from it (less-bent knee, median 75–100° per set;
 * measured on the five lunge clips, both models). Once their own reps are counted, a dip under a third of
 * that median is a shift of stance at the top (weight onto the front foot, a bounce before the next rep)
 * and is not told "lower" (measured before: told 0.13–0.45 s before the next real rep on perturbed copies
 * of the side split squat, with dips of 19–26° against medians of 83–117°). A third is under any partial
 * rep coaching names in knee-angle terms: a quarter squat bends the knee ~40° against a half squat's
 * 70–100° (Schoenfeld 2010, "Squatting kinematics and kinetics", JSCR 24:3497). A runner whose counted
 * lunges are themselves shallow (median under ~60–90°) is still told of a dip in that band. The squat does not
 * use this: its signal is the thigh's incline, in which a quarter squat moves only ~0.2 of a full rep
 * (16–17° against 80–90° on the quarter-squat clip), no more than its top shifts.
 */
export const LUNGE_TOP_SHIFT_RANGE_FRACTION = 1 / 3
/** Depth goal "front knee near 90°": a front knee still above 105° (15° short of it) at the bottom is short. */
export const DEPTH_GOAL_KNEE_DEG = 105

/** Knee bend of one leg, degrees (180 = straight): the image knee angle, or, when the thigh points at the camera, 90° plus the thigh's angle above horizontal. */
export function kneeBend(body: Body, leg: LegPoints): number | null {
  const image = body.angle(joint(leg.side, 'hip'), joint(leg.side, 'knee'), joint(leg.side, 'ankle'))
  if (image === null) return null
  return Math.min(image, 90 + thighFromHorizontal(leg))
}

/** The front leg at the bottom: the thigh nearest horizontal (the rear thigh stays near vertical). */
export function frontLeg(body: Body): LegPoints | null {
  const { left, right } = bothLegs(body)
  if (!left || !right) return left ?? right
  return thighFromHorizontal(left) <= thighFromHorizontal(right) ? left : right
}

/**
 * Less-bent knee of the two, raw degrees, or the more-bent one when it is past PLANTED_DEEP_KNEE_DEG with both
 * feet planted (PLANTED_ANKLE_GAP_SHINS). When one leg is hidden (in a front view the rear leg goes behind
 * the body), the seen leg alone: it is the front leg, and it must bend past the threshold by itself.
 */
export function lungeBend(body: Body): number | null {
  if (torsoUpright(body, unknownRollMarginDeg(body)) === false) return null
  const { left, right } = bothLegs(body)
  const bends = [left, right].map((leg) => (leg ? kneeBend(body, leg) : null)).filter((b): b is number => b !== null)
  if (bends.length === 0) return null
  const less = Math.max(...bends)
  if (!left || !right) return less
  // Judged on the image knee angles, which turn with the picture: the thigh term of kneeBend reads against
  // image-horizontal, and a split squat's top then reads ~120° under a 10° roll the engine has not undone.
  const imageAngles = [left, right].map((leg) => body.angle(joint(leg.side, 'hip'), joint(leg.side, 'knee'), joint(leg.side, 'ankle')) ?? 180)
  if (Math.min(...imageAngles) > PLANTED_DEEP_KNEE_DEG) return less
  // A knee this bent with both feet on the floor is a lunge's bottom, whatever the other knee reads: the
  // body is as deep as that knee, so a rear knee the model draws straighter than it is cannot lift the
  // bottom to standing. (A knee drive's bent knee has its foot in the air; a split squat's top bends
  // neither knee this far.)
  const planted = Math.abs(left.ankle.y - right.ankle.y) <= PLANTED_ANKLE_GAP_SHINS * Math.max(left.shinPx, right.shinPx)
  return planted ? Math.min(...bends) : less
}

/**
 * Both ankles within this many shins of each other's height: both feet on the floor. Measured on the side
 * knee-drive lunges (Lite, and mirrored): 0.19-0.35 shin at every bottom (the rear foot on its toes lifts
 * its ankle), 1.0-2.0 at the knee-drive tops; 0.6 sits between them with room for a few degrees of camera
 * roll (a 1.4-shin stride turned 4° moves one ankle 0.1 shin).
 */
export const PLANTED_ANKLE_GAP_SHINS = 0.6
/**
 * A planted knee bent past this (degrees) is well into a lunge: 15° short of the routine's depth goal
 * (DEPTH_GOAL_KNEE_DEG), 30°+ past the slight bend a split squat keeps at the top (~150-165°).
 */
export const PLANTED_DEEP_KNEE_DEG = 120

/**
 * The top reference rises only to a knee reading that a neighbouring sample confirms: the median of the last
 * this many samples. A top is a position the runner passes through over several frames (0.2 s or more even on
 * the fast knee-drive lunges, see BRIEF_RETURN_MS); one frame reading straighter than both of its neighbours
 * is a keypoint spike. Measured: at a split squat's top (knees ~150°) BlazePose Lite drew one frame at 175°
 * while the legs crossed; taken as the top, it moved the runner's real top (~153°) to 158° on the signal, past
 * the "left rest" line, and the next 0.9 s of standing counted as a rep with a depth cue.
 */
export const TOP_CONFIRM_SAMPLES = 3

/** A stateful signal: the less-bent knee re-referenced to the runner's recent top (see LUNGE_MACHINE). */
export function createLungeSignal(): (body: Body) => RepSignal | null {
  let top: number | null = null
  let lastMs = 0
  let recent: number[] = []
  return (body) => {
    const bend = lungeBend(body)
    if (bend === null) return null
    recent = [...recent, bend].slice(-TOP_CONFIRM_SAMPLES)
    // Median of the last three (the lower of two, the one reading alone at first).
    const sorted = [...recent].sort((a, b) => a - b)
    const confirmed = sorted[Math.floor((sorted.length - 1) / 2)]
    const decayed = top === null ? confirmed : top - (TOP_DECAY_DEG_PER_S * (body.tMs - lastMs)) / 1000
    lastMs = body.tMs
    top = Math.max(MIN_TOP_KNEE_DEG, Math.min(180, Math.max(decayed, confirmed)))
    // A spike above the top reads as the top itself (180), as a confirmed one would.
    return { deg: Math.min(180, bend + (180 - top)), side: frontLeg(body)?.side ?? null }
  }
}

/**
 * At lunge depth the feet are a stride apart (a shin or more); both ankles within half a shin of each
 * other means the model has drawn both legs on one (it happens on side views), so which is the front
 * leg cannot be told and the rear knee, always ahead of its own toes, would read as past the toes.
 */
export const MERGED_LEGS_ANKLE_GAP_SHIN = 0.5

/** Whether both legs are seen but drawn on top of each other (see MERGED_LEGS_ANKLE_GAP_SHIN). */
function legsMerged(body: Body): boolean {
  const { left, right } = bothLegs(body)
  if (!left || !right) return false
  const gap = Math.hypot(left.ankle.x - right.ankle.x, left.ankle.y - right.ankle.y)
  return gap < MERGED_LEGS_ANKLE_GAP_SHIN * Math.max(left.shinPx, right.shinPx)
}

/**
 * Front knee ahead of the front toes (`frontToe` in facing-direction pixels, from createPlantedToeTracker).
 * The front knee is the foremost knee (the rear one sits under or behind the hips), so this needs no leg
 * identity, which side-view models swap from frame to frame.
 */
function kneePastToes(body: Body, frontToe: number | null): boolean | null {
  if (legsMerged(body)) return null
  const sign = facingSign(body)
  const legs = [bothLegs(body).left, bothLegs(body).right].filter((l): l is LegPoints => l !== null)
  if (sign === null || legs.length === 0 || frontToe === null) return null
  const front = legs.reduce((a, b) => (b.knee.x * sign > a.knee.x * sign ? b : a))
  // The knee stands at most a shin above its toes: that height, turned by a roll not yet known, is the margin.
  return front.knee.x * sign - frontToe > KNEE_PAST_TOES_SHIN_FRACTION * front.shinPx + unknownRollMarginPx(body, front.shinPx)
}

/** Near-side torso's signed lean from image-vertical, degrees (positive = shoulders to the image right); side view only. */
function torsoLean(body: Body): number | null {
  if (body.view.view !== 'side') return null
  const side = body.nearSide()
  const shoulder = side ? body.point(joint(side, 'shoulder')) : null
  const hip = side ? body.point(joint(side, 'hip')) : null
  return shoulder && hip ? signedLeanFromVertical(hip, shoulder) : null
}

/**
 * The torso lean to hold against MAX_TORSO_LEAN_DEG, degrees: `fromVertical` (torsoLean) once the camera's
 * roll is known; before that, the smaller of it and `turn` (the turn since the rep began), or null when
 * either is unseen.
 */
function leanToJudge(uprightKnown: boolean, fromVertical: number | null, turn: number | null): number | null {
  if (fromVertical === null) return null
  if (uprightKnown) return Math.abs(fromVertical)
  return turn === null ? null : Math.min(Math.abs(fromVertical), turn)
}

/**
 * The torso's turn away from its direction when the rep began, degrees (0..180): `createTorsoTurn()(lean,
 * repStartMs)`, with `lean` the frame's torsoLean, keeps the first reading of each rep as its reference (null
 * until the torso is seen).
 */
export function createTorsoTurn(): (lean: number | null, repStartMs: number) => number | null {
  let reference: { repStartMs: number; deg: number | null } | null = null
  return (lean, repStartMs) => {
    if (reference?.repStartMs !== repStartMs || reference.deg === null) reference = { repStartMs, deg: lean }
    if (lean === null || reference.deg === null) return null
    const turn = Math.abs(lean - reference.deg) % 360
    return turn > 180 ? 360 - turn : turn
  }
}

/**
 * Side view, on returning to standing: shoulders thrown ahead of the foremost toes (leg-identity free):
 * those seen on the end frame, or the planted front foot's over the rep (`repToe`, facing-direction
 * pixels), so an end frame where the model draws both legs on the rear one cannot hide the front foot.
 * Measured without the unknown-roll margin: the rear-angle split squat, which gives no roll reading, rolled
 * −10° to −20°, was told "lurching" on 2–3 clean reps.
 */
function lurched(end: Body, repToe: number | null): boolean {
  const sign = facingSign(end)
  const near = end.nearSide()
  const shoulder = near ? end.point(joint(near, 'shoulder')) : null
  const legs = [bothLegs(end).left, bothLegs(end).right].filter((l): l is LegPoints => l !== null && l.toe !== null)
  if (sign === null || !shoulder || legs.length === 0) return false
  const foremost = Math.max(repToe ?? -Infinity, ...legs.map((l) => l.toe!.x * sign))
  // Shoulders sit far above the toes, so an unknown roll moves them sideways against the toes by up to
  // unknownRollMarginPx of that height.
  const heightPx = Math.max(...legs.map((l) => l.toe!.y)) - shoulder.y
  return shoulder.x * sign - foremost > LURCH_SHOULDER_PAST_TOES_SHIN_FRACTION * legs[0].shinPx + unknownRollMarginPx(end, heightPx)
}

export const lunge: ExerciseDefinition = {
  id: 'lunge',
  name: 'Multiplanar lunges',
  group: 'lower',
  view: 'side',
  measure: 'reps',
  prescription: { sets: 2, reps: 10, perSide: true, restSeconds: 60, text: '10 reps each leg, 2 sets' },
  variants: [
    { id: 'reverse', label: 'Reverse lunge (step back)' },
    { id: 'forward', label: 'Forward lunge' },
    { id: 'split-squat', label: 'Split squat (feet stay put)' }
  ],
  requiredJoints: ['left_hip', 'left_knee', 'left_ankle', 'right_hip', 'right_knee', 'right_ankle'],
  cueIds: cueIdsFor('lunge'),
  createTracker() {
    const frontToe = createPlantedToeTracker()
    const torsoTurn = createTorsoTurn()
    // The planted front foot's toes over the rep in progress, kept for the lurch check when it completes.
    let repToe: number | null = null
    return createRepTracker({
      exercise: 'lunge',
      machine: LUNGE_MACHINE,
      signal: createLungeSignal(),
      shallowCue: 'lunge-depth',
      topShiftRangeFraction: LUNGE_TOP_SHIFT_RANGE_FRACTION,
      checkFrame({ body, phase, signal, repStartMs }) {
        const c = frameChecks()
        const deep = phase === 'deep' && signal.side !== null
        const inRep = phase === 'descending' || phase === 'deep'
        const toe = frontToe(body, inRep ? repStartMs : null)
        if (inRep) repToe = toe
        const past = deep ? kneePastToes(body, toe) : null
        c.judge('knee-past-toes', past !== null, () => past === true)
        const fromVertical = inRep ? torsoLean(body) : null
        const turn = inRep ? torsoTurn(fromVertical, repStartMs) : null
        const lean = deep ? leanToJudge(body.uprightKnown, fromVertical, turn) : null
        c.judge('torso-leaning', lean !== null, () => lean! > MAX_TORSO_LEAN_DEG)
        return c.result()
      },
      checkRep({ bottom, end, side }) {
        const cues: string[] = []
        const front = side ? bothLegs(bottom)[side] : null
        const frontBend = front ? kneeBend(bottom, front) : null
        if (frontBend !== null && frontBend > DEPTH_GOAL_KNEE_DEG) cues.push('lunge-depth')
        if (lurched(end, repToe)) cues.push('lunge-lurching')
        return cues
      },
      variant: ({ side }) => (side ? { frontLeg: side, rearLeg: otherSide(side) } : undefined)
    })
  }
}
