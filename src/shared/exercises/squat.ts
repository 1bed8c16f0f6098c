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
 * Knee keypoint (the joint centre) ahead of the toe keypoint by more than a quarter shin (~11 cm of a
 * ~43 cm shin): the kneecap is then well in front of the toes, as a coach would call it, while a knee
 * "about over the toes" (~0-0.2 shin) and side-view keypoint wander (~0.1 shin) stay under the line.
 */
export const KNEE_PAST_TOES_SHIN_FRACTION = 0.25
/** Knees caving: the knee gap narrower than 90% of the toe gap = knees inside the line of the feet. */
export const KNEE_TO_TOE_GAP_MIN = 0.9
/**
 * Squats are symmetric, so in a true front view both image knee angles match; a gap over 25° means the
 * camera sees one leg side-on (a 3/4 view), where knee and toe gaps are foreshortened unequally.
 */
export const MAX_FRONTAL_KNEE_ASYMMETRY_DEG = 25
/**
 * Hip joints sit ~0.4–0.45 of a shin apart; seen square-on at the bottom of a squat (shins foreshortened
 * towards the camera) they measure at least 0.45 shin. Narrower = the pelvis is turned, gaps are unreliable.
 */
export const MIN_SQUARE_HIP_GAP_SHIN = 0.45
/** Without toe keypoints (MoveNet): knees closer together than the ankles = clearly caving in. */
export const KNEE_TO_ANKLE_GAP_MIN = 1.0
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

function kneePastToes(body: Body): boolean | null {
  const sign = facingSign(body)
  const side = body.nearSide()
  if (sign === null || !side) return null
  const knee = body.point(joint(side, 'knee'))
  const toe = body.point(joint(side, 'foot_index'))
  const ankle = body.point(joint(side, 'ankle'))
  if (!knee || !toe || !ankle) return null
  const shin = Math.hypot(knee.x - ankle.x, knee.y - ankle.y)
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
  const kneeGap = Math.abs(left.knee.x - right.knee.x)
  if (left.toe && right.toe) return kneeGap < KNEE_TO_TOE_GAP_MIN * Math.abs(left.toe.x - right.toe.x)
  return kneeGap < KNEE_TO_ANKLE_GAP_MIN * Math.abs(left.ankle.x - right.ankle.x)
}

function notSittingBack(body: Body): boolean | null {
  const sign = facingSign(body)
  const side = body.nearSide()
  if (sign === null || !side) return null
  const hip = body.point(joint(side, 'hip'))
  const heel = body.point(joint(side, 'heel'))
  if (!hip || !heel) return null
  // Sitting back puts the hips behind the heels; hips over or ahead of them means the knees did the work.
  return (hip.x - heel.x) * sign >= 0
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
    const reps = createRepTracker({
      exercise: 'squat',
      machine: SQUAT_MACHINE,
      signal: squatSignal,
      checkFrame({ body, signal }) {
        const c = frameChecks()
        const loaded = signal.deg <= LOADED_THIGH_DEG
        const past = kneePastToes(body)
        c.judge('knee-past-toes', loaded && past !== null, () => past === true)
        const caving = kneesCaving(body)
        c.judge('squat-knees-caving', loaded && caving !== null, () => caving === true)
        return c.result()
      },
      checkRep(ctx) {
        const cues: string[] = []
        if (bottomPauseMs(ctx) < MIN_BOTTOM_PAUSE_MS) cues.push('squat-pause-short')
        if (armsOverhead(ctx.bottom) === false) cues.push('squat-arms-overhead')
        if (notSittingBack(ctx.bottom) === true) cues.push('squat-sit-back')
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
        if (events.some((e) => e.type === 'rep')) {
          afterRep = true
          topHipDeg = null
        }
        if (reps.phase === 'rest') {
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
