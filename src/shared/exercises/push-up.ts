/**
 * Push-up (../shared/exercises.md §5): a rep per elbow bend–extend cycle, side or front view.
 * Cues: the shoulder–hip–ankle (or –knee) line sagging or piking (side view), depth to ~90° at the
 * elbows, elbows flaring out instead of pointing back (front view). Each rep records whether it
 * was done from the knees when the legs are seen.
 */
import { joint, type Body } from '../engine/body'
import type { Side } from '../engine/events'
import type { RepMachineConfig } from '../engine/repMachine'
import { elbowAbductionDeg } from '../engine/overhead'
import { createRepTracker, frameChecks, type RepCheckContext, type RepSignal } from '../engine/repTracker'
import { HIP_OFF_LINE_DEG, sideOnHipBendDeg } from './plank-line'
import { pushUpPosition, type PushUpLine } from './push-up-position'
import type { ExerciseDefinition } from './types'

export const PUSH_UP_MACHINE: RepMachineConfig = {
  direction: 'flex',
  // Locked-out arms read 160–180°; 140° = clearly bending, past jitter in a held top.
  leaveRestDeg: 140,
  // A 60° bend from straight is a push-up, if shallow; less is a wobble or a shift of weight.
  reachDepthDeg: 120,
  // Back over 145° = arms straight again: a full lockout reads 160–180° with blazepose-full but only
  // 145–155° with the lighter models in a 3/4 view (the far elbow is guessed). A rep still only counts
  // after the 120° depth, so the narrower gap to leaveRest cannot add reps.
  returnRestDeg: 145,
  // Down and up in under 0.5 s is a tracking jump, not a push-up.
  minRepMs: 500,
  // The slowest routine push-up (2 s down, 2 s pause, 2 s up) takes ~6 s; 10 s down is resting.
  maxRepMs: 10000
}

/**
 * The routine asks for ~90° at the elbow. A bottom still over 110° stopped ~20° short: more than
 * keypoint noise and the 2D foreshortening of an angled camera (~10°) can explain.
 */
export const DEPTH_MAX_BOTTOM_DEG = 110
/**
 * Front view, at the bottom: a forearm leaning out more than 30° from vertical means the elbow was
 * pushed out sideways (flared); tucked elbows keep the forearm near vertical over the hand.
 */
export const FLARE_FOREARM_LEAN_DEG = 30
/** Flare is only judged while the elbows are bent this far (near the bottom, where it loads the shoulder). */
export const FLARE_JUDGED_UNDER_DEG = 120
/**
 * Seen from above, the upper arms' angle to the body lies in the picture (overhead.ts). Coaching asks for
 * the elbows at about 45° from the torso (ACE, NSCA push-up guides); flared is the "T", about 90°. Both
 * arms past the midpoint, 67.5°, are closer to the T than to the coached position.
 */
export const FLARE_FROM_ABOVE_DEG = 67.5

/** From above: push-up-elbows-flaring when both upper arms are past FLARE_FROM_ABOVE_DEG; null when an arm cannot be read. */
function flaringFromAbove(body: Body): string[] | null {
  const { left, right } = elbowAbductionDeg(body)
  if (left === null || right === null) return null
  return Math.min(left, right) > FLARE_FROM_ABOVE_DEG ? ['push-up-elbows-flaring'] : []
}

/** Elbow angle of one side, or null. */
function elbowDeg(body: Body, side: Side): number | null {
  return body.angle(joint(side, 'shoulder'), joint(side, 'elbow'), joint(side, 'wrist'))
}

/**
 * The rep signal: both elbows averaged when both are seen outside a side view (front, angled);
 * in a side view the near arm, whose keypoints the model sees best.
 */
