import { describe, expect, it } from 'vitest'
import { LIFT_FLOOR_LUMINANCE, LIFT_TARGET_LUMINANCE, LOW_LIGHT_LUMINANCE, MIN_LIFT_GAMMA, applyGamma, liftGamma, liftLowLight, meanLuminance, type FramePixels } from './lowLight'

/** A frame whose pixels ramp through grey levels around `mean` (±0.08), so a gamma moves its mean measurably. */
function greyFrame(mean: number, channels: 3 | 4 = 3, width = 64, height = 36): FramePixels {
  const data = new Uint8Array(width * height * channels)
  for (let p = 0; p < width * height; p++) {
    const v = Math.round(255 * Math.min(1, Math.max(0, mean + 0.08 * Math.sin(p))))
    data.set(channels === 4 ? [v, v, v, 255] : [v, v, v], p * channels)
  }
  return { width, height, data, channels }
}

describe('mean luminance', () => {
  it('weighs R, G and B as Rec. 601 luma and reads RGB and RGBA alike', () => {
    const red = { width: 4, height: 4, data: new Uint8Array(4 * 4 * 4).map((_, i) => (i % 4 === 0 || i % 4 === 3 ? 255 : 0)), channels: 4 as const }
    expect(meanLuminance(red, 1)).toBe(0.299)
    const grey = greyFrame(0.5)
    const rgba = greyFrame(0.5, 4)
    expect(meanLuminance(grey)).toBeCloseTo(0.5, 2)
    expect(meanLuminance(rgba)).toBe(meanLuminance(grey))
  })
})

describe('low-light lift', () => {
  it('leaves a normally exposed frame alone', () => {
    expect(liftGamma(LOW_LIGHT_LUMINANCE)).toBeNull()
    expect(liftGamma(0.5)).toBeNull()
    const frame = greyFrame(0.45)
    const before = frame.data.slice()
    expect(liftLowLight(frame).gamma).toBeNull()
    expect(frame.data).toEqual(before)
  })

  it('lifts a dim frame to about the target mean and reports the luminance as captured', () => {
    const frame = greyFrame(0.1)
    const captured = meanLuminance(frame)
    const { meanLuminance: reported, gamma } = liftLowLight(frame)
    expect(reported).toBe(captured)
    expect(gamma).toBeGreaterThan(MIN_LIFT_GAMMA)
    expect(gamma).toBeLessThan(1)
    expect(meanLuminance(frame)).toBeGreaterThan(LIFT_TARGET_LUMINANCE - 0.05)
    expect(meanLuminance(frame)).toBeLessThan(LIFT_TARGET_LUMINANCE + 0.05)
  })

  it('caps the lift on a very dark frame and leaves one under the floor as it is (too dark to lift)', () => {
    expect(liftGamma(LIFT_FLOOR_LUMINANCE + 0.005)).toBe(MIN_LIFT_GAMMA)
    expect(liftGamma(LIFT_FLOOR_LUMINANCE - 0.005)).toBeNull()
    expect(liftGamma(0)).toBeNull()
  })

  it('keeps black and white fixed, preserves order and leaves alpha untouched', () => {
    const frame: FramePixels = { width: 4, height: 1, data: new Uint8ClampedArray([0, 0, 0, 7, 40, 40, 40, 7, 120, 120, 120, 7, 255, 255, 255, 7]), channels: 4 }
    applyGamma(frame, 0.5)
    expect([...frame.data]).toEqual([0, 0, 0, 7, 101, 101, 101, 7, 175, 175, 175, 7, 255, 255, 255, 7])
  })
})

describe('one floor for "too dark"', () => {
  it('the engine trusts nothing under the luminance the worker stops lifting at', async () => {
    const { UNTRUSTED_LUMINANCE } = await import('../shared/engine/visibility')
    expect(UNTRUSTED_LUMINANCE).toBe(LIFT_FLOOR_LUMINANCE)
  })
})
