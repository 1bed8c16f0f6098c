/**
 * Smoothing filters with state across frames (`apply` / `reset`), after tfjs-models pose-detection's
 * low-pass and One Euro filters. Timestamps are milliseconds; values are in whatever unit the caller
 * uses (pixels for keypoints), and the One Euro parameters are in that unit per second.
 */

/** Exponential low-pass filter: y = alpha * x + (1 - alpha) * y_prev. */
export class LowPassFilter {
  private stored: number | null = null

  apply(value: number, alpha: number): number {
    this.stored = this.stored === null ? value : alpha * value + (1 - alpha) * this.stored
    return this.stored
  }

  /** The last output, or null before the first value. */
  last(): number | null {
    return this.stored
  }

  reset(): void {
    this.stored = null
  }
}

export interface OneEuroParams {
  /** Cut-off frequency at rest, Hz: lower = smoother but laggier when still. */
  minCutOff: number
  /** Speed coefficient: higher = less lag on fast moves (cut-off grows with speed in units/s). */
  beta: number
  /** Cut-off used to smooth the speed estimate itself, Hz. */
  derivateCutOff: number
}

/** Defaults for keypoints in pixels at webcam frame rates: steady when still, follows a rep without lag. */
export const DEFAULT_ONE_EURO: OneEuroParams = { minCutOff: 1.5, beta: 0.01, derivateCutOff: 1 }

/** A gap longer than this restarts the filter rather than smoothing across a cut or dropout. */
const MAX_GAP_MS = 500

/**
 * One Euro filter (Casiez et al. 2012): an adaptive low-pass whose cut-off rises with speed.
 * Uses the frame timestamps, so uneven frame rates are handled.
 */
export class OneEuroFilter {
  private readonly x = new LowPassFilter()
  private readonly dx = new LowPassFilter()
  private lastMs: number | null = null

  constructor(private readonly params: OneEuroParams = DEFAULT_ONE_EURO) {
    if (!(params.minCutOff > 0) || !(params.derivateCutOff > 0) || !(params.beta >= 0)) {
      throw new Error(
        `OneEuroFilter: got minCutOff=${params.minCutOff}, beta=${params.beta}, derivateCutOff=${params.derivateCutOff}; ` +
          'expected both cut-offs > 0 Hz and beta >= 0'
      )
    }
  }

  /** Smooths `value` observed at `timestampMs` (monotonic). */
  apply(value: number, timestampMs: number): number {
    const prevMs = this.lastMs
    const prev = this.x.last()
    if (prevMs === null || prev === null || timestampMs <= prevMs || timestampMs - prevMs > MAX_GAP_MS) {
      this.reset()
      this.lastMs = timestampMs
      this.dx.apply(0, 1)
      return this.x.apply(value, 1)
    }
    const dtS = (timestampMs - prevMs) / 1000
    this.lastMs = timestampMs
    const speed = this.dx.apply((value - prev) / dtS, alphaFor(this.params.derivateCutOff, dtS))
    const cutOff = this.params.minCutOff + this.params.beta * Math.abs(speed)
    return this.x.apply(value, alphaFor(cutOff, dtS))
  }

  reset(): void {
    this.x.reset()
    this.dx.reset()
    this.lastMs = null
  }
}

/**
 * Time constant of the keypoint-score low-pass, ms. BlazePose's own pipeline smooths each landmark's
 * visibility with a low-pass of alpha 0.1 per frame before anything reads it (MediaPipe's
 * VisibilitySmoothingCalculator in pose_landmark_filtering.pbtxt; tfjs pose-detection's
 * BLAZEPOSE_VISIBILITY_SMOOTHING_CONFIG), and the 0.5 seen/unseen line the engine uses is the one
 * MediaPipe's drawing utilities apply to those smoothed values. At the camera's 30 frames/s, alpha 0.1 is
 * a time constant of dt·(1/alpha − 1) = 33.3 ms × 9 = 300 ms; kept in time here so that 15 frames/s, or a
 * worker that drops frames, smooths alike.
 */
export const VISIBILITY_TIME_CONSTANT_MS = 300

/**
 * Low-pass of a keypoint score (0..1) over real frame intervals, as BlazePose's own visibility smoothing
 * (see VISIBILITY_TIME_CONSTANT_MS): a score hovering at the seen/unseen line does not flicker across it
 * frame by frame, so which frames a worker happens to drop does not decide whether a joint is seen.
 * KeypointSmoother keeps the larger of this and the frame's own score, so it never delays a joint coming
 * into view (right after the body is found again, the first frames' scores are often low and then rise).
 * Restarts after a gap longer than MAX_GAP_MS, as the One Euro filter does.
 */
export class VisibilityFilter {
  private readonly low = new LowPassFilter()
  private lastMs: number | null = null

  constructor(private readonly timeConstantMs: number = VISIBILITY_TIME_CONSTANT_MS) {
    if (!(timeConstantMs >= 0)) throw new Error(`VisibilityFilter: got timeConstantMs=${timeConstantMs}; expected >= 0`)
  }

  /** Smooths `score` observed at `timestampMs` (monotonic). */
  apply(score: number, timestampMs: number): number {
    const prevMs = this.lastMs
    this.lastMs = timestampMs
    if (prevMs === null || timestampMs <= prevMs || timestampMs - prevMs > MAX_GAP_MS) {
      this.low.reset()
      return this.low.apply(score, 1)
    }
    const dtMs = timestampMs - prevMs
    return this.low.apply(score, dtMs / (dtMs + this.timeConstantMs))
  }

  reset(): void {
    this.low.reset()
    this.lastMs = null
  }
}

/** Smoothing factor of a first-order low-pass with cut-off `cutOffHz` sampled every `dtS` seconds. */
function alphaFor(cutOffHz: number, dtS: number): number {
  const tau = 1 / (2 * Math.PI * cutOffHz)
  return 1 / (1 + tau / dtS)
}
