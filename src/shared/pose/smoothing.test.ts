import { describe, expect, it } from 'vitest'
import { KeypointSmoother } from './smoothing'
import type { PoseFrame } from './types'

/** One frame with a single knee scored `score`, at `tMs`. */
function frame(tMs: number, score: number): PoseFrame {
  return { timestampMs: tMs, imageWidth: 640, imageHeight: 360, keypoints: [{ name: 'left_knee', x: 0.5, y: 0.5, score }] }
}

function scores(input: number[], fps = 30): number[] {
  const s = new KeypointSmoother()
  return input.map((score, i) => s.apply(frame((i * 1000) / fps, score)).keypoints[0].score)
}

describe('KeypointSmoother scores', () => {
  it('a joint the model is sure of on this frame is seen at once, even right after it was unseen', () => {
    const out = scores([0.1, 0.1, 0.1, 0.9])
    expect(out[3]).toBe(0.9)
  })

  it('a dip below the seen line for a few frames keeps the joint seen; a lasting drop does not', () => {
    const dip = scores([0.95, 0.95, 0.95, 0.4, 0.42, 0.45, 0.95])
    expect(dip.slice(3, 6).every((s) => s >= 0.5)).toBe(true)
    const gone = scores([0.95, 0.95, 0.95, ...Array<number>(15).fill(0.1)])
    // ~0.25 s from a score near 1 (BlazePose's own visibility smoothing; VISIBILITY_TIME_CONSTANT_MS).
    const firstUnseen = gone.findIndex((s) => s < 0.5)
    expect(firstUnseen).toBeGreaterThanOrEqual(3 + 6)
    expect(firstUnseen).toBeLessThanOrEqual(3 + 9)
  })

  it('a frame without a person starts the scores afresh', () => {
    const s = new KeypointSmoother()
    s.apply(frame(0, 0.95))
    s.apply({ timestampMs: 33, imageWidth: 640, imageHeight: 360, keypoints: [] })
    expect(s.apply(frame(67, 0.3)).keypoints[0].score).toBe(0.3)
  })
})
