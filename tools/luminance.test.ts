import { describe, expect, it } from 'vitest'
import type { PoseFrame } from '../src/shared/pose/types'
import { attachLuminance, meanLuma } from './luminance'

const solid = (width: number, height: number, rgb: [number, number, number]): { width: number; height: number; data: Uint8Array } => {
  const data = new Uint8Array(width * height * 3)
  for (let i = 0; i < width * height; i++) data.set(rgb, i * 3)
  return { width, height, data }
}

describe('mean luminance', () => {
  it('weights the channels as Rec. 601 luma, 0..1', () => {
    expect(meanLuma(solid(8, 8, [255, 255, 255]))).toBe(1)
    expect(meanLuma(solid(8, 8, [0, 0, 0]))).toBe(0)
    expect(meanLuma(solid(8, 8, [255, 0, 0]))).toBe(0.299)
    expect(meanLuma(solid(8, 8, [0, 255, 0]))).toBe(0.587)
    expect(meanLuma(solid(8, 8, [0, 0, 255]))).toBe(0.114)
  })

  it('samples every step-th pixel of every step-th row', () => {
    // Left half white, right half black: any even-stride subsample still sees half of each.
    const frame = solid(8, 4, [0, 0, 0])
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) frame.data.set([255, 255, 255], (y * 8 + x) * 3)
    expect(meanLuma(frame, 1)).toBe(0.5)
    expect(meanLuma(frame, 2)).toBe(0.5)
  })

  it('gives each pose frame the value decoded at its timestamp, and leaves frames alone without a track', () => {
    const frames: PoseFrame[] = [0, 100, 200, 300].map((t) => ({ timestampMs: t, imageWidth: 1, imageHeight: 1, keypoints: [] }))
    expect(attachLuminance(frames, { fps: 10, values: [0.1, 0.2, 0.3] }).map((f) => f.meanLuminance)).toEqual([0.1, 0.2, 0.3, 0.3])
    expect(attachLuminance(frames, null)[0].meanLuminance).toBeUndefined()
  })
})
