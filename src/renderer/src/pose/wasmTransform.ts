/**
 * A faster Transform kernel (tf.image.transform) for tfjs's WASM backend, bit for bit the same output.
 * BlazePose crops every frame to the network's input with it (convert_image_to_tensor in pose-detection:
 * bilinear, 'constant' border, 224² for the detector and 256² for the landmark network), and the WASM
 * backend's C++ kernel (tfjs 4.22, kernels/Transform.cc) took 3.6-4 ms of a 23-38 ms frame here (tf.profile):
 * it calls a helper per channel and per corner, each one re-deriving the projection and bounds.
 * This one computes each output pixel's source position once and reads its four corners for all channels,
 * with every operation in float32 in the C++ kernel's order (Math.fround), so the values are identical
 * (wasmTransform.test.ts runs both on the real WASM backend). Anything else (nearest, reflect, wrap,
 * non-float32 images) still goes to the original kernel.
 */
import * as tf from '@tensorflow/tfjs-core'

/** The parts of tfjs-backend-wasm's backend that its own kernels use to reach tensors in WASM memory. */
interface WasmKernelBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array
}

interface TransformAttrs {
  interpolation: 'nearest' | 'bilinear'
  fillMode: 'constant' | 'reflect' | 'wrap' | 'nearest'
  fillValue: number
  outputShape?: [number, number]
}

const f32 = Math.fround

/**
 * Projective transform of a batch of float32 NHWC images, bilinear, with a 'constant' (fill value) or
 * 'nearest' (edge) border: TensorFlow's ImageProjectiveTransformV3 as tfjs's WASM kernel computes it.
 * @param transforms 8 values per transform (a0 a1 a2 b0 b1 b2 c0 c1: output (x, y) ↦ input
 *   ((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k), k = c0 x + c1 y + 1), one for all or one per image
 */
export function transformBilinear(
  image: Float32Array, shape: readonly [number, number, number, number], transforms: Float32Array,
  out: Float32Array, outHeight: number, outWidth: number, fillMode: 'constant' | 'nearest', fillValue: number
): void {
  const [batch, height, width, channels] = shape
  const fill = f32(fillValue)
  const nearest = fillMode === 'nearest'
  const maxX = f32(width - 1)
  const maxY = f32(height - 1)
  const rowStride = width * channels
  const perImage = transforms.length > 8 // the C++ kernel's is_batch_transform: more than one transform
  for (let b = 0; b < batch; b++) {
    const t = perImage ? b * 8 : 0
    const a0 = transforms[t], a1 = transforms[t + 1], a2 = transforms[t + 2]
    const b0 = transforms[t + 3], b1 = transforms[t + 4], b2 = transforms[t + 5]
    const c0 = transforms[t + 6], c1 = transforms[t + 7]
    // An affine transform (BlazePose's crops) has a projection of exactly 1: dividing by it changes nothing.
    const affine = c0 === 0 && c1 === 0
    const imageBase = b * height * rowStride
    let o = b * outHeight * outWidth * channels
    for (let oy = 0; oy < outHeight; oy++) {
      // The products with oy are the same for the whole row.
      const a1y = f32(a1 * oy)
      const b1y = f32(b1 * oy)
      const c1y = f32(c1 * oy)
      for (let ox = 0; ox < outWidth; ox++, o += channels) {
        let x = f32(f32(f32(a0 * ox) + a1y) + a2)
        let y = f32(f32(f32(b0 * ox) + b1y) + b2)
        if (!affine) {
          const projection = f32(f32(f32(c0 * ox) + c1y) + 1.0)
          if (projection === 0) {
            for (let c = 0; c < channels; c++) out[o + c] = fill
            continue
          }
          x = f32(x / projection)
          y = f32(y / projection)
        }
        if (nearest) {
          x = Math.max(0, Math.min(x, maxX))
          y = Math.max(0, Math.min(y, maxY))
        }
        const xFloor = Math.floor(x)
        const yFloor = Math.floor(y)
        // Weights as the C++ kernel forms them: (ceil - v) and (v - floor), each a float32 difference.
        const wx0 = f32(xFloor + 1 - x)
        const wx1 = f32(x - xFloor)
        const wy0 = f32(yFloor + 1 - y)
        const wy1 = f32(y - yFloor)
        const p00 = imageBase + yFloor * rowStride + xFloor * channels
        const p10 = p00 + rowStride
        if (xFloor >= 0 && xFloor + 1 < width && yFloor >= 0 && yFloor + 1 < height) {
          // All four corners inside the image: most of a crop around a person.
          if (channels === 3) {
            out[o] = f32(f32(wy0 * f32(f32(wx0 * image[p00]) + f32(wx1 * image[p00 + 3]))) + f32(wy1 * f32(f32(wx0 * image[p10]) + f32(wx1 * image[p10 + 3]))))
            out[o + 1] = f32(f32(wy0 * f32(f32(wx0 * image[p00 + 1]) + f32(wx1 * image[p00 + 4]))) + f32(wy1 * f32(f32(wx0 * image[p10 + 1]) + f32(wx1 * image[p10 + 4]))))
            out[o + 2] = f32(f32(wy0 * f32(f32(wx0 * image[p00 + 2]) + f32(wx1 * image[p00 + 5]))) + f32(wy1 * f32(f32(wx0 * image[p10 + 2]) + f32(wx1 * image[p10 + 5]))))
            continue
          }
          for (let c = 0; c < channels; c++) {
            const top = f32(f32(wx0 * image[p00 + c]) + f32(wx1 * image[p00 + channels + c]))
            const bottom = f32(f32(wx0 * image[p10 + c]) + f32(wx1 * image[p10 + channels + c]))
            out[o + c] = f32(f32(wy0 * top) + f32(wy1 * bottom))
          }
          continue
        }
        const inX0 = xFloor >= 0 && xFloor < width
        const inX1 = xFloor + 1 >= 0 && xFloor + 1 < width
        const inY0 = yFloor >= 0 && yFloor < height
        const inY1 = yFloor + 1 >= 0 && yFloor + 1 < height
        for (let c = 0; c < channels; c++) {
          const v00 = inY0 && inX0 ? image[p00 + c] : fill
          const v01 = inY0 && inX1 ? image[p00 + channels + c] : fill
          const v10 = inY1 && inX0 ? image[p10 + c] : fill
          const v11 = inY1 && inX1 ? image[p10 + channels + c] : fill
          const top = f32(f32(wx0 * v00) + f32(wx1 * v01))
          const bottom = f32(f32(wx0 * v10) + f32(wx1 * v11))
          out[o + c] = f32(f32(wy0 * top) + f32(wy1 * bottom))
        }
      }
    }
  }
}

