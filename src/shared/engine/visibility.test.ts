import { describe, expect, it } from 'vitest'
import { sideStanding } from '../../../tests/fixtures/synthetic/skeleton'
import { loadPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import type { PoseFrame } from '../pose/types'
import { createBody } from './body'
import { notJudgedReason, skeletonInverted } from './visibility'

const standing = sideStanding(0, { kneeDeg: 175, shinLeanDeg: 2, torsoLeanDeg: 5, armDeg: 10, ankle: { x: 600, y: 650 } }, 'right', 'left')
/** The same body stood on its head in the picture (y mirrored about the middle of the frame). */
const upsideDown: PoseFrame = { ...standing, keypoints: standing.keypoints.map((k) => ({ ...k, y: 1 - k.y })) }
const NAMES = standing.keypoints.map((k) => k.name)

describe('an upside-down skeleton (BlazePose fitting a whole body to a strip of legs)', () => {
  it('is read as the upper body out of the picture, not judged', () => {
    expect(skeletonInverted(createBody(standing))).toBe(false)
    const body = createBody(upsideDown)
    expect(skeletonInverted(body)).toBe(true)
    const verdict = notJudgedReason(body, ['left_hip', 'left_knee', 'left_ankle'], NAMES)
    expect(verdict?.reason).toBe('out-of-frame')
    expect(verdict?.missing).toEqual(expect.arrayContaining(['nose', 'left_shoulder']))
  })

  it('is not confused with a push-up filmed head-on (shoulders below the hips, torso foreshortened)', () => {
    // Real clips, BlazePose Full keypoints: the runner's head is nearest the camera on the floor.
    for (const stem of ['pushup_front_gym_turf_omartarek5', 'pushup_front_floorcam_dumbbells_female_divyansh', 'pushup_front_floorcam_outdoor_portrait_divyansh']) {
      const frames = loadPoseFixture('pushup', stem).filter((f) => f.keypoints.length > 0)
      const inverted = frames.filter((f) => skeletonInverted(createBody(f))).length
      // The model's first frames, before it has locked on, may be anything: at most a few percent.
      expect(inverted / frames.length, stem).toBeLessThan(0.05)
    }
  })
})
