/**
 * Which routine exercise a few seconds of frames look like, from the posture most of them share and what
 * moves. The standing exercises are told in standingRules.ts; here the floor ones: elbows bending in a
 * face-down body (push-up), a still face-down body (plank), a straight body on its side (side plank), hips
 * lifting from the back (glute bridge), a thigh raised and lowered from the back (heel taps).
 * Pure: features in (recogniseFeatures.ts), a verdict out. Unsure (null) is the answer whenever the evidence
 * is thin or mixed: the app asks the runner to switch on the strength of it.
 */
import type { BodyPosture, ExerciseId } from './events'
import type { FrameFeatures } from './recogniseFeatures'
import { standingVerdict, type Seconds, type Verdict } from './standingRules'
import { spread, swings } from './windowStats'

export type { Verdict } from './standingRules'

/** At least this share of the window's frames must show a known posture, and one family must hold this share of those. */
export const MIN_KNOWN_SHARE = 0.6
export const MIN_MAJORITY_SHARE = 0.6
/** Elbow swings of at least this many degrees, down and back, make a push-up rep. */
export const ELBOW_SWING_DEG = 35
/** Planks and side planks are holds: MIN_HOLD_S in position (a plank's elbows moving less than this, p10–p90, degrees). */
export const PLANK_ELBOW_MAX_RANGE_DEG = 20
export const MIN_HOLD_S = 2.5
/** Side plank: the legs held straight (knees at least this straight) in most of the side-lying frames. */
export const STRAIGHT_KNEE_MIN_DEG = 150
export const MIN_STRAIGHT_SHARE = 0.6
/** Glute bridge top: hips extended (shoulder–hip–knee ≥ 158°, a straight line being 180) with the knee bent (≤ 120°). */
export const BRIDGE_HIP_MIN_DEG = 158
export const BRIDGE_KNEE_MAX_DEG = 120
export const MIN_BRIDGE_S = 0.3
/** Heel taps: a thigh raised to near vertical from the back (hip ≤ 115°) and lowered again by ≥ 25°, knee bent. */
export const TAP_HIP_MAX_DEG = 115
export const TAP_SWING_DEG = 25
export const TAP_KNEE_RANGE_DEG: [number, number] = [45, 135]
/** A tapping leg's hip opens to ~135–145° with the heel on the floor; past this the hips are lifting (a bridge). */
export const TAP_HIP_OPEN_MAX_DEG = 155
/** Heel taps keep that knee bent in most frames (a dead bug's full extensions are brief; a straight-leg raise is not). */
export const TAP_BENT_SHARE = 0.6

const STANDING_FAMILY = new Set(['standing', 'kneeling', 'seated'])

/** Push-up: the elbows bend and straighten (a rep down and up) in a face-down body. */
function pushUpReps(prone: FrameFeatures[]): boolean {
  return swings(prone.map((f) => f.elbow), ELBOW_SWING_DEG) >= 2
}

/** Plank: face down for the last MIN_HOLD_S with the elbows still (forearms down or arms straight, either). */
function plankHeld(prone: FrameFeatures[], seconds: Seconds): boolean {
  const last = prone[prone.length - 1]
  const recent = new Set(prone.filter((f) => last.t - f.t <= MIN_HOLD_S * 1000))
  const first = prone.find((f) => recent.has(f))!
  const held = last.t - first.t >= 0.9 * MIN_HOLD_S * 1000 && seconds((f) => recent.has(f)) >= 0.8 * MIN_HOLD_S
  return held && spread([...recent].map((f) => f.elbow)) <= PLANK_ELBOW_MAX_RANGE_DEG
}

/** Side plank: on the side, propped up, for MIN_HOLD_S (a body across the picture for a moment may be a runner on their side), legs straight. */
function sidePlankHeld(sideLying: FrameFeatures[], seconds: Seconds): boolean {
  const straight = sideLying.filter((f) => f.knee.every((k) => k === null || k >= STRAIGHT_KNEE_MIN_DEG) && f.knee.some((k) => k !== null))
  return seconds((f) => f.posture === 'side-lying') >= MIN_HOLD_S && straight.length >= MIN_STRAIGHT_SHARE * sideLying.length
}

