/**
 * Where frames wait inside the pose worker: one is estimated, the newest waits, and a newer one
 * replaces it (closed unread and answered 'frame-dropped'). The next frame is already in the worker
 * when a pose is posted, so no round trip through a busy UI thread separates two inferences.
 */
import { FrameSlot } from './frameSlot'
import type { FrameRequest, WorkerReply } from './protocol'

type QueuedFrame = FrameRequest & { release(): void }

/**
 * Resolves in a new task, after the messages already queued for this thread (a MessageChannel message
 * goes behind them; setTimeout would be clamped to 4 ms once nested).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

export class FrameMailbox {
  private readonly slot: FrameSlot<QueuedFrame>

  /**
   * @param schedule runs a task after the worker's earlier ones (init, other frames), in order
   * @param estimate estimates one frame and closes it
   * @param reply posts a message to the client
   * @param yieldToEvents resolves once the frames that arrived meanwhile have been put here. On WASM a whole
   *   estimate runs in microtasks, so without this the worker would take frames in arrival order, never
   *   replacing one, and a slow model's latency would grow without bound (measured: 757 ms p50).
   */
  constructor(
    schedule: (task: () => Promise<void>) => void,
    estimate: (frame: FrameRequest) => Promise<void>,
    private readonly reply: (message: WorkerReply) => void,
    yieldToEvents: () => Promise<void> = nextTask
  ) {
    this.slot = new FrameSlot<QueuedFrame>((frame) => schedule(async () => {
      try {
        await estimate(frame)
      } finally {
        await yieldToEvents()
        this.slot.complete()
      }
    }))
  }

  /** A frame arrived from the client. */
  put(request: FrameRequest): void {
    this.slot.submit({
      ...request,
      release: () => {
        request.image.close()
        this.reply({ type: 'frame-dropped', id: request.id })
      }
    })
  }
}
