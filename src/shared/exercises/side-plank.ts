/**
 * Side plank (../shared/exercises.md §3): front view (the runner's front or back to the camera),
 * a per-side hold timer that runs only while the body is straight. The down side is the one whose
 * shoulder and hip sit lower in the image. Cues: hips dropping towards the floor; the supporting
 * elbow not under the shoulder (forearm side plank).
 */
import { joint, type Body } from '../engine/body'
import type { EngineEvent, Side } from '../engine/events'
import type { InterruptibleTracker } from '../engine/tracker'
import { leanFromVertical, midpoint, type Point2 } from '../pose/geometry'
import { HoldWithCues } from './plank-hold'
import {
  forearmOnFloor, HIP_BACK_ON_LINE_DEG, HIP_OFF_LINE_DEG, hipBendDeg, lineTiltDeg, MAX_PLANK_TILT_DEG, STRAIGHT_KNEE_MIN_DEG
} from './plank-line'
import type { ExerciseDefinition } from './types'

const DROPPING = 'side-plank-hips-dropping'
const ELBOW = 'side-plank-elbow-under-shoulder'
const CUE_IDS = [DROPPING, ELBOW]

/**
 * Supporting upper arm leaning more than 30° from vertical: the elbow is ~15 cm or more off the
 * shoulder, where the shoulder starts to hang instead of stacking over the elbow.
 */
export const SUPPORT_OFF_VERTICAL_DEG = 30
export const SUPPORT_BACK_UNDER_DEG = 22
/** Elbow angle under which the support is the forearm (~90°) rather than a straight arm (~170°). */
export const FOREARM_ELBOW_MAX_DEG = 130
/**
 * Lying flat on one side (propped on a straight arm) bends the shoulder–hip–ankle line 35°+: not a
 * side plank at all.
 */
export const HIPS_ON_FLOOR_DEG = 35
/**
 * Propped on the forearm with the hips resting on the floor the line bends only ~20–25° (the hip
 * joint sits 10–15 cm up even on the floor), close to a hips-dropping fault. So a hold starts only
 * from a line straight within this, which resting never reaches.
 */
export const START_STRAIGHT_DEG = 12
/** Hips off the line this long in a hold = the runner is resting on the floor: the hold pauses (and then ends). */
export const HIPS_DOWN_ENDS_HOLD_MS = 2000

/** Which side is down: the one whose shoulder (and hip) is lower in the image; null when it cannot be told. */
export function downSide(body: Body): Side | null {
  let lower = 0
  for (const part of ['shoulder', 'hip'] as const) {
    const l = body.point(joint('left', part))
    const r = body.point(joint('right', part))
    if (l && r) lower += l.y - r.y
  }
  if (lower !== 0) return lower > 0 ? 'left' : 'right'
  return null
}

/** Mid-line point of a body part, or the one side that is seen. */
function centre(body: Body, part: 'shoulder' | 'hip' | 'ankle'): Point2 | null {
  const l = body.point(joint('left', part))
  const r = body.point(joint('right', part))
  return l && r ? midpoint(l, r) : (l ?? r)
}

interface SidePlankReading {
  side: Side
  bend: number
  /** Lean of the supporting upper arm from vertical in a forearm side plank, degrees; null otherwise. */
  supportLean: number | null
}

