/**
 * A camera looking down on a runner who is on the floor (on a shelf, the ceiling, a phone held overhead)
 * instead of a laptop on the floor beside them. From above, a push-up or plank moves along the camera's
 * axis: depth, hip sag and rep range cannot be measured, so nothing is counted and the runner is told
 * where the camera should go. What the picture does show is judged: the arms' angle to the body lies in
 * the picture plane (see `elbowAbductionDeg`).
 *
 * The reading is geometric, from one frame, and then settled over a second (`CameraAboveTracker`):
 * - square-on: the shoulders spread across at least 0.45 of the shoulder-to-hip length, and at most 0.83
 *   (a torso seen at full length, 1.2 shoulder widths; a head-on floor camera foreshortens it below that);
 * - the shoulder line crosses the torso at 60° or more: seen from above (or from the front, standing) the
 *   two are perpendicular, while a camera at floor height sees every horizontal line of a lying body near
 *   the horizon, so its shoulder line and torso run nearly parallel (angled and side views);
 * - the hands are 0.12 m or more further from the camera than the shoulders (BlazePose world landmarks):
 *   the arms reach down to the floor, away from a camera above. Standing seen from the front they hang
 *   beside the body (±0.05 m) or reach towards the camera.
 * Measured on every frame of our footage (BlazePose Full fixtures): the overhead push-up clip meets all
 * three on 100 % of its frames with a person; no other clip (side, angled and head-on push-ups, planks,
 * standing exercises) on more than 5 %.
 */
import type { WorldLandmark } from '../pose/types'
import type { Body } from './body'

export const ABOVE_MIN_SHOULDERS_TORSO = 0.45
export const ABOVE_MAX_SHOULDERS_TORSO = 1 / 1.2
export const ABOVE_MIN_SHOULDER_LINE_DEG = 60
export const ABOVE_HANDS_BEHIND_M = 0.12

/** Whether this one frame looks like a body on the floor seen from above (see the module comment). */
export function seenFromAbove(body: Body, world: readonly WorldLandmark[] | undefined): boolean {
  if (!world || world.length === 0) return false
  const ls = body.point('left_shoulder')
  const rs = body.point('right_shoulder')
  const lh = body.point('left_hip')
  const rh = body.point('right_hip')
  if (!ls || !rs || !lh || !rh) return false
  const shoulders = { x: (ls.x + rs.x) / 2, y: (ls.y + rs.y) / 2 }
  const hips = { x: (lh.x + rh.x) / 2, y: (lh.y + rh.y) / 2 }
  const torso = Math.hypot(hips.x - shoulders.x, hips.y - shoulders.y)
  const width = Math.hypot(rs.x - ls.x, rs.y - ls.y)
  if (torso === 0 || width < ABOVE_MIN_SHOULDERS_TORSO * torso || width > ABOVE_MAX_SHOULDERS_TORSO * torso) return false
  const cos = Math.abs((hips.x - shoulders.x) * (rs.x - ls.x) + (hips.y - shoulders.y) * (rs.y - ls.y)) / (torso * width)
  if (cos > Math.cos((ABOVE_MIN_SHOULDER_LINE_DEG * Math.PI) / 180)) return false
  const z = (name: string): number | null => world.find((w) => w.name === name)?.z ?? null
  const [lw, rw, lsz, rsz] = [z('left_wrist'), z('right_wrist'), z('left_shoulder'), z('right_shoulder')]
  if (lw === null || rw === null || lsz === null || rsz === null) return false
  return (lw - lsz + (rw - rsz)) / 2 >= ABOVE_HANDS_BEHIND_M
}

/**
 * Each upper arm's angle to the body in the picture, degrees (0 = along the body towards the hips,
 * 90 = straight out to the side), measured as the labels of our footage measure it: shoulder → elbow
 * against that shoulder → mid-hip. Seen from above the angle lies in the picture plane. Null for an arm
 * whose upper arm is shorter in the picture than 0.3 of the torso: it points at or away from the camera
 * (straight arms under the shoulders), and its direction in the picture is noise.
 */
export function elbowAbductionDeg(body: Body): { left: number | null; right: number | null } {
  const lh = body.point('left_hip')
  const rh = body.point('right_hip')
  const ls = body.point('left_shoulder')
  const rs = body.point('right_shoulder')
  if (!lh || !rh || !ls || !rs) return { left: null, right: null }
  const hips = { x: (lh.x + rh.x) / 2, y: (lh.y + rh.y) / 2 }
  const torso = Math.hypot(hips.x - (ls.x + rs.x) / 2, hips.y - (ls.y + rs.y) / 2)
  const one = (side: 'left' | 'right'): number | null => {
    const shoulder = side === 'left' ? ls : rs
    const elbow = body.point(`${side}_elbow`)
    if (!elbow) return null
    const arm = { x: elbow.x - shoulder.x, y: elbow.y - shoulder.y }
    const down = { x: hips.x - shoulder.x, y: hips.y - shoulder.y }
    const a = Math.hypot(arm.x, arm.y)
    const d = Math.hypot(down.x, down.y)
    if (a < MIN_UPPER_ARM_TORSO * torso || d === 0) return null
    const cos = Math.max(-1, Math.min(1, (arm.x * down.x + arm.y * down.y) / (a * d)))
    return (Math.acos(cos) * 180) / Math.PI
  }
  return { left: one('left'), right: one('right') }
}

/** Shorter than this (torso lengths) in the picture, an upper arm points along the camera's axis. */
export const MIN_UPPER_ARM_TORSO = 0.3

/** The share of the last second's frames that must read "from above" to settle on it, and to leave it. */
export const ABOVE_ON_SHARE = 0.6
export const ABOVE_OFF_SHARE = 0.3
export const ABOVE_WINDOW_MS = 1000
/** Fewer frames than this in the window (a person just found) decide nothing yet. */
export const ABOVE_MIN_FRAMES = 8

/** Settles `seenFromAbove` over the last second with hysteresis, so one odd frame does not flip it. */
export class CameraAboveTracker {
  private samples: { tMs: number; above: boolean }[] = []
  private settled = false

  /** Whether the camera is settled as looking down from above. */
  get above(): boolean {
    return this.settled
  }

  update(body: Body, world: readonly WorldLandmark[] | undefined): boolean {
    if (body.hasPerson) this.samples.push({ tMs: body.tMs, above: seenFromAbove(body, world) })
    this.samples = this.samples.filter((s) => body.tMs - s.tMs <= ABOVE_WINDOW_MS)
    if (this.samples.length >= ABOVE_MIN_FRAMES) {
      const share = this.samples.filter((s) => s.above).length / this.samples.length
      if (!this.settled && share >= ABOVE_ON_SHARE) this.settled = true
      else if (this.settled && share <= ABOVE_OFF_SHARE) this.settled = false
    }
    return this.settled
  }

  reset(): void {
    this.samples = []
    this.settled = false
  }
}
