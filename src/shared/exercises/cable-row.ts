/**
 * Standing cable row (../shared/exercises.md §4): side view, a rep per elbow flexion–extension.
 * Cues: torso upright and still (no leaning back or swinging), elbows pulled back past the torso,
 * shoulders down (the shoulder–ear distance does not collapse in a shrug).
 */
import { joint, type Body } from '../engine/body'
import { facingSign } from '../engine/legs'
import type { RepMachineConfig } from '../engine/repMachine'
import { createRepTracker, frameChecks, type RepSignal } from '../engine/repTracker'
import type { InterruptibleTracker, RangeOfMotionTracker } from '../engine/tracker'
import { signedLeanFromVertical } from '../pose/geometry'
import type { ExerciseDefinition } from './types'

export const ROW_MACHINE: RepMachineConfig = {
  direction: 'flex',
  // Arms reaching for the handle read 150–180°; 135° = the pull has begun, past jitter.
  leaveRestDeg: 135,
  // Elbows pulled back past the torso bend to ~60–90°; 110° is the least that is still a row.
  reachDepthDeg: 110,
  // Arms back over 145° = extended again (a band may not allow a full lockout).
  returnRestDeg: 145,
  // A pull and return in under 0.6 s is a jerk or tracking jump, not a controlled row.
  minRepMs: 600,
  // The routine's row is ~2–4 s; 10 s without extending again is resting.
  maxRepMs: 10000
}

/** Torso lean moving more than 12° from where the rep started: the body, not the back, moves the weight (~10 cm at the shoulders). */
export const TORSO_SWING_DEG = 12
/** Leaning back more than 15° from vertical is no longer "tall" whatever the start was. */
export const TORSO_LEAN_BACK_DEG = 15
/**
 * A full pull takes the elbow behind the shoulder–hip line; still 5% of a torso (~2–3 cm, about
 * keypoint noise) in front of it at the end of the pull is a short pull.
 */
export const ELBOW_PAST_TORSO_MARGIN = 0.05
/**
 * A shrug lifts the shoulders 3–5 cm towards the ears, ~30% of the 12–15 cm shoulder–ear gap;
 * the gap at the end of the pull under 70% of its rest value is a shrug.
 */
export const SHRUG_EAR_GAP_RATIO = 0.7

/**
 * At the start of a row the arms reach forward to the handle at chest height, within ~45° of
 * horizontal. Straight arms nearer hanging down (walking, lunging, standing) or raised overhead
 * (squat, stretch) are not a row's start.
 */
export const REACH_MIN_FROM_DOWN_DEG = 45
export const REACH_MAX_FROM_DOWN_DEG = 135
/** The handle travels at chest height: hands above the shoulders (arms raised) are never a row. */
export const HANDS_ABOVE_SHOULDERS_MAX_DEG = 100

/** Angle of the arm (shoulder → wrist) away from hanging straight down, degrees; null when not seen. */
function armFromDownDeg(body: Body, side: 'left' | 'right'): number | null {
  const shoulder = body.point(joint(side, 'shoulder'))
  const wrist = body.point(joint(side, 'wrist'))
  if (!shoulder || !wrist || (shoulder.x === wrist.x && shoulder.y === wrist.y)) return null
  return (Math.atan2(Math.abs(wrist.x - shoulder.x), wrist.y - shoulder.y) * 180) / Math.PI
}

/**
 * Elbow angle: the near arm in a side view, both averaged when both are seen otherwise. Straight arms
 * that do not reach forward give no signal, so only a start reaching for the handle can begin a rep.
 */
export function rowSignal(body: Body): RepSignal | null {
  const near = body.nearSide() ?? 'left'
  const far = near === 'left' ? 'right' : 'left'
  const a = body.angle(joint(near, 'shoulder'), joint(near, 'elbow'), joint(near, 'wrist'))
  const b = body.angle(joint(far, 'shoulder'), joint(far, 'elbow'), joint(far, 'wrist'))
  const both = body.view.view !== 'side' && a !== null && b !== null
  const deg = both ? (a + b) / 2 : (a ?? b)
  if (deg === null) return null
  const reach = armFromDownDeg(body, a !== null ? near : far)
  if (reach !== null && reach > HANDS_ABOVE_SHOULDERS_MAX_DEG && deg < ROW_MACHINE.returnRestDeg) return null
  const reachingForward = reach !== null && reach >= REACH_MIN_FROM_DOWN_DEG && reach <= REACH_MAX_FROM_DOWN_DEG
  if (deg >= ROW_MACHINE.returnRestDeg && reach !== null && !reachingForward) return null
  return { deg, side: null }
}

