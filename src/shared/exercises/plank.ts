/**
 * Plank (../shared/exercises.md §2): side view, a hold timer that runs only while the
 * shoulder–hip–ankle line is straight. Cues: hips sagging, hips piked, and on the forearms
 * the elbows under the shoulders.
 */
import type { Body } from '../engine/body'
import { joint } from '../engine/body'
import type { EngineEvent, Side } from '../engine/events'
import type { InterruptibleTracker } from '../engine/tracker'
import { leanFromVertical, type Point2 } from '../pose/geometry'
import { HoldWithCues } from './plank-hold'
import {
  forearmOnFloor, lineFaults, lineTiltDeg, MAX_PLANK_TILT_DEG, OwnLine, sideOnHipBendDeg, STRAIGHT_KNEE_MIN_DEG
} from './plank-line'
import type { ExerciseDefinition } from './types'

const SAGGING = 'hips-sagging'
const PIKING = 'hips-piking'
const ELBOWS = 'elbows-under-shoulders'
const CUE_IDS = [SAGGING, PIKING, ELBOWS]

/**
 * Upper arm lean from vertical above which the elbow is not under the shoulder: 35° puts a ~30 cm
 * upper arm's elbow ~17 cm (a forearm's width and more) ahead of or behind the shoulder. Less reads
 * as stacked: the shoulder keypoint sits at the top of the joint and a low camera tilts the arm.
 */
export const ELBOW_OFF_VERTICAL_DEG = 35
/** Lean back under this before the elbow cue clears (hysteresis). */
export const ELBOW_BACK_UNDER_DEG = 28

/** The joints of one side in pixels; null where not seen. */
interface SideJoints {
  side: Side
  shoulder: Point2 | null
  elbow: Point2 | null
  wrist: Point2 | null
  hip: Point2 | null
  knee: Point2 | null
  ankle: Point2 | null
}

function sideJoints(body: Body, side: Side): SideJoints {
  const p = (part: 'shoulder' | 'elbow' | 'wrist' | 'hip' | 'knee' | 'ankle'): Point2 | null => body.point(joint(side, part))
  return { side, shoulder: p('shoulder'), elbow: p('elbow'), wrist: p('wrist'), hip: p('hip'), knee: p('knee'), ankle: p('ankle') }
}

/** The side nearer the camera, or the other one when the near side's body line is not fully seen. */
export function lineSide(body: Body): SideJoints | null {
  const near = body.nearSide()
  if (!near) return null
  for (const side of [near, near === 'left' ? 'right' : 'left'] as const) {
    const j = sideJoints(body, side)
    if (j.shoulder && j.hip && j.ankle) return j
  }
  return null
}

/** Why the body is not in a plank, or null when it is. */
export function notInPlank(j: SideJoints, body: Body): string | null {
  if (!j.shoulder || !j.hip || !j.ankle) return 'body line not seen'
  if (lineTiltDeg(j.shoulder, j.ankle) > MAX_PLANK_TILT_DEG) return 'not lying in a plank'
  const knee = body.angle(joint(j.side, 'hip'), joint(j.side, 'knee'), joint(j.side, 'ankle'))
  if (knee !== null && knee < STRAIGHT_KNEE_MIN_DEG) return 'knees bent'
  // Something must hold the shoulders up: an elbow (forearm plank) or a wrist below the shoulder.
  // Either arm will do: the model may see the far arm better (MoveNet's side scores are close).
  const other = j.side === 'left' ? 'right' : 'left'
  const support = j.elbow ?? j.wrist ?? body.point(joint(other, 'elbow')) ?? body.point(joint(other, 'wrist'))
  if (!support || support.y <= j.shoulder.y) return 'arms not under the body'
  return null
}

/** A fault with hysteresis: raised past `on`, kept until back under `off`. */
function past(value: number, on: number, off: number, active: boolean): boolean {
  return value > (active ? off : on)
}

export class PlankTracker implements InterruptibleTracker {
  private readonly loop = new HoldWithCues(CUE_IDS)
  private readonly ownLine = new OwnLine()

  update(body: Body): EngineEvent[] {
    const j = lineSide(body)
    const reason = j ? notInPlank(j, body) : 'body line not seen'
    if (!j || reason !== null) {
      return this.loop.step({ tMs: body.tMs, inPosition: false, side: null, reason: reason ?? undefined, faults: [], judged: [] })
    }
    const faults: string[] = []
    const judged: string[] = []
    // A head-on camera foreshortens the line: its bend cannot be judged there.
    if (body.view.view !== 'front') {
      judged.push(SAGGING, PIKING)
      const bend = sideOnHipBendDeg(body, j.shoulder!, j.hip!, j.ankle!)
      const reference = this.loop.open ? this.ownLine.update(body.tMs, bend) : null
      const line = lineFaults(bend, reference, this.loop.isActive(SAGGING), this.loop.isActive(PIKING))
      if (line.sagging) faults.push(SAGGING)
      if (line.piking) faults.push(PIKING)
      if (j.elbow && j.wrist && forearmOnFloor(j.elbow, j.wrist)) {
        judged.push(ELBOWS)
        const lean = leanFromVertical(j.elbow, j.shoulder!)
        if (past(lean, ELBOW_OFF_VERTICAL_DEG, ELBOW_BACK_UNDER_DEG, this.loop.isActive(ELBOWS))) faults.push(ELBOWS)
      }
    }
    const events = this.loop.step({ tMs: body.tMs, inPosition: true, side: null, faults, judged })
    if (!this.loop.open) this.ownLine.reset()
    return events
  }

  interrupt(tMs: number, reason: string): EngineEvent[] {
    return this.loop.interrupt(tMs, reason)
  }

  finish(tMs: number): EngineEvent[] {
    return this.loop.finish(tMs)
  }

  reset(): void {
    this.ownLine.reset()
    this.loop.reset()
  }
}

export const plank: ExerciseDefinition = {
  id: 'plank',
  name: 'Plank',
  group: 'core',
  view: 'side',
  measure: 'hold',
  prescription: {
    sets: 2,
    holdSeconds: 30,
    perSide: false,
    restSeconds: 60,
    text: 'Hold 30–60 s, once or twice (beginners 10–30 s, building to 60 s or more)'
  },
  variants: [
    { id: 'forearm', label: 'On the forearms' },
    { id: 'straight-arm', label: 'On the hands (straight arms)' }
  ],
  requiredJoints: ['left_shoulder', 'left_elbow', 'left_hip', 'left_ankle'],
  cueIds: CUE_IDS,
  createTracker: () => new PlankTracker()
}
