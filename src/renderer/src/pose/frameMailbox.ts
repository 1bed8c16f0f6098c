/**
 * Where frames wait inside the pose worker: one is estimated, the newest waits, and a newer one
 * replaces it (closed unread and answered 'frame-dropped'). The next frame is already in the worker
 * when a pose is posted, so no round trip through a busy UI thread separates two inferences.
 */
import { FrameSlot } from './frameSlot'
import type { FrameRequest, WorkerReply } from './protocol'

type QueuedFrame = FrameRequest & { release(): void }

export class FrameMailbox {
  private readonly slot: FrameSlot<QueuedFrame>

  /**
   * @param schedule runs a task after the worker's earlier ones (init, other frames), in order
   * @param estimate estimates one frame and closes it
   * @param reply posts a message to the client
   */
  constructor(
    schedule: (task: () => Promise<void>) => void,
    estimate: (frame: FrameRequest) => Promise<void>,
    private readonly reply: (message: WorkerReply) => void
  ) {
    this.slot = new FrameSlot<QueuedFrame>((frame) => schedule(async () => {
      try {
        await estimate(frame)
      } finally {
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