/** Signed torso lean (hip → shoulder) from vertical, degrees; positive = leaning forward (towards the facing side). */
export function torsoLeanForwardDeg(body: Body): number | null {
  const sign = facingSign(body)
  const side = body.nearSide()
  if (sign === null || !side) return null
  const shoulder = body.point(joint(side, 'shoulder'))
  const hip = body.point(joint(side, 'hip'))
  if (!shoulder || !hip) return null
  const lean = signedLeanFromVertical(hip, shoulder)
  return Number.isNaN(lean) ? null : sign * lean
}

/** How far the elbow is in front of the shoulder–hip line at its height, in torso lengths (negative = behind). */
export function elbowAheadOfTorso(body: Body): number | null {
  const sign = facingSign(body)
  const side = body.nearSide()
  if (sign === null || !side) return null
  const shoulder = body.point(joint(side, 'shoulder'))
  const hip = body.point(joint(side, 'hip'))
  const elbow = body.point(joint(side, 'elbow'))
  if (!shoulder || !hip || !elbow) return null
  const torso = Math.hypot(shoulder.x - hip.x, shoulder.y - hip.y)
  if (torso === 0 || shoulder.y === hip.y) return null
  const along = (elbow.y - shoulder.y) / (hip.y - shoulder.y)
  const lineX = shoulder.x + along * (hip.x - shoulder.x)
  return (sign * (elbow.x - lineX)) / torso
}

/** Shoulder–ear distance of the near side (the far side when the near ear is hidden), pixels. */
export function shoulderEarGap(body: Body): number | null {
  const near = body.nearSide() ?? 'left'
  const far = near === 'left' ? 'right' : 'left'
  return body.dist(joint(near, 'shoulder'), joint(near, 'ear')) ?? body.dist(joint(far, 'shoulder'), joint(far, 'ear'))
}

export const cableRow: ExerciseDefinition = {
  id: 'cable-row',
  name: 'Standing cable row',
  group: 'upper',
  view: 'side',
  measure: 'reps',
  prescription: { sets: 2, reps: 12, perSide: false, restSeconds: 60, text: '8–15 reps with excellent form, 2 sets; add load when it gets easy' },
  variants: [
    { id: 'cable', label: 'Cable machine' },
    { id: 'band', label: 'Resistance band' }
  ],
  requiredJoints: ['left_shoulder', 'left_elbow', 'left_wrist', 'left_hip'],
  cueIds: ['row-torso-swinging', 'row-short-pull', 'row-shoulders-shrugging'],
  createTracker(): InterruptibleTracker & RangeOfMotionTracker {
    // Start-position references: the torso lean and ear gap when the arms were most extended
    // since the last rep (the pull, and any shrug, begins before the elbow passes leaveRestDeg).
    let restLean: number | null = null
    let restEarGap: number | null = null
    let restElbowDeg = -Infinity
    const reps = createRepTracker({
      exercise: 'cable-row',
      machine: ROW_MACHINE,
      signal: rowSignal,
      checkFrame({ body }) {
        const c = frameChecks()
        const lean = torsoLeanForwardDeg(body)
        c.judge('row-torso-swinging', lean !== null, () => {
          const swung = restLean !== null && Math.abs(lean! - restLean) > TORSO_SWING_DEG
          return swung || -lean! > TORSO_LEAN_BACK_DEG
        })
        return c.result()
      },
      checkRep(ctx) {
        const cues: string[] = []
        const ahead = elbowAheadOfTorso(ctx.bottom)
        if (ahead !== null && ahead > ELBOW_PAST_TORSO_MARGIN) cues.push('row-short-pull')
        const gap = shoulderEarGap(ctx.bottom)
        if (gap !== null && restEarGap !== null && gap < SHRUG_EAR_GAP_RATIO * restEarGap) cues.push('row-shoulders-shrugging')
        return cues
      }
    })
    return {
      update(body) {
        const elbow = rowSignal(body)?.deg ?? null
        const resting = reps.phase === 'rest' || reps.phase === 'unready'
        if (resting && elbow !== null && elbow >= restElbowDeg) {
          restElbowDeg = elbow
          restLean = torsoLeanForwardDeg(body) ?? restLean
          restEarGap = shoulderEarGap(body) ?? restEarGap
        }
        const events = reps.update(body)
        // A new rest begins after each rep: its start position is measured afresh.
        if (events.some((e) => e.type === 'rep')) restElbowDeg = -Infinity
        return events
      },
      interrupt: (tMs, reason) => reps.interrupt(tMs, reason),
      finish: (tMs) => reps.finish(tMs),
      get rangeOfMotion() {
        return reps.rangeOfMotion
      },
      reset() {
        restLean = null
        restEarGap = null
        restElbowDeg = -Infinity
        reps.reset()
      }
    }
  }
}
