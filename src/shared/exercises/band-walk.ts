/**
 * Lateral band walk (exercises.md §9), front view: a step per lateral ankle-separation cycle (the lead
 * foot steps out, the trailing foot follows), its direction from how far the hips travelled, counted
 * per direction. Cues: hips level, half squat kept, torso upright. The band colour is recorded.
 */
import type { Body } from '../engine/body'
import { cueIdsFor } from '../engine/cues'
import { clearAllCues, cueTransition, DEFAULT_CUE_DEBOUNCE, type CueState } from '../engine/cueDebouncer'
import { repTiming, type EngineEvent, type Side } from '../engine/events'
import { bothLegs, thighFromHorizontal } from '../engine/legs'
import type { InterruptibleTracker, RangeOfMotion, RangeOfMotionTracker } from '../engine/tracker'
import { leanFromVertical } from '../pose/geometry'
import type { ExerciseDefinition, ExerciseOptions } from './types'

/** Feet 35% of a shin (~15 cm) wider than the narrowest stance just before = a step out. */
export const STEP_OUT_SHIN_FRACTION = 0.35
/** The step ends once the trailing foot has closed 70% of the widening (relative, so any stance width works). */
export const STEP_CLOSE_FRACTION = 0.7
/** The hips must travel sideways 20% of a shin during a step for it to count (widening on the spot is not a step). */
export const MIN_HIP_TRAVEL_SHIN_FRACTION = 0.2
/** A step takes 0.3–5 s; faster is jitter, slower is standing. */
export const MIN_STEP_MS = 300
export const MAX_STEP_MS = 5000
/** Hips level: left and right hip heights within 20% of a shin. */
export const MAX_HIP_TILT_SHIN_FRACTION = 0.2
/** Half squat: thighs more than 75° from horizontal is standing up out of it. */
export const MAX_HALF_SQUAT_THIGH_DEG = 75
/** Torso upright: leaning more than 20° sideways in the front view. */
export const MAX_TORSO_LEAN_DEG = 20
interface WalkState {
  phase: 'unready' | 'together' | 'apart'
  /** Narrowest ankle separation of the current 'together' phase, then the widest of the step, pixels. */
  min: number
  peak: number
  startMs: number
  startHipX: number
}

const UNREADY: WalkState = { phase: 'unready', min: 0, peak: 0, startMs: 0, startHipX: 0 }

function reading(body: Body): { sep: number; shin: number; hipX: number } | null {
  const { left, right } = bothLegs(body)
  const hip = body.mid('hip')
  if (!left || !right || !hip || body.view.view === 'side') return null
  return { sep: Math.abs(left.ankle.x - right.ankle.x), shin: (left.shinPx + right.shinPx) / 2, hipX: hip.x }
}

/** The runner's direction of travel from image travel: facing the camera mirrors left and right. */
function directionOf(dx: number, body: Body): Side {
  const towardsImageRight = dx > 0
  const mirrored = body.view.facing !== 'away'
  return towardsImageRight === mirrored ? 'left' : 'right'
}

/**
 * Step width for the range-of-motion bar: the feet's separation (ankle to ankle, across the image) in shin
 * lengths, from the runner's own stance (`stancePx`, the narrowest separation before this step) to the
 * width at which a step out is seen (STEP_OUT_SHIN_FRACTION wider), the line the counter itself uses.
 * The step also counts only once the hips have travelled and the trailing foot has followed.
 */
export function stepWidth(separationPx: number, stancePx: number, shinPx: number): RangeOfMotion {
  const rest = stancePx / shinPx
  return { unit: 'shin', value: separationPx / shinPx, rest, target: rest + STEP_OUT_SHIN_FRACTION, direction: 'extend' }
}

