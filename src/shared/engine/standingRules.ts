/**
 * Recognising the standing exercises over a window of frames: a squat drops both thighs alike with the feet
 * side by side and flat; a lunge (or split squat) drops the front thigh with the feet split front and back, the
 * back heel up and the back knee sinking; a step-up plants one foot up high and then stands up on it; a band
 * walk steps the feet apart and together while the hips travel sideways; a cable row bends the elbows with
 * the legs still. Depth is measured against the runner's own standing thigh in the window, not a fixed line.
 */
import type { BodyPosture, ExerciseId } from './events'
import type { FrameFeatures } from './recogniseFeatures'
import { correlation, median, spread, swings } from './windowStats'

export interface Verdict {
  exercise: ExerciseId | null
  posture: BodyPosture
}

/** Seconds of the window for which a frame test holds. */
export type Seconds = (pred: (f: FrameFeatures) => boolean) => number

/** A working rep turns the thigh at least this much (degrees) past the runner's own standing angle in the window (a quarter squat ~30°). */
export const DEPTH_SWING_DEG = 25
/** Thighs within this of each other at depth = both legs working alike (squat); this far apart = split stance. */
export const EVEN_FLEX_MAX_DIFF_DEG = 25
export const SPLIT_FLEX_MIN_DIFF_DEG = 30
/** A lunge's back knee sinks to within half a shin of the floor; a squat's knees stay ~0.8–1 shin up. */
export const BACK_KNEE_MAX_LIFT = 0.5
export const EVEN_KNEE_MIN_LIFT = 0.6
/**
 * The back foot of a split stance rests on its ball, its heel ~8–12 cm up: one heel ≥ 0.3 shin higher over its
 * toes than the other (typically 0.32–0.6 at lunge depth); a squat keeps both heels down (under ~0.25).
 */
export const SPLIT_HEEL_DIFF_MIN = 0.3
/**
 * Feet level: both on the floor. A camera above the hips sees the farther foot higher by up to ~0.5 shin on
 * its own, so only a bigger difference says one foot stands on something.
 */
export const LEVEL_FEET_MAX_SHINS = 0.6
/**
 * Side-on, feet within 0.65 torso of each other stand side by side (a squat stance seen a little off side-on
 * spreads them ~0.6); 0.9+ apart (≥ ~45 cm along the view) is a split stance.
 */
export const SIDE_BY_SIDE_MAX_GAP = 0.65
export const SPLIT_MIN_GAP = 0.9
/** Thigh flex and hip height move together with at least this correlation in a squat or lunge (measured 0.8–0.95). */
export const HIPS_FOLLOW_MIN_R = 0.5
/** A squat starts and ends standing: the thigh back within this of hanging (degrees; ~20 standing) at some point in the window. */
export const STANDING_FLEX_MAX_DEG_TOP = 35
/** Kneeling on both knees (each within a third of a shin of the floor) for this long: getting down to the floor, not a standing exercise. */
export const KNEES_DOWN_MAX_LIFT = 0.35
export const MAX_KNEES_DOWN_S = 0.3
/** A band walk holds a half squat; seated, the thighs lie near horizontal (≥ 65° from hanging). */
export const SEATED_FLEX_MIN_DEG = 65
/** Side-on: the shoulders overlap to under this fraction of the torso (view.ts reads ≤ 0.3 as a side view). */
export const SIDE_VIEW_MAX_WIDTH = 0.4
/** Front-on: shoulder width at least this fraction of the torso. */
export const FRONT_VIEW_MIN_WIDTH = 0.5
/** Seconds of a stance before it counts: a few frames at the bottom of one rep. */
export const MIN_STANCE_S = 0.2
/** Hands within half a shin of the floor: on the floor (getting down to or up from it), not a standing exercise. */
export const HANDS_DOWN_MAX_SHINS = 0.5
export const MAX_HANDS_DOWN_SHARE = 0.3
/** Standing frames must make up this share of the window for a standing exercise (a lunge's bottoms read as kneeling, a squat's as seated). */
export const MIN_STANDING_SHARE = 0.3
/** A step-up box or step is at least 0.4 shin (~18 cm) high; standing on it the thighs hang straight (≤ 35° of flex). */
export const BOX_MIN_SHINS = 0.4
export const STANDING_FLEX_MAX_DEG = 35
export const LEAD_FLEX_MIN_DEG = 45
/** Stepping up follows within this long of the lead foot going up. */
export const STEP_UP_WITHIN_MS = 2000
export const MIN_ON_BOX_S = 0.25
/** Standing on the box, both ankles are within 0.3 shin of where the lead ankle landed on it. */
export const ON_SAME_BOX_SHINS = 0.3
/** Band walk: the feet move apart and together by ≥ 0.3 torso (a ~15 cm step), twice, while the hips travel ≥ 0.5 torso sideways. */
export const STEP_GAP_SWING = 0.3
export const MIN_SIDEWAYS_TRAVEL = 0.5
export const HELD_SQUAT_MAX_SWING_DEG = 35
/**
 * Rowing: elbow swings of at least 40°, three of them (a rep and a half: pull, return, pull; a row takes 2–3 s,
 * so the window holds two), with the thighs moving less than 20° (p10–p90). One bend of the arms, as in
 * getting down onto the forearms, is not a row.
 */
