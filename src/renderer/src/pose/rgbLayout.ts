/**
 * Pixel layout for the model's input: the R, G, B bytes of RGBA pixels as 0..255 floats, row after row
 * (height × width × 3, alpha dropped). It is what pose-detection's BlazePose builds from pixels on a
 * backend without its own pixel upload (tf.browser.fromPixels to int32, then a cast to float32), in one
 * pass into a reused buffer instead of a new int32 array, a per-channel loop and a cast each frame.
 */

/**
 * Writes the RGB of `pixelCount` RGBA pixels into `out` (at least 3 × pixelCount long) and returns it.
 * @param rgba 4 bytes a pixel, R G B A
 */
export function rgbaToRgb(rgba: ArrayLike<number>, pixelCount: number, out: Float32Array): Float32Array {
  if (rgba.length < pixelCount * 4) throw new Error(`rgbaToRgb needs ${pixelCount * 4} RGBA bytes for ${pixelCount} pixels, got ${rgba.length}`)
  if (out.length < pixelCount * 3) throw new Error(`rgbaToRgb needs room for ${pixelCount * 3} values, got ${out.length}`)
  for (let p = 0, i = 0, o = 0; p < pixelCount; p++, i += 4, o += 3) {
    out[o] = rgba[i]
    out[o + 1] = rgba[i + 1]
    out[o + 2] = rgba[i + 2]
  }
  return out
}
