import { describe, expect, it } from 'vitest'
import { MAX_ANALYSIS_WIDTH, analysisSize, frameSize, unscaled } from './frameInput'

describe('frame input', () => {
  it('scales wide frames down to the analysis width, keeping the aspect', () => {
    expect(analysisSize(1280, 720)).toEqual({ width: MAX_ANALYSIS_WIDTH, height: 360 })
    expect(analysisSize(1920, 1080, 480)).toEqual({ width: 480, height: 270 })
  })

  it('never scales a narrow frame up', () => {
    expect(analysisSize(320, 240)).toEqual({ width: 320, height: 240 })
  })

  it('names a frame without a size', () => {
    expect(() => analysisSize(0, 720)).toThrow(/positive size in pixels, got 0x720/)
  })

  it("reads a VideoFrame's display size, not its padded coded size", () => {
    const videoFrame = { displayWidth: 1280, displayHeight: 720, codedWidth: 1280, codedHeight: 736 } as unknown as VideoFrame
    expect(frameSize(videoFrame)).toEqual({ width: 1280, height: 720 })
    expect(frameSize({ width: 640, height: 360 } as ImageBitmap)).toEqual({ width: 640, height: 360 })
  })

  it('copies a VideoFrame as it is only when its visible pixels are the analysis size', () => {
    const frame = (width: number, height: number) => ({ visibleRect: { x: 0, y: 0, width, height } }) as unknown as VideoFrame
    expect(unscaled(frame(640, 360), 640, 360)).toBe(true)
    expect(unscaled(frame(1280, 720), 640, 360)).toBe(false) // wider than the analysis width: scaled on a canvas
    expect(unscaled(frame(480, 360), 640, 360)).toBe(false) // non-square pixels: displayed wider than stored
    expect(unscaled({ visibleRect: null } as unknown as VideoFrame, 640, 360)).toBe(false)
  })
})
