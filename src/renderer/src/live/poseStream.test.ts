import { describe, expect, it } from 'vitest'
import { onPose, publishPose } from './poseStream'
import type { PoseResult } from '../pose/poseClient'

const result = { frame: { timestampMs: 1, imageWidth: 1, imageHeight: 1, keypoints: [] }, model: 'blazepose-lite', backend: 'wasm', latencyMs: 5, numTensors: 0 } as PoseResult

describe('poseStream', () => {
  it('delivers to subscribers until they unsubscribe', () => {
    const seen: number[] = []
    const off = onPose((r) => seen.push(r.frame.timestampMs))
    publishPose(result)
    off()
    publishPose(result)
    expect(seen).toEqual([1])
  })
})
