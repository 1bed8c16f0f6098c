/**
 * Multiplanar lunges (exercises.md §6): a rep per descent–ascent of the front knee, counted per leg.
 * Depth is the front thigh turning towards horizontal; the front leg is the one with both feet down
 * whose thigh is nearest horizontal (the rear thigh stays near vertical). A raised foot (a knee drive,
 * a walking stride) takes that leg out of the reading, so stepping or knee drives are not lunges.
 * Cues: front knee past the toes, torso leaning forward, lurching forward on the way up, depth.
 */
import { joint, otherSide, type Body } from '../engine/body'
import { cueIdsFor } from '../engine/cues'
import type { Side } from '../engine/events'
import { bothLegs, facingSign, footLift, thighFromHorizontal, type LegPoints } from '../engine/legs'
import type { RepMachineConfig } from '../engine/repMachine'
import { createRepTracker, frameChecks, type RepSignal } from '../engine/repTracker'
import { leanFromVertical } from '../pose/geometry'
import type { ExerciseDefinition } from './types'

export const LUNGE_MACHINE: RepMachineConfig = {
  direction: 'flex',
  // Standing thighs are ~80–90° from horizontal; under 65° the front thigh is clearly dropping.
  leaveRestDeg: 65,
  // A front thigh within 40° of horizontal is a lunge (the routine's goal, knee ~90°, is ~0–20°).
  reachDepthDeg: 40,
  // Back within ~15° of vertical = standing; 7° of hysteresis over leaveRest.
  returnRestDeg: 72,
  // Fast dynamic lunges (reverse lunge + knee drive) take ~1.4 s; under 0.6 s is a glitch.
  minRepMs: 600,
  maxRepMs: 15000
}

/** A foot lifted by more than 40% of a shin above the other is off the floor (a rear foot on its ball rises ~20%). */
export const FOOT_OFF_FLOOR_SHIN_FRACTION = 0.4
/** Front knee ahead of the front toes by more than 15% of a shin (~6–7 cm): past the toes. */
export const KNEE_PAST_TOES_SHIN_FRACTION = 0.15
/** Shoulders stacked over the hips: a torso leaning more than 35° from vertical at the bottom is leaning forward. */
export const MAX_TORSO_LEAN_DEG = 35
/** Lurching: on standing up the shoulders should sit over the front foot; ahead of its toes by a quarter shin (~10 cm) = thrown forward. */
export const LURCH_SHOULDER_PAST_TOES_SHIN_FRACTION = 0.25
/** Depth goal "front knee near 90°": a front thigh still more than 25° above horizontal at the bottom is short. */
export const DEPTH_GOAL_THIGH_DEG = 25

/** The front leg: both feet down, thigh nearest horizontal. */
export function frontLeg(body: Body): LegPoints | null {
  const { left, right } = bothLegs(body)
  const candidates: LegPoints[] = []
  for (const leg of [left, right]) {
    if (!leg) continue
    const other = leg.side === 'left' ? right : left
    if (other && footLift(leg, other) > FOOT_OFF_FLOOR_SHIN_FRACTION) continue
    candidates.push(leg)
  }
  if (candidates.length === 0) return null
  return candidates.reduce((a, b) => (thighFromHorizontal(a) <= thighFromHorizontal(b) ? a : b))
}

export function lungeSignal(body: Body): RepSignal | null {
  const leg = frontLeg(body)
  return leg ? { deg: thighFromHorizontal(leg), side: leg.side } : null
}

function kneePastToes(body: Body, side: Side): boolean | null {
  const sign = facingSign(body)
  const knee = body.point(joint(side, 'knee'))
  const toe = body.point(joint(side, 'foot_index'))
  const ankle = body.point(joint(side, 'ankle'))
  if (sign === null || !knee || !toe || !ankle) return null
  const shin = Math.hypot(knee.x - ankle.x, knee.y - ankle.y)
  return (knee.x - toe.x) * sign > KNEE_PAST_TOES_SHIN_FRACTION * shin
}

function torsoLean(body: Body): number | null {
  if (body.view.view !== 'side') return null
  const side = body.nearSide()
  const shoulder = side ? body.point(joint(side, 'shoulder')) : null
  const hip = side ? body.point(joint(side, 'hip')) : null
  return shoulder && hip ? leanFromVertical(hip, shoulder) : null
}

/** Side view, on returning to standing: shoulders thrown ahead of the front toes. */
function lurched(body: Body, front: Side): boolean {
  const sign = facingSign(body)
  const near = body.nearSide()
  const shoulder = near ? body.point(joint(near, 'shoulder')) : null
  const toe = body.point(joint(front, 'foot_index'))
  const leg = bothLegs(body)[front]
  if (sign === null || !shoulder || !toe || !leg) return false
  return (shoulder.x - toe.x) * sign > LURCH_SHOULDER_PAST_TOES_SHIN_FRACTION * leg.shinPx
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
    return createRepTracker({
      exercise: 'lunge',
      machine: LUNGE_MACHINE,
      signal: lungeSignal,
      checkFrame({ body, phase, signal }) {
        const c = frameChecks()
        const deep = phase === 'deep' && signal.side !== null
        const past = deep ? kneePastToes(body, signal.side!) : null
        c.judge('knee-past-toes', past !== null, () => past === true)
        const lean = deep ? torsoLean(body) : null
        c.judge('torso-leaning', lean !== null, () => lean! > MAX_TORSO_LEAN_DEG)
        return c.result()
      },
      checkRep({ rep, end, side }) {
        const cues: string[] = []
        if (rep.depthDeg > DEPTH_GOAL_THIGH_DEG) cues.push('lunge-depth')
        if (side && lurched(end, side)) cues.push('lunge-lurching')
        return cues
      },
      variant: ({ side }) => (side ? { frontLeg: side, rearLeg: otherSide(side) } : undefined)
    })
  }
}
