/**
 * Camera view detection: is the runner side-on or front-on to the camera, and which way do they face.
 * `classifyView` is pure (one frame); `ViewTracker` adds hysteresis so the view does not flicker.
 */
import { distance, midpoint } from '../pose/geometry'
import type { Body } from './body'
import type { CameraView, EngineEvent } from './events'
import { proneYawDeg, SHOULDER_WIDTH_TO_TORSO } from './proneYaw'
import type { Facing, ViewReading } from './viewReading'

export type { Facing, ViewReading } from './viewReading'

/** Above this width/torso ratio the shoulders are spread across the image: front view (a side view foreshortens them to ~0). */
const FRONT_MIN_RATIO = 0.5
/** Below this the shoulders (or hips) nearly overlap: side view. Between the two the view is angled and kept as it was. */
const SIDE_MAX_RATIO = 0.3
/** Hips are ~0.7× shoulder width, so a hip-based ratio is scaled up to compare with the shoulder thresholds. */
const HIP_TO_SHOULDER_WIDTH = 1 / 0.7

/** One frame's view, from how wide the shoulders (or hips) look relative to the torso. */
export function classifyView(body: Body): ViewReading {
  const ls = body.point('left_shoulder')
  const rs = body.point('right_shoulder')
  const lh = body.point('left_hip')
  const rh = body.point('right_hip')
  const shoulderMid = ls && rs ? midpoint(ls, rs) : (ls ?? rs)
  const hipMid = lh && rh ? midpoint(lh, rh) : (lh ?? rh)
  if (!shoulderMid || !hipMid) return { view: 'unknown', facing: 'unknown', widthRatio: null }
  const torso = distance(shoulderMid, hipMid)
  if (torso === 0) return { view: 'unknown', facing: 'unknown', widthRatio: null }
  let ratio: number | null = null
  const yaw = proneYawDeg(body)
  if (yaw !== null) ratio = SHOULDER_WIDTH_TO_TORSO * Math.sin((yaw * Math.PI) / 180)
  else if (ls && rs) ratio = distance(ls, rs) / torso
  else if (lh && rh) ratio = (distance(lh, rh) / torso) * HIP_TO_SHOULDER_WIDTH
  if (ratio === null) {
    // Only one side is seen at all: that is what a side view looks like.
    return { view: 'side', facing: sideFacing(body), widthRatio: null }
  }
  const view: CameraView | 'unknown' = ratio >= FRONT_MIN_RATIO ? 'front' : ratio <= SIDE_MAX_RATIO ? 'side' : 'unknown'
  if (view === 'front' && ls && rs) {
    // Facing the camera mirrors the body: the runner's left shoulder is on the image right.
    return { view, facing: ls.x > rs.x ? 'camera' : 'away', widthRatio: ratio }
  }
  return { view, facing: view === 'side' ? sideFacing(body) : 'unknown', widthRatio: ratio }
}

/** In a side view, which image direction the front of the body points: toes ahead of heels, else nose ahead of the ears. */
function sideFacing(body: Body): Facing {
  const side = body.nearSide()
  if (!side) return 'unknown'
  const toe = body.point(`${side}_foot_index`)
  const heel = body.point(`${side}_heel`)
  if (toe && heel && Math.abs(toe.x - heel.x) > 0) return toe.x > heel.x ? 'right' : 'left'
  const nose = body.point('nose')
  const ear = body.point(`${side}_ear`)
  if (nose && ear && nose.x !== ear.x) return nose.x > ear.x ? 'right' : 'left'
  return 'unknown'
}

/** A new view must persist this long before it replaces the current one (a turn takes ~0.5 s). */
const VIEW_SETTLE_MS = 500

/** Tracks the stable view across frames and reports changes as 'view' events. */
export class ViewTracker {
  private current: ViewReading = { view: 'unknown', facing: 'unknown', widthRatio: null }
  private candidate: ViewReading | null = null
  private candidateSinceMs = 0

  /** The settled view. */
  get reading(): ViewReading {
    return this.current
  }

  update(body: Body): EngineEvent[] {
    const r = classifyView(body)
    // An angled in-between reading keeps the current view (hysteresis between the two thresholds).
    if (r.view === 'unknown') {
      this.candidate = null
      return []
    }
    if (r.view === this.current.view && r.facing === this.current.facing) {
      this.current = r
      this.candidate = null
      return []
    }
    if (!this.candidate || this.candidate.view !== r.view || this.candidate.facing !== r.facing) {
      this.candidate = r
      this.candidateSinceMs = body.tMs
      return []
    }
    if (body.tMs - this.candidateSinceMs < VIEW_SETTLE_MS) return []
    this.current = r
    this.candidate = null
    return [{ type: 'view', t: body.tMs, view: r.view, facing: r.facing }]
  }

  reset(): void {
    this.current = { view: 'unknown', facing: 'unknown', widthRatio: null }
    this.candidate = null
  }
}
