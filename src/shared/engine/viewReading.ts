/**
 * The camera view as the engine settles it: plain data, kept apart from the classifier (view.ts) so the
 * Body wrapper can carry a reading without importing the code that computes one.
 */
import type { CameraView } from './events'

export type Facing = 'left' | 'right' | 'camera' | 'away' | 'unknown'

export interface ViewReading {
  view: CameraView | 'unknown'
  facing: Facing
  /**
   * Shoulder (or hip) width over torso length, both in pixels: ~0.6–1 front-on, ~0–0.3 side-on. For a
   * prone body (push-up, plank) the standing-equivalent ratio at the same camera yaw (see proneYaw.ts).
   */
  widthRatio: number | null
}

/** No settled view yet. */
export const UNKNOWN_VIEW: ViewReading = { view: 'unknown', facing: 'unknown', widthRatio: null }