/** Why the body is not in a side plank (for the hold's 'paused' reason), or the reading. */
export function readSidePlank(body: Body): SidePlankReading | string {
  const side = downSide(body)
  if (!side) return 'down side not seen'
  const shoulder = centre(body, 'shoulder')
  const hip = centre(body, 'hip')
  const ankle = centre(body, 'ankle')
  if (!shoulder || !hip || !ankle) return 'body line not seen'
  if (lineTiltDeg(shoulder, ankle) > MAX_PLANK_TILT_DEG) return 'not lying in a side plank'
  const knee = body.angle(joint(side, 'hip'), joint(side, 'knee'), joint(side, 'ankle'))
  if (knee !== null && knee < STRAIGHT_KNEE_MIN_DEG) return 'knees bent'
  const downShoulder = body.point(joint(side, 'shoulder'))
  const elbow = body.point(joint(side, 'elbow'))
  const wrist = body.point(joint(side, 'wrist'))
  const support = elbow ?? wrist
  if (!downShoulder || !support || support.y <= downShoulder.y) return 'supporting arm not under the body'
  const bend = hipBendDeg(shoulder, hip, ankle)
  if (Number.isNaN(bend)) return 'body line not seen'
  if (bend > HIPS_ON_FLOOR_DEG) return 'hips down on the floor'
  // The routine's side plank rests on the forearm, "elbow directly under the shoulder"; a straight-arm
  // side plank (a variation it does not describe) places the hand more freely, so it is not judged.
  // Forearm: lying along the floor, or pointing at the camera (foreshortened) with the elbow bent.
  const elbowDeg = body.angle(joint(side, 'shoulder'), joint(side, 'elbow'), joint(side, 'wrist'))
  const onForearm = elbow !== null && wrist !== null && (forearmOnFloor(elbow, wrist) || (elbowDeg !== null && elbowDeg < FOREARM_ELBOW_MAX_DEG))
  return { side, bend, supportLean: onForearm ? leanFromVertical(elbow, downShoulder) : null }
}

export class SidePlankTracker implements InterruptibleTracker {
  private readonly loop = new HoldWithCues(CUE_IDS)
  /** Since when the hips have been off the line, ms (null while on it). */
  private offLineSinceMs: number | null = null

  update(body: Body): EngineEvent[] {
    const r = readSidePlank(body)
    const out = (reason: string): EngineEvent[] =>
      this.loop.step({ tMs: body.tMs, inPosition: false, side: null, reason, faults: [], judged: [] })
    if (typeof r === 'string') return out(r)
    if (!this.loop.open && r.bend > START_STRAIGHT_DEG) return out('hips not lifted into a straight line')
    // Off the line past HIP_OFF_LINE_DEG, and still off until back under HIP_BACK_ON_LINE_DEG.
    const offLine = r.bend > (this.offLineSinceMs === null ? HIP_OFF_LINE_DEG : HIP_BACK_ON_LINE_DEG)
    this.offLineSinceMs = offLine ? (this.offLineSinceMs ?? body.tMs) : null
    if (this.offLineSinceMs !== null && body.tMs - this.offLineSinceMs > HIPS_DOWN_ENDS_HOLD_MS) return out('hips down on the floor')
    const faults: string[] = []
    const judged = [DROPPING]
    if (r.bend > (this.loop.isActive(DROPPING) ? HIP_BACK_ON_LINE_DEG : HIP_OFF_LINE_DEG)) faults.push(DROPPING)
    if (r.supportLean !== null) {
      judged.push(ELBOW)
      if (r.supportLean > (this.loop.isActive(ELBOW) ? SUPPORT_BACK_UNDER_DEG : SUPPORT_OFF_VERTICAL_DEG)) faults.push(ELBOW)
    }
    return this.loop.step({ tMs: body.tMs, inPosition: true, side: r.side, faults, judged })
  }

  interrupt(tMs: number, reason: string): EngineEvent[] {
    return this.loop.interrupt(tMs, reason)
  }

  finish(tMs: number): EngineEvent[] {
    return this.loop.finish(tMs)
  }

  reset(): void {
    this.offLineSinceMs = null
    this.loop.reset()
  }
}

export const sidePlank: ExerciseDefinition = {
  id: 'side-plank',
  name: 'Side plank',
  group: 'core',
  view: 'front',
  measure: 'hold',
  prescription: {
    sets: 1,
    holdSeconds: 15,
    perSide: true,
    restSeconds: 30,
    text: 'Start with 15 s per side; build to 45–60 s per side'
  },
  variants: [
    { id: 'forearm', label: 'On the forearm' },
    { id: 'straight-arm', label: 'On the hand (straight arm)' }
  ],
  requiredJoints: ['left_shoulder', 'left_elbow', 'left_hip', 'left_ankle'],
  cueIds: CUE_IDS,
  createTracker: () => new SidePlankTracker()
}