export function pushUpSignal(body: Body): RepSignal | null {
  if (pushUpPosition(body) === 'upright') return null
  const near = body.nearSide() ?? 'left'
  const far = near === 'left' ? 'right' : 'left'
  const a = elbowDeg(body, near)
  const b = elbowDeg(body, far)
  if (body.view.view !== 'side' && a !== null && b !== null) return { deg: (a + b) / 2, side: null }
  const deg = a ?? b
  return deg === null ? null : { deg, side: null }
}

/** Outward lean of the forearm (wrist → elbow) from vertical, degrees; positive = elbow outside the hand. */
export function forearmOutwardLeanDeg(body: Body, side: Side): number | null {
  const wrist = body.point(joint(side, 'wrist'))
  const elbow = body.point(joint(side, 'elbow'))
  const ls = body.point('left_shoulder')
  const rs = body.point('right_shoulder')
  if (!wrist || !elbow || !ls || !rs) return null
  const up = wrist.y - elbow.y
  if (up <= 0) return null
  // "Outward" = away from the other shoulder.
  const self = side === 'left' ? ls : rs
  const other = side === 'left' ? rs : ls
  const outward = Math.sign(self.x - other.x) * (elbow.x - wrist.x)
  return (Math.atan2(outward, up) * 180) / Math.PI
}

function elbowsFlared(body: Body): boolean | null {
  if (body.view.view !== 'front') return null
  const l = forearmOutwardLeanDeg(body, 'left')
  const r = forearmOutwardLeanDeg(body, 'right')
  if (l === null || r === null) return null
  // Both arms, so one mis-placed wrist keypoint cannot raise it.
  return Math.min(l, r) > FLARE_FOREARM_LEAN_DEG
}

function lineBend(body: Body, line: PushUpLine | null): number | null {
  if (!line) return null
  const bend = sideOnHipBendDeg(body, line.shoulder, line.hip, line.end)
  return Number.isNaN(bend) ? null : bend
}

function fromKnees(ctx: RepCheckContext): boolean | null {
  const line = pushUpPosition(ctx.bottom)
  return line === 'upright' || line === null ? null : line.fromKnees
}

export const pushUp: ExerciseDefinition = {
  id: 'push-up',
  name: 'Push-up',
  group: 'upper',
  view: 'side',
  measure: 'reps',
  prescription: { sets: 2, reps: 10, perSide: false, restSeconds: 60, text: 'Start with 5 reps; work up to 2 sets of 10' },
  variants: [
    { id: 'standard', label: 'On the toes' },
    { id: 'knees', label: 'From the knees (regression)' }
  ],
  // Head-on, the legs hide behind the torso: the arms are enough to count.
  requiredJoints: ['left_shoulder', 'left_elbow', 'left_wrist'],
  cueIds: ['hips-sagging', 'hips-piking', 'push-up-depth', 'push-up-elbows-flaring'],
  fromAbove: { cueIds: ['push-up-elbows-flaring'], faults: flaringFromAbove },
  createTracker() {
    return createRepTracker({
      exercise: 'push-up',
      machine: PUSH_UP_MACHINE,
      signal: pushUpSignal,
      shallowCue: 'push-up-depth',
      checkFrame({ body, signal }) {
        const c = frameChecks()
        const position = pushUpPosition(body)
        const bend = body.view.view === 'front' || position === 'upright' ? null : lineBend(body, position)
        c.judge('hips-sagging', bend !== null, () => bend! > HIP_OFF_LINE_DEG)
        c.judge('hips-piking', bend !== null, () => -bend! > HIP_OFF_LINE_DEG)
        const flared = signal.deg < FLARE_JUDGED_UNDER_DEG ? elbowsFlared(body) : null
        c.judge('push-up-elbows-flaring', flared !== null, () => flared === true)
        return c.result()
      },
      checkRep(ctx) {
        return ctx.rep.depthDeg > DEPTH_MAX_BOTTOM_DEG ? ['push-up-depth'] : []
      },
      variant(ctx) {
        const knees = fromKnees(ctx)
        return knees === null ? undefined : { fromKnees: knees }
      }
    })
  }
}
