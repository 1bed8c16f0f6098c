/**
 * Turning a transferred frame into the pixels the model reads, inside the pose worker. The UI thread
 * hands over the frame itself (a VideoFrame wraps the decoder's or camera's buffer; an ImageBitmap is
 * moved, not cloned), so the one pixel copy (scale + read back) happens here, off the UI thread.
 */
import type { RgbaPixels } from './inputTensor'
import type { PoseImage } from './protocol'

/** Frames wider than this are scaled down before inference: the models see 192-256 px crops anyway. */
export const MAX_ANALYSIS_WIDTH = 640

/** A frame's size in pixels: a VideoFrame's display size (its coded size may be padded), else width × height. */
export function frameSize(image: PoseImage): { width: number; height: number } {
  return 'displayWidth' in image ? { width: image.displayWidth, height: image.displayHeight } : { width: image.width, height: image.height }
}

/** The size the model reads, pixels: `maxWidth` wide at most, aspect kept. */
export function analysisSize(width: number, height: number, maxWidth = MAX_ANALYSIS_WIDTH): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) throw new Error(`A pose frame must have a positive size in pixels, got ${width}x${height}`)
  const scale = Math.min(1, maxWidth / width)
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/**
 * Reads frames into RGBA pixels through one reused canvas. willReadFrequently keeps the canvas in CPU
 * memory: tfjs's own path in a worker draws into a canvas without it, which may live on the GPU (or its
 * software emulation) and pay a read back per frame.
 */
export class FramePixelReader {
  private context: OffscreenCanvasRenderingContext2D | null = null

  /** Scales the frame to the analysis size and returns its pixels; does not close the frame. */
  read(image: PoseImage, maxWidth = MAX_ANALYSIS_WIDTH): RgbaPixels {
    const source = frameSize(image)
    const { width, height } = analysisSize(source.width, source.height, maxWidth)
    const context = this.canvasOf(width, height)
    context.drawImage(image, 0, 0, width, height)
    const { data } = context.getImageData(0, 0, width, height)
    return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }
  }

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
