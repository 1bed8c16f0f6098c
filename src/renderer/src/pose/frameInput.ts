/**
 * Turning a transferred frame into the pixels the model reads, inside the pose worker. The UI thread
 * hands over the frame itself (a VideoFrame wraps the decoder's or camera's buffer; an ImageBitmap is
 * moved, not cloned), so the one pixel copy (convert, or scale and read back) happens here, off the UI thread.
 */
import type { PoseImage } from './protocol'

/** A frame's pixels at the analysis size: 4 bytes a pixel (R G B A), rows tightly packed, width × height pixels. */
export interface RgbaPixels {
  width: number
  height: number
  data: Uint8Array
}

/** Frames wider than this are scaled down before inference: the models see 192-256 px crops anyway. */
export const MAX_ANALYSIS_WIDTH = 640

/** A frame's size in pixels: a VideoFrame's display size (its coded size may be padded), else width × height. */
export function frameSize(image: PoseImage): { width: number; height: number } {
  return isVideoFrame(image) ? { width: image.displayWidth, height: image.displayHeight } : { width: image.width, height: image.height }
}

function isVideoFrame(image: PoseImage): image is VideoFrame {
  return 'displayWidth' in image
}

/**
 * True when the frame's visible pixels are already the analysis size: copyTo copies the visible rectangle
 * as it is, while the canvas scales to the display size (which differs for non-square pixels).
 */
export function unscaled(image: Pick<VideoFrame, 'visibleRect'>, width: number, height: number): boolean {
  const rect = image.visibleRect
  return rect !== null && rect.width === width && rect.height === height
}

/** The size the model reads, pixels: `maxWidth` wide at most, aspect kept. */
export function analysisSize(width: number, height: number, maxWidth = MAX_ANALYSIS_WIDTH): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) throw new Error(`A pose frame must have a positive size in pixels, got ${width}x${height}`)
  const scale = Math.min(1, maxWidth / width)
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/**
 * True where VideoFrame.copyTo converts to RGBA (Chromium 127+). An older one ignores the `format` option
 * and copies the frame's own planes (I420: 1.5 bytes a pixel), so ask for the size of a tiny I420 frame.
 */
function copyToConvertsToRgba(): boolean {
  if (typeof VideoFrame === 'undefined' || !('copyTo' in VideoFrame.prototype)) return false
  let probe: VideoFrame | null = null
  try {
    probe = new VideoFrame(new Uint8Array(6), { format: 'I420', codedWidth: 2, codedHeight: 2, timestamp: 0 })
    return probe.allocationSize({ format: 'RGBA' }) === 2 * 2 * 4
  } catch {
    return false
  } finally {
    probe?.close()
  }
}

/**
 * Reads frames into RGBA pixels at the analysis size, into buffers reused across frames. A VideoFrame
 * that needs no scaling is copied out as RGBA by the browser (VideoFrame.copyTo: one conversion or copy);
 * the rest (wider frames, ImageBitmaps) go through a canvas, drawn scaled and read back.
 */
export class FramePixelReader {
  private context: OffscreenCanvasRenderingContext2D | null = null
  private rgba = new Uint8Array(0)
  /** Whether copyTo can hand RGBA here; decided on the first VideoFrame, false after a failure. */
  private copyTo: boolean | null = null

  /** Returns the frame's pixels at the analysis size (valid until the next read); does not close the frame. */
  async read(image: PoseImage, maxWidth = MAX_ANALYSIS_WIDTH): Promise<RgbaPixels> {
    const source = frameSize(image)
    const { width, height } = analysisSize(source.width, source.height, maxWidth)
    if (isVideoFrame(image) && this.copyToUsable() && unscaled(image, width, height)) {
      try {
        const data = this.bufferOf(width * height * 4)
        await image.copyTo(data, { format: 'RGBA', colorSpace: 'srgb' })
        return { width, height, data }
      } catch (err) {
        // A format the browser cannot convert: the canvas from now on (a closed frame fails there too).
        if ((err as Error).name !== 'InvalidStateError') this.copyTo = false
      }
    }
    return this.readThroughCanvas(image, width, height)
  }

  private copyToUsable(): boolean {
    this.copyTo ??= copyToConvertsToRgba()
    return this.copyTo
  }

  private bufferOf(bytes: number): Uint8Array {
    if (this.rgba.length !== bytes) this.rgba = new Uint8Array(bytes)
    return this.rgba
  }

  private readThroughCanvas(image: PoseImage, width: number, height: number): RgbaPixels {
    const context = this.canvasOf(width, height)
    context.drawImage(image, 0, 0, width, height)
    const { data } = context.getImageData(0, 0, width, height)
    return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }
  }

  /**
   * One reused canvas. willReadFrequently keeps it in CPU memory: tfjs's own path in a worker draws into a
   * canvas without it, which may live on the GPU (or its software emulation) and pay a read back per frame.
   */
  private canvasOf(width: number, height: number): OffscreenCanvasRenderingContext2D {
    if (this.context === null) {
      const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true, alpha: false })
      if (context === null) throw new Error('The pose worker cannot read frames: no 2D canvas (OffscreenCanvas) here.')
      this.context = context
    }
    const canvas = this.context.canvas
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width
      canvas.height = height
    }
    return this.context
  }
}
