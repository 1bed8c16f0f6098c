/**
 * The model's input tensor, built in the pose worker from the frame's RGBA pixels before estimatePoses,
 * so that the worker can time it apart from inference. The values are what pose-detection's BlazePose
 * builds from pixels itself (tf.browser.fromPixels, then a cast to float32): RGB 0..255, [height, width, 3].
 */
import * as tf from '@tensorflow/tfjs-core'
import type { RgbaPixels } from './frameInput'
import { rgbaToRgb } from './rgbLayout'

/** The parts of tfjs-backend-wasm's backend that its own kernels use to make an output in WASM memory. */
interface WasmOutputs {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array
}

/**
 * Builds input tensors on the active backend. On WASM (no pixel upload of its own) the RGB values are
 * written straight into the tensor's WASM memory, as a WASM kernel writes its output; the GPU backends
 * upload the pixels with their own fromPixels kernel.
 */
export class InputTensorBuilder {
  /** The input tensor for these pixels; the caller disposes it. */
  build(pixels: RgbaPixels): tf.Tensor3D {
    const { width, height, data } = pixels
    if (tf.getBackend() !== 'wasm') return tf.tidy(() => tf.cast(tf.browser.fromPixels(pixels), 'float32'))
    const backend = tf.backend() as unknown as WasmOutputs
    const info = backend.makeOutput([height, width, 3], 'float32')
    // The view is taken after the allocation (which may grow WASM memory) and filled before any other.
    rgbaToRgb(data, width * height, backend.typedArrayFromHeap(info))
    return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor3D
  }
}