export const ROW_ELBOW_SWING_DEG = 40
export const ROW_MIN_SWINGS = 3
export const STILL_LEGS_MAX_RANGE_DEG = 20
/**
 * A row pulls along the cable's line at chest height: the hands stay within ~0.9 torso below the shoulders
 * (hanging at the sides they are ~1.2 below); gestures and set-ups with the hands low are not rows.
 */
export const ROW_MAX_WRIST_DROP = 0.9

/** The deeper thigh's flex, degrees, or null. */
const deeper = (f: FrameFeatures): number | null =>
  f.flex[0] === null ? f.flex[1] : f.flex[1] === null ? f.flex[0] : Math.max(f.flex[0], f.flex[1])

/**
 * The stance of a frame at depth: both legs alike (squat), split front and back (lunge), or not told. Split:
 * one heel up on its ball, or side-on the feet far apart, or one knee sunk to the floor while the other stays
 * up. Alike: both knees up, the thighs within EVEN_FLEX_MAX_DIFF_DEG when both legs are read, the feet level
 * and, side-on, side by side.
 */
function stance(f: FrameFeatures): 'even' | 'split' | null {
  const [a, b] = f.flex
  const level = Math.abs(f.footLift ?? 0) <= LEVEL_FEET_MAX_SHINS
  const heels = f.heelLift[0] !== null && f.heelLift[1] !== null ? Math.abs(f.heelLift[0] - f.heelLift[1]) : null
  if (heels !== null && heels >= SPLIT_HEEL_DIFF_MIN) return 'split'
  const sideOn = f.widthRatio === null || f.widthRatio <= SIDE_VIEW_MAX_WIDTH
  if (sideOn && f.ankleGap !== null && f.ankleGap >= SPLIT_MIN_GAP) return 'split'
  const sideBySide = !sideOn || (f.ankleGap !== null && f.ankleGap <= SIDE_BY_SIDE_MAX_GAP)
  const [ka, kb] = f.kneeLift
  if (ka !== null && kb !== null) {
    const low = Math.min(ka, kb)
    if (low <= BACK_KNEE_MAX_LIFT && Math.max(ka, kb) >= EVEN_KNEE_MIN_LIFT) return 'split'
    const alike = a === null || b === null || Math.abs(a - b) <= EVEN_FLEX_MAX_DIFF_DEG
    return low >= EVEN_KNEE_MIN_LIFT && alike && level && sideBySide ? 'even' : null
  }
  // One knee seen: side-on (the far leg hidden behind the near one), the feet tell.
  const lift = ka ?? kb
  if (lift === null || lift < EVEN_KNEE_MIN_LIFT || !sideOn || f.ankleGap === null) return null
  return sideBySide && level ? 'even' : null
}

/** Step-up: one foot planted high with its knee bent while the other stands on the floor, then the runner stands up on it. */
function steppedUp(frames: FrameFeatures[], seconds: Seconds): boolean {
  const onBox = new Set<FrameFeatures>()
  frames.forEach((lead, i) => {
    const [la, ra] = lead.ankles
    if (!la || !ra || !lead.shin || !lead.hip) return
    const upSide = la.y < ra.y ? 0 : 1
    const floorY = Math.max(la.y, ra.y)
    const box = BOX_MIN_SHINS * lead.shin
    if (floorY - Math.min(la.y, ra.y) < box || (lead.flex[upSide] ?? 0) < LEAD_FLEX_MIN_DEG || (lead.flex[1 - upSide] ?? 90) > STANDING_FLEX_MAX_DEG) return
    const boxTop = Math.min(la.y, ra.y)
    const sameBox = ON_SAME_BOX_SHINS * lead.shin
    for (const f of frames.slice(i + 1)) {
      if (f.t - lead.t > STEP_UP_WITHIN_MS) break
      const [a, b] = f.ankles
      // Both feet now on the box the lead foot went up to, and the hips risen by the box's height.
      const onTop = a && b && Math.abs(a.y - boxTop) <= sameBox && Math.abs(b.y - boxTop) <= sameBox
      const standingUp = onTop && floorY - Math.max(a.y, b.y) >= box && f.hip && lead.hip.y - f.hip.y >= box
      if (standingUp && f.flex.every((x) => x !== null && x <= STANDING_FLEX_MAX_DEG)) onBox.add(f)
    }
  })
  return seconds((f) => onBox.has(f)) >= MIN_ON_BOX_S
}