function createBandWalkTracker(options: ExerciseOptions = {}): InterruptibleTracker & RangeOfMotionTracker {
  let s: WalkState = UNREADY
  let rangeOfMotion: RangeOfMotion | null = null
  let cues: CueState = {}
  const counts: Record<Side, number> = { left: 0, right: 0 }

  return {
    /** stepWidth on the latest front-view frame with both legs seen; null before one. Read only: counting never uses it. */
    get rangeOfMotion() {
      return rangeOfMotion
    },
    update(body) {
      const events: EngineEvent[] = []
      rangeOfMotion = null
      const r = reading(body)
      if (!r) return events
      const judged: string[] = []
      const faults: string[] = []
      const lh = body.point('left_hip')
      const rh = body.point('right_hip')
      if (lh && rh) {
        judged.push('hips-not-level')
        if (Math.abs(lh.y - rh.y) > MAX_HIP_TILT_SHIN_FRACTION * r.shin) faults.push('hips-not-level')
      }
      const { left, right } = bothLegs(body)
      judged.push('band-walk-knees-straightening')
      if ((thighFromHorizontal(left!) + thighFromHorizontal(right!)) / 2 > MAX_HALF_SQUAT_THIGH_DEG) faults.push('band-walk-knees-straightening')
      const shoulders = body.mid('shoulder')
      const hips = body.mid('hip')
      if (shoulders && hips) {
        judged.push('torso-leaning')
        if (leanFromVertical(hips, shoulders) > MAX_TORSO_LEAN_DEG) faults.push('torso-leaning')
      }
      const c = cueTransition(DEFAULT_CUE_DEBOUNCE, cues, { tMs: body.tMs, faults, judged })
      cues = c.state
      events.push(...c.events)

      if (s.phase === 'unready') s = { phase: 'together', min: r.sep, peak: r.sep, startMs: body.tMs, startHipX: r.hipX }
      if (s.phase === 'together') {
        if (r.sep > s.min + STEP_OUT_SHIN_FRACTION * r.shin) s = { ...s, phase: 'apart', peak: r.sep }
        else s = { ...s, min: Math.min(s.min, r.sep), startMs: body.tMs, startHipX: r.hipX }
      } else if (r.sep > s.peak) {
        s = { ...s, peak: r.sep }
      } else if (r.sep < s.peak - STEP_CLOSE_FRACTION * (s.peak - s.min)) {
        const dx = r.hipX - s.startHipX
        const duration = body.tMs - s.startMs
        if (Math.abs(dx) >= MIN_HIP_TRAVEL_SHIN_FRACTION * r.shin && duration >= MIN_STEP_MS && duration <= MAX_STEP_MS) {
          const side = directionOf(dx, body)
          counts[side] += 1
          events.push({
            type: 'rep', t: body.tMs, exercise: 'band-walk', side, startMs: s.startMs, bottomMs: s.startMs + duration / 2, endMs: body.tMs,
            depthDeg: null, rangeDeg: null, ...repTiming(s.startMs, s.startMs + duration / 2, body.tMs), cues: [],
            variant: { direction: side, stepsThisDirection: counts[side], ...(options.bandColour ? { band: options.bandColour } : {}) }
          })
        }
        s = { phase: 'together', min: r.sep, peak: r.sep, startMs: body.tMs, startHipX: r.hipX }
      }
      rangeOfMotion = stepWidth(r.sep, s.min, r.shin)
      return events
    },
    interrupt(tMs) {
      s = UNREADY
      rangeOfMotion = null
      const c = clearAllCues(cues, tMs)
      cues = c.state
      return c.events
    },
    finish(tMs) {
      const c = clearAllCues(cues, tMs)
      cues = c.state
      return c.events
    },
    reset() {
      s = UNREADY
      rangeOfMotion = null
      cues = {}
      counts.left = 0
      counts.right = 0
    }
  }
}

export const bandWalk: ExerciseDefinition = {
  id: 'band-walk',
  name: 'Lateral band walk',
  group: 'lower',
  view: 'front',
  measure: 'reps',
  prescription: { sets: 2, reps: 10, perSide: true, restSeconds: 45, text: '8–10 steps each direction, 2 sets' },
  // The band colour is the band walk's only choice, made with ExerciseOptions.bandColour, not as a variant.
  variants: [],
  requiredJoints: ['left_hip', 'left_knee', 'left_ankle', 'right_hip', 'right_knee', 'right_ankle'],
  cueIds: cueIdsFor('band-walk'),
  createTracker: createBandWalkTracker
}

