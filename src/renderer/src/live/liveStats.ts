/**
 * Rolling numbers for the live view's readout (frames/s, inference ms, latency), kept in a class
 * because they span frames. Updated per pose outside React; read a few times a second.
 */

/** Window the frame rate is measured over: long enough to be steady, short enough to react. */
export const FPS_WINDOW_MS = 1000
/** Samples the inference and latency medians are taken over (about a second at 30 fps). */
export const MEDIAN_SAMPLES = 30

export interface LiveStatsSnapshot {
  /** Poses per second over the last FPS_WINDOW_MS. */
  fps: number
  /** Median model time per frame, ms. */
  inferenceMs: number | null
  /** Median capture-to-pose latency, ms. */
  latencyMs: number | null
  /** Poses received since start. */
  poses: number
  /** Poses with a person found. */
  withPerson: number
}

function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]
}

export class LiveStats {
  private arrivals: number[] = []
  private inference: number[] = []
  private latency: number[] = []
  private poses = 0
  private withPerson = 0

  /**
   * @param nowMs arrival time on the UI clock, ms
   * @param inferenceMs model time, ms
   * @param latencyMs capture-to-pose time, ms
   */
  add(nowMs: number, inferenceMs: number | undefined, latencyMs: number, personFound: boolean): void {
    this.poses++
    if (personFound) this.withPerson++
    this.arrivals.push(nowMs)
    while (this.arrivals.length > 0 && this.arrivals[0] < nowMs - FPS_WINDOW_MS) this.arrivals.shift()
    if (inferenceMs !== undefined) push(this.inference, inferenceMs)
    if (Number.isFinite(latencyMs)) push(this.latency, latencyMs)
  }

  snapshot(nowMs: number): LiveStatsSnapshot {
    const recent = this.arrivals.filter((t) => t >= nowMs - FPS_WINDOW_MS)
    return { fps: recent.length * (1000 / FPS_WINDOW_MS), inferenceMs: medianOf(this.inference), latencyMs: medianOf(this.latency), poses: this.poses, withPerson: this.withPerson }
  }

  reset(): void {
    this.arrivals = []
    this.inference = []
    this.latency = []
    this.poses = 0
    this.withPerson = 0
  }
}

function push(list: number[], value: number): void {
  list.push(value)
  if (list.length > MEDIAN_SAMPLES) list.shift()
}