/** Glute bridge: on the back with a hip extended over a bent knee (the top of the lift) for MIN_BRIDGE_S. */
function bridgeTop(seconds: Seconds): boolean {
  const top = (f: FrameFeatures, i: 0 | 1): boolean => (f.hipAngle[i] ?? 0) >= BRIDGE_HIP_MIN_DEG && (f.knee[i] ?? 180) <= BRIDGE_KNEE_MAX_DEG
  return seconds((f) => f.posture === 'supine' && (top(f, 0) || top(f, 1))) >= MIN_BRIDGE_S
}

/** Heel taps: on the back, one thigh raised to near vertical and lowered again, its knee kept bent and the hips down. */
function heelTapping(supine: FrameFeatures[]): boolean {
  return ([0, 1] as const).some((i) => {
    const bentKnee = (f: FrameFeatures): boolean => f.knee[i] !== null && f.knee[i]! >= TAP_KNEE_RANGE_DEG[0] && f.knee[i]! <= TAP_KNEE_RANGE_DEG[1]
    const raised = supine.some((f) => (f.hipAngle[i] ?? 180) <= TAP_HIP_MAX_DEG && bentKnee(f))
    // A straight leg raised (a single-leg bridge setting up) is not a tap.
    const seenKnee = supine.filter((f) => f.knee[i] !== null)
    const keptBent = seenKnee.filter(bentKnee).length >= TAP_BENT_SHARE * seenKnee.length
    // The hip opens only as far as a foot resting on the floor lets it; a bridge opens it fully.
    const hipsDown = Math.max(...supine.map((f) => f.hipAngle[i] ?? 0)) < TAP_HIP_OPEN_MAX_DEG
    return raised && keptBent && hipsDown && swings(supine.map((f) => f.hipAngle[i]), TAP_SWING_DEG) >= 2
  })
}

function floorVerdict(frames: FrameFeatures[], posture: BodyPosture, seconds: Seconds): Verdict | null {
  const mine = frames.filter((f) => f.posture === posture)
  let exercise: ExerciseId | null = null
  if (posture === 'prone') exercise = pushUpReps(mine) ? 'push-up' : plankHeld(mine, seconds) ? 'plank' : null
  else if (posture === 'side-lying') exercise = sidePlankHeld(mine, seconds) ? 'side-plank' : null
  else if (posture === 'supine') exercise = bridgeTop(seconds) ? 'glute-bridge' : heelTapping(mine) ? 'heel-taps' : null
  return exercise ? { exercise, posture } : null
}

/** The verdict on a window of frames (oldest first), or null when unsure. */
export function classifyWindow(frames: FrameFeatures[]): Verdict | null {
  if (frames.length < 2) return null
  const dt = (frames[frames.length - 1].t - frames[0].t) / (frames.length - 1)
  const seconds = (pred: (f: FrameFeatures) => boolean): number => (frames.filter(pred).length * dt) / 1000
  const known = frames.filter((f) => f.posture !== 'unknown')
  if (known.length < MIN_KNOWN_SHARE * frames.length) return null
  const count = (p: string): number => known.filter((f) => f.posture === p).length
  const standing = known.filter((f) => STANDING_FAMILY.has(f.posture)).length
  if (standing >= MIN_MAJORITY_SHARE * known.length) {
    const top = (['standing', 'kneeling', 'seated'] as const).reduce((a, b) => (count(b) > count(a) ? b : a))
    return standingVerdict(frames, top === 'seated' ? 'unknown' : top, seconds)
  }
  const top = (['prone', 'supine', 'side-lying'] as const).reduce((a, b) => (count(b) > count(a) ? b : a))
  return count(top) >= MIN_MAJORITY_SHARE * known.length ? floorVerdict(frames, top, seconds) : null
}
