import * as tf from '@tensorflow/tfjs'
import { describe, expect, it } from 'vitest'
import { rgbaToRgb } from './rgbLayout'

describe('rgbaToRgb', () => {
  it('keeps R, G, B of each pixel in order and drops alpha', () => {
    const rgba = new Uint8ClampedArray([10, 20, 30, 255, 0, 128, 255, 7])
    expect(Array.from(rgbaToRgb(rgba, 2, new Float32Array(6)))).toEqual([10, 20, 30, 0, 128, 255])
  })

  it("gives what pose-detection's BlazePose builds from the same pixels: tfjs fromPixels, cast to float32", async () => {
    await tf.setBackend('cpu')
    const width = 64
    const height = 16 // 1024 pixels: every byte value in every channel
    const rgba = new Uint8Array(width * height * 4).map((_, i) => (i * 7 + (i >> 2)) & 255)
    const reference = tf.tidy(() => tf.cast(tf.browser.fromPixels({ data: rgba, width, height }), 'float32'))
    expect(reference.shape).toEqual([height, width, 3])
    expect(Array.from(rgbaToRgb(rgba, width * height, new Float32Array(width * height * 3)))).toEqual(Array.from(reference.dataSync()))
    reference.dispose()
  })

  it('writes into a longer reused buffer and leaves the rest alone', () => {
    const out = new Float32Array(9).fill(-1)
    rgbaToRgb(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 2, out)
    expect(Array.from(out)).toEqual([1, 2, 3, 5, 6, 7, -1, -1, -1])
  })

  it('names a buffer too short for the pixels', () => {
    expect(() => rgbaToRgb(new Uint8Array(4), 2, new Float32Array(6))).toThrow(/needs 8 RGBA bytes for 2 pixels, got 4/)
    expect(() => rgbaToRgb(new Uint8Array(8), 2, new Float32Array(5))).toThrow(/room for 6 values, got 5/)
  })
})
