import { describe, expect, it } from 'vitest'
import { frontStanding, sideStanding } from '../../../tests/fixtures/synthetic/skeleton'
import { createBody, minScoreForFrame, MIN_KEYPOINT_SCORE, MOVENET_MIN_KEYPOINT_SCORE } from './body'
import { classifyView } from './view'
import { missingRequired } from './visibility'

const side = sideStanding(0, { kneeDeg: 90, shinLeanDeg: 20, torsoLeanDeg: 30, armDeg: 90, ankle: { x: 600, y: 650 } }, 'right', 'left')
const front = frontStanding(0, { thighDrop: 1, kneeOut: 0, halfStance: 40, cx: 640, floorY: 650 })

describe('Body', () => {
  it('measures joint angles in pixel space', () => {
    expect(createBody(side).angle('left_hip', 'left_knee', 'left_ankle')).toBeCloseTo(90, 0)
  })

  it('treats low-score keypoints as unseen and reports which are missing', () => {
    const frame = { ...side, keypoints: side.keypoints.map((k) => (k.name === 'left_knee' ? { ...k, score: 0.2 } : k)) }
    const body = createBody(frame)
    expect(body.point('left_knee')).toBeNull()
    expect(body.angle('left_hip', 'left_knee', 'left_ankle')).toBeNull()
    expect(body.missing(['left_knee', 'left_hip'])).toEqual(['left_knee'])
  })

  it('chooses the seen/unseen line from the model: MoveNet (17 keypoints) lower than BlazePose (33)', () => {
    const movenetNames = new Set(['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow',
      'left_wrist', 'right_wrist', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'])
    const movenet = { ...side, keypoints: side.keypoints.filter((k) => movenetNames.has(k.name)).map((k) => (k.name === 'left_knee' ? { ...k, score: 0.4 } : k)) }
    expect(movenet.keypoints).toHaveLength(17)
    expect(minScoreForFrame(movenet)).toBe(MOVENET_MIN_KEYPOINT_SCORE)
    expect(minScoreForFrame(side)).toBe(MIN_KEYPOINT_SCORE)
    // A 0.4 MoveNet knee is seen; the same score from BlazePose is not.
    expect(createBody(movenet).point('left_knee')).not.toBeNull()
    const blaze = { ...side, keypoints: side.keypoints.map((k) => (k.name === 'left_knee' ? { ...k, score: 0.4 } : k)) }
    expect(createBody(blaze).point('left_knee')).toBeNull()
    expect(createBody(movenet, { minScore: 0.5 }).point('left_knee')).toBeNull()
  })

  it('finds the side nearer the camera', () => {
    expect(createBody(side).nearSide()).toBe('left')
  })

  it('classifies side and front views and facing', () => {
    expect(classifyView(createBody(side))).toMatchObject({ view: 'side', facing: 'right' })
    expect(classifyView(createBody(front))).toMatchObject({ view: 'front', facing: 'camera' })
  })

  it('is satisfied by one fully seen side for sided required joints', () => {
    const frame = { ...side, keypoints: side.keypoints.map((k) => (k.name.startsWith('right') ? { ...k, score: 0.1 } : k)) }
    expect(missingRequired(createBody(frame), ['left_hip', 'left_knee', 'right_hip', 'right_knee', 'nose'])).toEqual([])
    expect(missingRequired(createBody({ ...side, keypoints: [] }), ['left_hip'])).toEqual(['left_hip'])
  })
})
