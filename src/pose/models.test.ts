import { describe, expect, it } from 'vitest'
import { toPoseFrame } from './models'
import { BLAZEPOSE_KEYPOINTS } from '../shared/pose/types'

describe('toPoseFrame', () => {
  it('normalises pixel keypoints and keeps BlazePose world landmarks', () => {
    const keypoints = BLAZEPOSE_KEYPOINTS.map((name, i) => ({ name, x: 64 * (i % 10), y: 48 * (i % 10), score: 0.9 }))
    const keypoints3D = BLAZEPOSE_KEYPOINTS.map((name) => ({ name, x: 0.1, y: -0.2, z: 0.05, score: 0.8 }))
    const frame = toPoseFrame([{ keypoints, keypoints3D, score: 0.99 }], 1234, 640, 480, 17.5)
    expect(frame.timestampMs).toBe(1234)
    expect(frame.imageWidth).toBe(640)
    expect(frame.imageHeight).toBe(480)
    expect(frame.inferenceMs).toBe(17.5)
    expect(frame.keypoints).toHaveLength(33)
    expect(frame.keypoints[9]).toEqual({ name: 'mouth_left', x: 0.9, y: 0.9, score: 0.9 })
    expect(frame.worldLandmarks).toHaveLength(33)
    expect(frame.worldLandmarks?.[0]).toEqual({ name: 'nose', x: 0.1, y: -0.2, z: 0.05, score: 0.8 })
  })

  it('keeps MoveNet names, has no world landmarks, and clamps scores to [0, 1]', () => {
    const frame = toPoseFrame([{ keypoints: [{ name: 'left_knee', x: 100, y: 50, score: 1.2 }, { name: 'left_ankle', x: 700, y: 50, score: -0.1 }] }], 0, 640, 100)
    expect(frame.keypoints).toEqual([
      { name: 'left_knee', x: 100 / 640, y: 0.5, score: 1 },
      // Beyond the right edge: coordinates kept, visibility decided by the score.
      { name: 'left_ankle', x: 700 / 640, y: 0.5, score: 0 }
    ])
    expect(frame.worldLandmarks).toBeUndefined()
    expect(frame.inferenceMs).toBeUndefined()
  })

  it('gives empty keypoints when no person was found, and zero score for non-finite points', () => {
    expect(toPoseFrame([], 33, 640, 480).keypoints).toEqual([])
    const frame = toPoseFrame([{ keypoints: [{ name: 'nose', x: Number.NaN, y: 3, score: 0.9 }, { name: 'bogus', x: 1, y: 1 }] }], 0, 10, 10)
    expect(frame.keypoints).toEqual([{ name: 'nose', x: 0, y: 0, score: 0 }])
  })

  it('rejects a non-positive image size', () => {
    expect(() => toPoseFrame([], 0, 0, 480)).toThrow(/positive pixels, got 0x480/)
  })
})
