/**
 * The model's input tensor, built in the pose worker from the frame's RGBA pixels before estimatePoses,
 * so that the worker can time it apart from inference. The values are what pose-detection's BlazePose
 * builds from pixels itself (tf.browser.fromPixels, then a cast to float32): RGB 0..255, [height, width, 3].
 */
import * as tf from '@tensorflow/tfjs-core'
import { rgbaToRgb } from './rgbLayout'

/** RGBA pixels at the analysis size, 4 bytes a pixel, rows tightly packed. */
export interface RgbaPixels {
  width: number
  height: number
  data: Uint8Array
}

/**
 * Builds input tensors on the active backend. On WASM (no pixel upload of its own) the RGB values go
 * through one reused buffer, which tfjs copies into WASM memory; the GPU backends upload the pixels
 * with their own fromPixels kernel.
 */
export class InputTensorBuilder {
  private rgb = new Float32Array(0)

  /** The input tensor for these pixels; the caller disposes it. */
  build(pixels: RgbaPixels): tf.Tensor3D {
    const { width, height, data } = pixels
    if (tf.getBackend() !== 'wasm') return tf.tidy(() => tf.cast(tf.browser.fromPixels(pixels), 'float32'))
    const size = width * height * 3
    if (this.rgb.length !== size) this.rgb = new Float32Array(size)
    return tf.tensor3d(rgbaToRgb(data, width * height, this.rgb), [height, width, 3], 'float32')
  }
}
