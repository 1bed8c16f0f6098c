/**
 * One distance reading for placement, with hysteresis. Too close, the model loses the body every other
 * frame, so the raw check flickers between "Step back" and "step into view" each second; this keeps
 * "Step back" until the runner is seen whole (or clearly gone for a while). Too far is said as "come
 * closer", never as "step into view", while a person is seen at all (issue 11, item 5).
 */
import type { PlacementIssue, PlacementResult } from './placement'

/** A lost body within this long after "too close" is still "too close": the model drops a cut-off body in bursts. */
export const TOO_CLOSE_STICKY_MS = 3000

const STEP_BACK = 'Step back'

export class DistanceHysteresis {
  private tooCloseAtMs: number | null = null

  /** The verdict to show at `nowMs` (ms, any monotonic clock), given the raw placement check. */
  apply(verdict: PlacementResult, nowMs: number): PlacementResult {
    const issue: PlacementIssue | null = verdict.issue
    if (issue === 'too-close') {
      this.tooCloseAtMs = nowMs
      return verdict
    }
    const recentlyTooClose = this.tooCloseAtMs !== null && nowMs - this.tooCloseAtMs < TOO_CLOSE_STICKY_MS
    if (recentlyTooClose && (issue === 'no-person' || issue === 'feet-hidden' || issue === 'head-hidden' || issue === 'joints-hidden')) {
      return { ...verdict, issue: 'too-close', guidance: STEP_BACK }
    }
    if (issue !== 'no-person') this.tooCloseAtMs = null
    return verdict
  }

  reset(): void {
    this.tooCloseAtMs = null
  }
}
