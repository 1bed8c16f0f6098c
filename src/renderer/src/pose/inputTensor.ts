/**
 * The model's input tensor, built in the pose worker from the frame's RGBA pixels before estimatePoses,
 * so that the worker can time it apart from inference. The values are what pose-detection's BlazePose
 * builds from pixels itself (tf.browser.fromPixels, then a cast to float32): RGB 0..255, [height, width, 3].
 */
import * as tf from '@tensorflow/tfjs-core'

/** RGBA pixels at the analysis size, 4 bytes a pixel, rows tightly packed. */
export interface RgbaPixels {
  width: number
  height: number
  data: Uint8Array
}

/** Builds input tensors on the active backend, as estimatePoses would from the pixels. */
export class InputTensorBuilder {
  /** The input tensor for these pixels; the caller disposes it. */
  build(pixels: RgbaPixels): tf.Tensor3D {
    return tf.tidy(() => tf.cast(tf.browser.fromPixels(pixels), 'float32'))
  }
}
