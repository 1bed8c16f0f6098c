import { describe, expect, it } from 'vitest'
import { between, loadPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import type { PoseFrame } from '../pose/types'
import { framingVerdict, steadyFramingVerdict, WHOLE_BODY_TEXT } from './framing'

/** The frame with its lower part cut away: keypoints below `y` (image fraction) fall outside the picture. */
function cropBelow(frame: PoseFrame, y: number): PoseFrame {
  return { ...frame, keypoints: frame.keypoints.map((k) => (k.y > y ? { ...k, y: k.y + 1, score: 0.05 } : k)) }
}

describe('framingVerdict (Camera check, issue 11 item 11)', () => {
  const squat = between(loadPoseFixture('squat', 'squat_side_studio_istock_hanshitha'), 1, 3)

  it('says "Whole body in the picture" on a real side-on squat filmed head to toe', () => {
    expect(steadyFramingVerdict(squat)).toMatchObject({ ok: true, text: WHOLE_BODY_TEXT })
    expect(squat.filter((f) => framingVerdict(f).ok).length / squat.length).toBeGreaterThan(0.9)
  })

  it('names what is missing in plain words when the feet are cut off', () => {
    const v = steadyFramingVerdict(squat.map((f) => cropBelow(f, 0.75)))
    expect(v?.ok).toBe(false)
    expect(v?.text).toMatch(/feet/)
    expect(v?.text).not.toMatch(/keypoint|backend|model/i)
  })

  it("says it can't see anyone on empty frames", () => {
    expect(framingVerdict({ timestampMs: 0, imageWidth: 640, imageHeight: 480, keypoints: [] })).toMatchObject({ ok: false, reason: 'no-person' })
  })
})