/** Band walk: facing the camera, the feet step apart and together while the hips travel sideways (lengths over the window's median torso, which a squat's lean foreshortens frame by frame). */
function walkedSideways(frames: FrameFeatures[]): boolean {
  const torso = median(frames.map((f) => f.torso))
  if (!torso || (median(frames.map((f) => f.widthRatio)) ?? 0) < FRONT_VIEW_MIN_WIDTH) return false
  if ((median(frames.map(deeper)) ?? 90) >= SEATED_FLEX_MIN_DEG) return false
  const travel = spread(frames.map((f) => (f.hip ? f.hip.x / torso : null)))
  const gaps = frames.map((f) => (f.ankles[0] && f.ankles[1] ? Math.abs(f.ankles[0].x - f.ankles[1].x) / torso : null))
  // The half squat is held: no thigh drops and rises like a lunge's front leg (≥ 35° each way; stepping moves it less).
  return travel >= MIN_SIDEWAYS_TRAVEL && swings(gaps, STEP_GAP_SWING) >= 2 && swings(frames.map(deeper), HELD_SQUAT_MAX_SWING_DEG) === 0
}

/** Hands on the floor or both knees down for a while: the runner is getting down to (or up from) the floor. */
function goingToTheFloor(frames: FrameFeatures[], seconds: Seconds): boolean {
  const handsDown = seconds((f) => (f.handHeight ?? Infinity) <= HANDS_DOWN_MAX_SHINS) > MAX_HANDS_DOWN_SHARE * seconds(() => true)
  return handsDown || seconds((f) => f.kneeLift.every((k) => k !== null && k <= KNEES_DOWN_MAX_LIFT)) >= MAX_KNEES_DOWN_S
}

/**
 * Squatting or lunging lowers the hips as the thighs turn: the two move together (a camera move or a change of
 * angle does not), and a thigh swings through a rep's depth. Frames with a foot in the air (a lunge's knee drive)
 * are left out of the correlation: that thigh rises with the hips.
 */
function hipsDropWithThighs(frames: FrameFeatures[]): boolean {
  const grounded = frames.filter((f) => Math.abs(f.footLift ?? 0) <= LEVEL_FEET_MAX_SHINS)
  const r = correlation(grounded.map(deeper), grounded.map((f) => (f.hip && f.scale ? f.hip.y / f.scale : null)))
  return (r ?? 0) >= HIPS_FOLLOW_MIN_R && swings(frames.map(deeper), DEPTH_SWING_DEG) >= 1
}

/** Squat or lunge from the stance at depth (depth = the thigh past the runner's own shallowest in the window by DEPTH_SWING_DEG). */
function squatOrLunge(frames: FrameFeatures[], seconds: Seconds): 'squat' | 'lunge' | null {
  if (!hipsDropWithThighs(frames)) return null
  const baseline = Math.min(...frames.map(deeper).filter((x): x is number => x !== null))
  const deep = (f: FrameFeatures): boolean => (deeper(f) ?? -Infinity) >= baseline + DEPTH_SWING_DEG
  const split = seconds((f) => deep(f) && stance(f) === 'split')
  const even = seconds((f) => deep(f) && stance(f) === 'even')
  if (split >= MIN_STANCE_S && split >= 2 * even) return 'lunge'
  // A squat starts and ends standing tall (a seated body's thighs never hang).
  return baseline <= STANDING_FLEX_MAX_DEG_TOP && even >= MIN_STANCE_S && even >= 2 * split ? 'squat' : null
}

/** Cable row: the elbows pull and return at chest height, again and again, with the legs still. */
function rowing(frames: FrameFeatures[]): boolean {
  const legsStill = spread(frames.map(deeper)) <= STILL_LEGS_MAX_RANGE_DEG
  const chestHigh = (median(frames.map((f) => f.wristDrop)) ?? Infinity) <= ROW_MAX_WRIST_DROP
  return legsStill && chestHigh && swings(frames.map((f) => f.elbow), ROW_ELBOW_SWING_DEG) >= ROW_MIN_SWINGS
}

/** The verdict on a window whose frames are mostly upright (standing, kneeling or seated; `posture` the commonest), or null. */
export function standingVerdict(frames: FrameFeatures[], posture: BodyPosture, seconds: Seconds): Verdict | null {
  if (goingToTheFloor(frames, seconds)) return null
  const known = frames.filter((f) => f.posture !== 'unknown').length
  if (frames.filter((f) => f.posture === 'standing').length >= MIN_STANDING_SHARE * known) {
    // These are standing exercises whatever a rep's bottom looks like (a lunge's kneeling, a squat's seated).
    if (steppedUp(frames, seconds)) return { exercise: 'step-up', posture: 'standing' }
    const legs = squatOrLunge(frames, seconds)
    if (legs === 'lunge') return { exercise: 'lunge', posture: 'standing' }
    // A band walk is a half squat carried sideways: told from a squat by the travel, before the squat.
    if (walkedSideways(frames)) return { exercise: 'band-walk', posture: 'standing' }
    if (legs === 'squat') return { exercise: 'squat', posture: 'standing' }
  }
  // Rowing kneeling or seated is a neighbour of the standing cable row, not the routine's exercise.
  if (rowing(frames)) return { exercise: posture === 'standing' ? 'cable-row' : null, posture }
  return null
}