/** The WASM backend's own Transform kernel while ours is in its place. */
let original: tf.KernelConfig | null = null

/**
 * Puts transformBilinear in place of the WASM backend's Transform kernel, keeping the original for what
 * it does not cover. Call once the WASM backend is initialised (the original's set-up has run by then).
 */
export function installWasmTransform(): void {
  const own = tf.getKernel('Transform', 'wasm')
  if (original !== null || !own) return
  original = own
  tf.unregisterKernel('Transform', 'wasm')
  tf.registerKernel({ kernelName: 'Transform', backendName: 'wasm', kernelFunc: (args) => transformKernel(args, own) })
}

/** Puts the WASM backend's own kernel back (the bench's --parity runs the old path with it). */
export function restoreWasmTransform(): void {
  if (original === null) return
  tf.unregisterKernel('Transform', 'wasm')
  tf.registerKernel(original)
  original = null
}

function transformKernel(args: Parameters<tf.KernelFunc>[0], own: tf.KernelConfig): ReturnType<tf.KernelFunc> {
  const { image, transforms } = args.inputs as { image: tf.TensorInfo; transforms: tf.TensorInfo }
  const { interpolation, fillMode, fillValue, outputShape } = args.attrs as unknown as TransformAttrs
  if (interpolation !== 'bilinear' || (fillMode !== 'constant' && fillMode !== 'nearest') || image.dtype !== 'float32' || transforms.dtype !== 'float32') {
    return own.kernelFunc(args)
  }
  const backend = args.backend as unknown as WasmKernelBackend
  const [batch, height, width, channels] = image.shape as [number, number, number, number]
  const [outHeight, outWidth] = outputShape ?? [height, width]
  const out = backend.makeOutput([batch, outHeight, outWidth, channels], 'float32')
  // Views taken after the output's allocation, which may grow (and move) WASM memory.
  transformBilinear(backend.typedArrayFromHeap(image), [batch, height, width, channels], backend.typedArrayFromHeap(transforms),
    backend.typedArrayFromHeap(out), outHeight, outWidth, fillMode, fillValue)
  return out
}
