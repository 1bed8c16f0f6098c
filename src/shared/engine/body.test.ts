import { describe, expect, it } from 'vitest'
import { frontStanding, sideStanding } from '../../../tests/fixtures/synthetic/skeleton'
import { createBody } from './body'
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
