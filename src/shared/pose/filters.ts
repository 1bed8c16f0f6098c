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

/** Smoothing factor of a first-order low-pass with cut-off `cutOffHz` sampled every `dtS` seconds. */
function alphaFor(cutOffHz: number, dtS: number): number {
  const tau = 1 / (2 * Math.PI * cutOffHz)
  return 1 / (1 + tau / dtS)
}
