/**
 * Nothing leaks: the tensor count is unchanged after hundreds of estimatePoses calls, and disposing
 * the estimator releases every tensor it created (weights, anchors, tracking state).
 */
import { join } from 'node:path'
import * as tf from '@tensorflow/tfjs-core'
import { describe, expect, it } from 'vitest'
import { NodePoseEstimator, initPoseBackend } from '../../tools/poses'
import { decodeFrames, probeVideo, type RgbFrame } from '../../tools/video'
import type { PoseModelId } from '../../src/pose/models'
import { FOOTAGE_DIR, HAS_FOOTAGE, requireFootage } from './footage'

const CLIP = 'squat/squat_side_studio_istock_hanshitha.mp4'
/** Enough calls for a per-call leak of even one tensor to stand out; small enough for ~10 s of CPU. */
const CALLS = 200
/** Small frames: the leak check is about bookkeeping, not accuracy. */
const MAX_SIDE = 320

async function firstFrames(count: number): Promise<RgbFrame[]> {
  const frames: RgbFrame[] = []
  for await (const frame of decodeFrames(await probeVideo(join(FOOTAGE_DIR, CLIP)), { maxSide: MAX_SIDE })) {
    frames.push(frame)
    if (frames.length >= count) break
  }
  return frames
}

describe('pose estimator tensor bookkeeping', () => {
  requireFootage()
  for (const model of ['blazepose-full', 'movenet-lightning'] as PoseModelId[]) {
    it.skipIf(!HAS_FOOTAGE)(`${model}: ${CALLS} estimatePoses calls leave the tensor count unchanged`, async () => {
      await initPoseBackend()
      const frames = await firstFrames(50)
      const before = tf.memory().numTensors
      const estimator = await NodePoseEstimator.create(model)
      // Warm-up: the first call may allocate lasting state (e.g. BlazePose's region of interest is plain data, but check).
      await estimator.estimate(frames[0])
      const afterWarmUp = tf.memory().numTensors
      for (let i = 0; i < CALLS; i++) await estimator.estimate(frames[i % frames.length])
      expect(tf.memory().numTensors).toBe(afterWarmUp)
      estimator.dispose()
      expect(tf.memory().numTensors).toBe(before)
    }, 600_000)
  }
})
