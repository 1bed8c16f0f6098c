/**
 * Moves frames from a playing <video> into the pose worker, one per presented video frame
 * (requestVideoFrameCallback). Each frame is wrapped as a VideoFrame (the decoder's or camera's
 * buffer, no pixel copy on this thread) and transferred; the worker scales and reads it. Where
 * WebCodecs is missing, createImageBitmap copies and scales it here instead. A file waits on its first frame
 * until the model is ready. In 'fast' mode a file stops on every frame it presents and goes on only
 * once the worker has room: every frame is analysed, as fast as the model allows up to 1× playback
 * (measured: 2× let one frame in six slip past between two rendering steps; 1× loses none).
 */

import { MAX_ANALYSIS_WIDTH } from '../pose/frameInput'
import type { PoseImage } from '../pose/protocol'

/** Playback rate while analysing every frame; each frame pauses the file until the worker has room. */
export const FAST_PLAYBACK_RATE = 1

export type PumpMode = 'realtime' | 'fast'

/** Where frames go (PoseClient): takes ownership of the frame (transfers or closes it). */
export interface FrameSink {
  submit(image: PoseImage, timestampMs: number, capturedAtMs: number): unknown
  /** True when a frame already waits for the worker. */
  readonly saturated: boolean
  /** True while a frame is with the worker. */
  readonly busy: boolean
  /** True while the model is still loading (or measuring backends). */
  readonly loading: boolean
}

export interface FramePumpStats {
  /** Frames grabbed from the video and handed to the sink. */
  grabbed: number
  /** Video frames the browser presented but we never saw (too slow or paused). */
  missed: number
}

export class FramePump {
  private handle: number | null = null
  private running = false
  private lastTimestamp = -Infinity
  private lastPresented: number | null = null
  private waitingForRoom = false
  /** Grabs (createImageBitmap) started but not yet handed to the sink: in fast mode they hold the file still. */
  private grabsPending = 0
  readonly stats: FramePumpStats = { grabbed: 0, missed: 0 }

  /**
   * @param clock 'media' = media time of the file (seconds → ms); 'capture' = camera capture time
   */
  constructor(
    private readonly video: HTMLVideoElement,
    private readonly sink: FrameSink,
    private readonly mode: PumpMode,
    private readonly clock: 'media' | 'capture'
  ) {}

  start(): void {
    if (this.running) return
    this.running = true
    if (this.mode === 'fast') this.video.playbackRate = FAST_PLAYBACK_RATE
    this.schedule()
  }

  /** Call when the sink finished a frame: a paused file resumes. */
  notifyRoom(): void {
    if (this.running && this.waitingForRoom && !this.mustWait() && this.grabsPending === 0) {
      this.waitingForRoom = false
      void this.video.play().catch(() => undefined)
    }
  }

  stop(): void {
    this.running = false
    if (this.handle !== null) this.video.cancelVideoFrameCallback(this.handle)
    this.handle = null
  }

  dispose(): void {
    this.stop()
  }

  /**
   * A file pauses while the model loads (its first frame is used to measure backends) and, in
   * fast mode, while a frame already waits. A camera never pauses: it is live.
   */
  private mustWait(): boolean {
    if (this.clock !== 'media') return false
    return (this.sink.loading && this.sink.busy) || (this.mode === 'fast' && this.sink.saturated)
  }

  private schedule(): void {
    this.handle = this.video.requestVideoFrameCallback((now, metadata) => this.onFrame(now, metadata))
  }

  private onFrame(now: number, metadata: VideoFrameCallbackMetadata): void {
    if (!this.running) return
    // Stop on this frame before the next can be presented; it goes on once the frame is handed over.
    const stepping = this.mode === 'fast' && this.clock === 'media'
    if (stepping) this.video.pause()
    this.schedule()
    if (this.lastPresented !== null) this.stats.missed += Math.max(0, metadata.presentedFrames - this.lastPresented - 1)
    this.lastPresented = metadata.presentedFrames
    const timestampMs = this.clock === 'media' ? metadata.mediaTime * 1000 : (metadata.captureTime ?? metadata.expectedDisplayTime ?? now)
    // PoseFrame timestamps must be monotonic: a seek backwards or a repeated frame is skipped.
    if (!(timestampMs > this.lastTimestamp)) {
      // A grab still in flight resumes the file itself once it is handed over.
      if (stepping && this.grabsPending === 0) this.resumeWhenRoom()
      return
    }
    this.lastTimestamp = timestampMs
    const capturedAtMs = performance.now()
    this.grabsPending++
    grabFrame(this.video, metadata, timestampMs).then(
      (image) => {
        this.grabsPending--
        if (!this.running) return image.close()
        this.stats.grabbed++
        this.sink.submit(image, timestampMs, capturedAtMs)
        if (stepping) this.resumeWhenRoom()
        else if (this.mustWait()) {
          this.waitingForRoom = true
          this.video.pause()
        }
      },
      () => {
        // The video was torn down between the callback and the grab (or this frame could not be read).
        this.grabsPending--
        if (stepping && this.running) this.resumeWhenRoom()
      }
    )
  }

  /** Fast mode: play on to the next frame now if the worker has room, else when notifyRoom() says so. */
  private resumeWhenRoom(): void {
    if (this.video.ended || this.grabsPending > 0) return
    if (this.mustWait()) {
      this.waitingForRoom = true
      return
    }
    void this.video.play().catch(() => undefined)
  }
}

/**
 * The presented frame as something the worker can take: a VideoFrame (wraps the frame, no copy) or,
 * without WebCodecs or when the element refuses, an ImageBitmap scaled to the analysis width (a copy).
 */
export function grabFrame(video: HTMLVideoElement, metadata: VideoFrameCallbackMetadata, timestampMs: number): Promise<PoseImage> {
  if (typeof VideoFrame !== 'undefined') {
    try {
      return Promise.resolve(new VideoFrame(video, { timestamp: Math.round(timestampMs * 1000) }))
    } catch {
      // No frame yet, or a source WebCodecs cannot wrap: copy it instead.
    }
  }
  const scale = Math.min(1, MAX_ANALYSIS_WIDTH / metadata.width)
  return createImageBitmap(video, { resizeWidth: Math.round(metadata.width * scale), resizeHeight: Math.round(metadata.height * scale), resizeQuality: 'medium' })
}
