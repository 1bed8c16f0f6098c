/**
 * Hands-free control from poses the camera already sees. Read only while the runner stands facing the
 * camera, which none of the routine's exercises is done in with a hand raised alone or the arms crossed
 * over the head (tested on every exercise's footage in gestures.test.ts):
 * - one hand held above the head, the other below the shoulders, for a second: pause / go on;
 * - both forearms crossed above the head (an X), for a second: skip.
 * Pure per-frame reading plus a small class that holds the timing (state across frames).
 */
import { createBody, type Body } from '../engine/body'
import { classifyView } from '../engine/view'
import { leanFromVertical, midpoint, distance } from '../pose/geometry'
import type { PoseFrame } from '../pose/types'

export type Gesture = 'pause' | 'skip'
type Signal = 'one-hand-up' | 'arms-crossed-up'

/** A wrist this far above the nose, in torso lengths, is a hand raised on purpose (not a hand by the face). */
export const HAND_ABOVE_HEAD_TORSO = 0.25
/** The signal must be held this long: a wave or a passing arm never lasts a second. */
export const GESTURE_HOLD_MS = 1000
/** A dropped frame or two inside a held signal does not restart it. */
export const GESTURE_GAP_MS = 250
/** After a gesture fires, the hands must come down for this long before the next one counts. */
export const GESTURE_RELEASE_MS = 500
/** Wrists crossed by at least this many torso lengths (past each other in x) make the X. */
export const CROSSED_MIN_TORSO = 0.05
/** Torso within this many degrees of vertical: standing (gestures are given standing). */
const UPRIGHT_MAX_LEAN_DEG = 25

/** What the hands say in one frame, or null. */
export function handSignal(frame: PoseFrame): Signal | null {
  const body = createBody(frame)
  const ls = body.point('left_shoulder')
  const rs = body.point('right_shoulder')
  const lh = body.point('left_hip')
  const rh = body.point('right_hip')
  const nose = body.point('nose')
  if (!ls || !rs || !lh || !rh || !nose) return null
  const sh = midpoint(ls, rs)
  const torso = distance(sh, midpoint(lh, rh))
  if (torso === 0 || leanFromVertical(midpoint(lh, rh), sh) > UPRIGHT_MAX_LEAN_DEG) return null
  if (classifyView(body).view !== 'front') return null
  const lw = body.point('left_wrist')
  const rw = body.point('right_wrist')
  const up = (w: typeof lw) => w !== null && nose.y - w.y >= HAND_ABOVE_HEAD_TORSO * torso
  const low = (w: typeof lw) => w !== null && w.y > sh.y
  if (up(lw) && up(rw)) return crossed(body, torso) ? 'arms-crossed-up' : null
  if ((up(lw) && low(rw)) || (up(rw) && low(lw))) return 'one-hand-up'
  return null
}

/** Wrists on the opposite sides of each other from the shoulders: forearms crossed. */
function crossed(body: Body, torso: number): boolean {
  const ls = body.point('left_shoulder')!
  const rs = body.point('right_shoulder')!
  const lw = body.point('left_wrist')!
  const rw = body.point('right_wrist')!
  const shoulders = Math.sign(ls.x - rs.x)
  return shoulders !== 0 && (lw.x - rw.x) * shoulders <= -CROSSED_MIN_TORSO * torso
}

/** Turns per-frame signals into gestures: held for a second, fired once, then released. */
export class GestureDetector {
  private signal: Signal | null = null
  private sinceMs = 0
  private lastSeenMs = -Infinity
  private fired = false

  /** One frame (timestamp order); returns the gesture completed on this frame, if any. */
  update(frame: PoseFrame): Gesture | null {
    const t = frame.timestampMs
    const s = handSignal(frame)
    if (s === null) {
      if (t - this.lastSeenMs > (this.fired ? GESTURE_RELEASE_MS : GESTURE_GAP_MS)) {
        this.signal = null
        this.fired = false
      }
      return null
    }
    if (s !== this.signal) {
      this.signal = s
      this.sinceMs = t
      this.fired = false
    }
    this.lastSeenMs = t
    if (this.fired || t - this.sinceMs < GESTURE_HOLD_MS) return null
    this.fired = true
    return s === 'one-hand-up' ? 'pause' : 'skip'
  }

  reset(): void {
    this.signal = null
    this.fired = false
    this.lastSeenMs = -Infinity
  }
}
