/**
 * The Node pose runtime on a real clip, checked against a person's labels: at every labelled squat
 * bottom the knee is deeply bent, and between bottoms the runner stands nearly straight.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { angleAt, toPixels } from '../../src/shared/pose/geometry'
import type { PoseFrame } from '../../src/shared/pose/types'
import { estimateVideoPoses } from '../../tools/poses'
import { FOOTAGE_DIR, HAS_FOOTAGE, clipLabel, requireFootage } from './footage'

const CLIP = 'squat/squat_side_studio_istock_hanshitha.mp4'
/** 100° = comfortably below thigh-parallel territory would be ~90°; a labelled full-squat bottom must beat this. */
const BOTTOM_MAX_KNEE_DEG = 100
/** 150° = near-straight legs: standing between reps, with room for a soft knee at the top. */
const STANDING_MIN_KNEE_DEG = 150
/** A visible joint: BlazePose visibility above this is a confident detection. */
const MIN_SCORE = 0.5

/** Knee angle (hip-knee-ankle, pixel space, degrees) of the more visible leg; NaN when neither leg is seen. */
function kneeAngle(frame: PoseFrame): number {
  const byName = new Map(frame.keypoints.map((k) => [k.name, k]))
  let best = { score: -1, deg: Number.NaN }
  for (const side of ['left', 'right'] as const) {
    const hip = byName.get(`${side}_hip`), knee = byName.get(`${side}_knee`), ankle = byName.get(`${side}_ankle`)
    if (!hip || !knee || !ankle) continue
    const score = Math.min(hip.score, knee.score, ankle.score)
    const px = (k: typeof hip) => toPixels(k, frame.imageWidth, frame.imageHeight)
    if (score > best.score) best = { score, deg: angleAt(px(hip), px(knee), px(ankle)) }
  }
  return best.score >= MIN_SCORE ? best.deg : Number.NaN
}

function nearest(frames: PoseFrame[], seconds: number): PoseFrame {
  return frames.reduce((a, b) => (Math.abs(b.timestampMs - seconds * 1000) < Math.abs(a.timestampMs - seconds * 1000) ? b : a))
}

describe(`blazepose-full on ${CLIP}`, () => {
  requireFootage()
  it.skipIf(!HAS_FOOTAGE)('finds a bent knee at every labelled bottom and straight legs between them', async () => {
    const label = clipLabel(CLIP)
    // No cache: this test is about the model running now, not about a stored result.
    const { frames, info } = await estimateVideoPoses(join(FOOTAGE_DIR, CLIP), { model: 'blazepose-full', cache: false })
    expect(frames.length).toBeGreaterThanOrEqual(Math.floor(info.durationSeconds * info.fps) - 1)
    expect(frames.filter((f) => f.keypoints.length === 33).length / frames.length).toBeGreaterThan(0.95)

    const bottoms = label.reps.map((rep) => kneeAngle(nearest(frames, rep.t)))
    for (const [i, deg] of bottoms.entries()) {
      expect(deg, `knee at labelled bottom ${label.reps[i].t} s`).toBeLessThan(BOTTOM_MAX_KNEE_DEG)
    }
    for (let i = 0; i + 1 < label.reps.length; i++) {
      // The straightest knee in the middle third between two bottoms is the standing position.
      const from = label.reps[i].t, to = label.reps[i + 1].t, third = (to - from) / 3
      const between = frames.filter((f) => f.timestampMs >= (from + third) * 1000 && f.timestampMs <= (to - third) * 1000)
      const standing = Math.max(...between.map(kneeAngle).filter(Number.isFinite))
      expect(standing, `straightest knee between ${from} s and ${to} s`).toBeGreaterThan(STANDING_MIN_KNEE_DEG)
    }
  }, 600_000)
})
