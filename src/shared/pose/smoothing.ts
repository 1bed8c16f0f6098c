/**
 * Per-keypoint One Euro smoothing of whole PoseFrames, in pixel space (so the filter's speed term
 * means the same on every axis). Output keeps the PoseFrame shape with normalised coordinates.
 */
import { DEFAULT_ONE_EURO, OneEuroFilter, type OneEuroParams } from './filters'
import type { Keypoint, KeypointName, PoseFrame } from './types'

export class KeypointSmoother {
  private readonly filters = new Map<KeypointName, { x: OneEuroFilter; y: OneEuroFilter }>()

  constructor(private readonly params: OneEuroParams = DEFAULT_ONE_EURO) {}

  /** Returns a smoothed copy of `frame`; frames without a person reset the filters. */
  apply(frame: PoseFrame): PoseFrame {
    if (frame.keypoints.length === 0) {
      this.reset()
      return frame
    }
    const w = frame.imageWidth
    const h = frame.imageHeight
    const keypoints: Keypoint[] = frame.keypoints.map((kp) => {
      let f = this.filters.get(kp.name)
      if (!f) {
        f = { x: new OneEuroFilter(this.params), y: new OneEuroFilter(this.params) }
        this.filters.set(kp.name, f)
      }
      return {
        name: kp.name,
        x: f.x.apply(kp.x * w, frame.timestampMs) / w,
        y: f.y.apply(kp.y * h, frame.timestampMs) / h,
        score: kp.score
      }
    })
    return { ...frame, keypoints }
  }

  reset(): void {
    this.filters.clear()
  }
}
