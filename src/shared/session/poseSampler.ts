/**
 * Chooses which pose frames go into the journal: about 15 per second, whatever the camera rate.
 * Enough to replay a rep's shape in review, a quarter of the disk a 30–60 fps camera would need.
 */

/** Journal pose rate, frames per second. */
export const JOURNAL_POSE_FPS = 15
const INTERVAL_MS = 1000 / JOURNAL_POSE_FPS
/** Camera timestamps jitter by a few ms; without slack a 30 fps camera would alternate 15 and 10 fps. */
const JITTER_SLACK_MS = 8

export class PoseSampler {
  private lastKeptMs: number | null = null

  /** True when the frame at this time (frame clock, ms) should be journaled. */
  accept(timestampMs: number): boolean {
    if (this.lastKeptMs !== null && timestampMs >= this.lastKeptMs && timestampMs - this.lastKeptMs < INTERVAL_MS - JITTER_SLACK_MS) {
      return false
    }
    // A clock that went backwards (new video, camera restart) starts over.
    this.lastKeptMs = timestampMs
    return true
  }

  reset(): void {
    this.lastKeptMs = null
  }
}
