/**
 * Back-pressure inside the pose worker (pose.worker.ts): at most one frame being estimated and one
 * waiting. A newer frame replaces the waiting one (which is released at once), so a slow model
 * drops stale frames instead of building a queue that grows latency without bound.
 */
export interface SlotFrame {
  /** Released when the frame is dropped or disposed without being sent (e.g. ImageBitmap.close). */
  release(): void
}

export type SubmitOutcome = 'sent' | 'queued' | 'replaced'

export class FrameSlot<T extends SlotFrame> {
  private inFlight: T | null = null
  private waiting: T | null = null
  private dropped = 0

  /** @param send starts estimating a frame; complete() when it is done. */
  constructor(private readonly send: (frame: T) => void) {}

  /** Offers a new frame: sent now if nothing is in flight, else parked (replacing any parked one). */
  submit(frame: T): SubmitOutcome {
    if (this.inFlight === null) {
      this.inFlight = frame
      this.send(frame)
      return 'sent'
    }
    const replaced = this.waiting !== null
    if (this.waiting !== null) {
      this.waiting.release()
      this.dropped++
    }
    this.waiting = frame
    return replaced ? 'replaced' : 'queued'
  }

  /** The worker answered the in-flight frame: send the waiting one, if any. */
  complete(): void {
    this.inFlight = null
    const next = this.waiting
    this.waiting = null
    if (next !== null) {
      this.inFlight = next
      this.send(next)
    }
  }

  /** True while a frame is parked behind the in-flight one (the source may pause instead of grabbing more). */
  get hasWaiting(): boolean {
    return this.waiting !== null
  }

  get busy(): boolean {
    return this.inFlight !== null
  }

  /** Frames replaced before they reached the worker, since creation. */
  get droppedCount(): number {
    return this.dropped
  }

  /** Releases the parked frame and forgets the in-flight one (it belongs to the worker now). */
  clear(): void {
    this.waiting?.release()
    this.waiting = null
    this.inFlight = null
  }
}
