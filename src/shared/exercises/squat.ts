/**
 * Squat (exercises.md §10): a rep per descent–ascent, read from the thigh turning towards horizontal
 * (works side-on and front-on). Cues: knees past the toes (side view), knees caving in (front view),
 * the 2–3 s pause at the bottom, arms overhead, sitting back, standing tall.
 */
import { joint, type Body } from '../engine/body'
import { cueIdsFor } from '../engine/cues'
import { bothLegs, createPlantedToeTracker, thighFromHorizontal, torsoUpright, type LegPoints } from '../engine/legs'
import type { InterruptibleTracker, RangeOfMotionTracker } from '../engine/tracker'
import { createRepTracker, frameChecks, type RepCheckContext, type RepSignal } from '../engine/repTracker'
import type { RepMachineConfig } from '../engine/repMachine'
import type { RestReferenceConfig } from '../engine/restReference'
import {
  CHEST_FOLD_TRUNK_PAST_SHIN_DEG, hipAheadOfHeel, kneePastToes, kneesCaving, notSittingBack, trunkPastShinDeg
} from './squat-form'
import type { ExerciseDefinition } from './types'

export const SQUAT_MACHINE: RepMachineConfig = {
  direction: 'flex',
  // Standing thighs are ~80–90° from horizontal; 65° = clearly bending (walking swings one thigh, not both).
  leaveRestDeg: 65,
  // 40° above parallel is a real (if shallow) squat; the routine's chair-depth squat goes to ~0°.
  reachDepthDeg: 40,
  // Back within ~15° of vertical thighs = standing again; 7° above leaveRest so jitter cannot re-trigger.
  returnRestDeg: 72,
  // Timed between the leave and return lines (the middle of the rep's range), a brisk squat takes ~0.7–0.8 s
  // (the fastest labelled reps); under 0.6 s down and up is a bounce or a tracking jump.
  minRepMs: 600,
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
/**
 * A rest shorter than this is the turn from one rep into the next, not a stand: the hips are still rising
 * through it. A standing pause takes at least a third of a second (the same persistence a cue needs).
 */
export const STANDING_SETTLE_MS = 300

/**
 * Squat depth read a second way, from how far the shoulders have come down towards the feet: the shoulders'
 * height above the ankles against the runner's own standing height (pixels, so the scale cancels). By
 * segment geometry (thigh ≈ shin, torso ≈ 1.2 shins), a half squat (thighs turned 45° from vertical, shins
 * 25° forward, trunk 30° forward: the squat's own depth line) lowers the shoulders by ~21% of that height, a
 * quarter squat by ~5%, a deep squat by ~40% (measured on our squat clips: 33–56% at the bottom of every
 * counted rep). It needs no hip keypoint, the one a dim room or loose clothes most often misplaces (measured:
 * BlazePose Full on a darkened front squat read the thighs 25° short of the bottom while the shoulders came
 * down 31–36%). A fifth of the standing height is the depth line.
 */
export const DEPTH_SHOULDER_DROP = 0.2
/** The standing reference forgets this share per second (a runner who steps back reads shorter). */
export const STANDING_HEIGHT_DECAY_PER_S = 0.05

/**
 * The drop must hold this long before it counts as depth: a real squat spends well over 0.2 s below the half
 * squat's line, while a glitch (an edit's cross-fade, the model re-finding the body) lasts a frame or two.
 */
export const DEPTH_DROP_PERSIST_MS = 150

/** Shoulders' height above the ankles, pixels: both mid-points, or one side's shoulder and ankle; else null. */
function shoulderHeight(body: Body): number | null {
  const both = [body.mid('shoulder'), body.mid('ankle')]
  const left = [body.point('left_shoulder'), body.point('left_ankle')]
  const right = [body.point('right_shoulder'), body.point('right_ankle')]
  const pair = [both, left, right].find(([shoulder, ankle]) => shoulder && ankle)
  return pair ? pair[1]!.y - pair[0]!.y : null
}

/**
 * The squat's rep signal with the second depth reading: the thigh angle (squatSignal), `deep` once the
 * shoulders are DEPTH_SHOULDER_DROP below the runner's standing height, measured while the thighs stand
 * (at or above SQUAT_MACHINE.leaveRestDeg), and measured afresh when the view changes; the drop must hold
 * DEPTH_DROP_PERSIST_MS.
 */
export function createSquatSignal(): (body: Body) => RepSignal | null {
  let standing: number | null = null
  let lastMs = 0
  let view: string | null = null
  let droppedSinceMs: number | null = null
  return (body) => {
    // A new view (the runner turned, or an edit cut to another camera) is a new picture: measured afresh.
    if (body.view.view !== 'unknown' && body.view.view !== view) {
      if (view !== null) standing = null
      view = body.view.view
    }
    const signal = squatSignal(body)
    const height = shoulderHeight(body)
    if (!signal || height === null || height <= 0) {
      droppedSinceMs = null
      return signal
    }
    if (signal.deg >= SQUAT_MACHINE.leaveRestDeg) {
      // Thighs standing: the height is a standing reading (the largest lately; a crouch cannot lower it much).
      const decayed = standing === null ? height : standing * (1 - (STANDING_HEIGHT_DECAY_PER_S * (body.tMs - lastMs)) / 1000)
      standing = Math.max(decayed, height)
      lastMs = body.tMs
    }
    if (standing === null || 1 - height / standing < DEPTH_SHOULDER_DROP) {
      droppedSinceMs = null
      return signal
    }
    droppedSinceMs ??= body.tMs
    return { ...signal, deep: body.tMs - droppedSinceMs >= DEPTH_DROP_PERSIST_MS, pastDepthLine: true }
  }
}

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
    // The runner's own standing hip-over-heel offset, from the rest before each rep (see MIN_SIT_BACK_TRAVEL_SHIN),
    // and the one from the last rest long enough to stand in (STANDING_SETTLE_MS).
    let standingHipAhead: number | null = null
    let restStartMs: number | null = null
    let lastStoodHipAhead: number | null = null
    const plantedToe = createPlantedToeTracker()
    const reps = createRepTracker({
      exercise: 'squat',
      machine: SQUAT_MACHINE,
      restReference: SQUAT_REST_REFERENCE,
      shallowCue: 'squat-depth',
      signal: createSquatSignal(),
      checkFrame({ body, phase, signal, repStartMs }) {
        const c = frameChecks()
        const toe = plantedToe(body, phase === 'descending' || phase === 'deep' ? repStartMs : null)
        // Loaded by the thighs' angle, or by the shoulders' drop (a half squat's worth: thighs past 45°).
        const loaded = signal.deg <= LOADED_THIGH_DEG || signal.pastDepthLine === true
        const past = kneePastToes(body, toe)
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
        if (reps.phase === 'rest' && before !== 'rest') restStartMs = body.tMs
        if (before === 'rest' && reps.phase !== 'rest') {
          // A rest too short to stand up in (the next rep run straight on from the last) measured hips still
          // on their way up: the last real stand is the runner's standing then.
          const stood = restStartMs !== null && body.tMs - restStartMs >= STANDING_SETTLE_MS
          if (stood && standingHipAhead !== null) lastStoodHipAhead = standingHipAhead
          else standingHipAhead = lastStoodHipAhead
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
      get rangeOfMotion() {
        return reps.rangeOfMotion
      },
      reset() {
        reps.reset()
        standingHipAhead = null
        topHipDeg = null
        afterRep = false
      }
    } satisfies InterruptibleTracker & RangeOfMotionTracker
  }
}

/** Shoulder–hip–knee angle on the near side in a side view, degrees, else null. */
function standingHipDeg(body: Body): number | null {
  const side = body.nearSide()
  if (!side || body.view.view !== 'side') return null
  return body.angle(joint(side, 'shoulder'), joint(side, 'hip'), joint(side, 'knee'))
}
