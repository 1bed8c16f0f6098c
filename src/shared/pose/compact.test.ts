import { describe, expect, it } from 'vitest'
import { decodePoses, encodePoses } from './compact'
import { BLAZEPOSE_KEYPOINTS, type PoseFrame } from './types'

const source = { model: 'blazepose-full', width: 640, height: 360, fps: 25, clip: 'squat/example.mp4' }

function blazeFrame(t: number, offset: number): PoseFrame {
  return {
    timestampMs: t,
    imageWidth: 640,
    imageHeight: 360,
    keypoints: BLAZEPOSE_KEYPOINTS.map((name, i) => ({ name, x: 0.1 + i / 100 + offset, y: 0.5 - i / 200, score: 0.987654 })),
    worldLandmarks: BLAZEPOSE_KEYPOINTS.map((name, i) => ({ name, x: i / 1000, y: -0.25, z: 0.123456, score: 0.987654 }))
  }
}

describe('compact pose codec', () => {
  it('round-trips BlazePose frames to 4 decimals, with world landmarks and empty frames', () => {
    const frames: PoseFrame[] = [blazeFrame(0, 0.000012), { timestampMs: 40, imageWidth: 640, imageHeight: 360, keypoints: [] }, blazeFrame(80.04, 0)]
    const encoded = encodePoses(frames, source)
    expect(encoded.header).toMatchObject({ format: 'revup-poses', version: 1, model: 'blazepose-full', world: true })
    expect(encoded.frames[0]).toHaveLength(1 + 33 * 6)
    expect(encoded.frames[1]).toEqual([40])
    const decoded = decodePoses(JSON.parse(JSON.stringify(encoded)))
    expect(decoded.frames).toHaveLength(3)
    expect(decoded.frames[1].keypoints).toEqual([])
    expect(decoded.frames[2].timestampMs).toBe(80)
    const kp = decoded.frames[0].keypoints[5]
    expect(kp.name).toBe('right_eye')
    expect(kp.x).toBe(0.15)
    expect(kp.score).toBe(0.988)
    expect(decoded.frames[0].imageWidth).toBe(640)
    expect(decoded.frames[0].worldLandmarks?.[2]).toEqual({ name: 'left_eye', x: 0.002, y: -0.25, z: 0.123, score: 0.988 })
  })

  it('keeps MoveNet keypoint names and order and can drop world landmarks', () => {
    const movenet: PoseFrame = { timestampMs: 0, imageWidth: 640, imageHeight: 360, keypoints: [{ name: 'nose', x: 0.5, y: 0.5, score: 1 }, { name: 'left_ankle', x: 0.4, y: 0.9, score: 0.2 }] }
    const encoded = encodePoses([movenet], { ...source, model: 'movenet-thunder' })
    expect(encoded.header.keypoints).toEqual(['nose', 'left_ankle'])
    expect(encoded.header.world).toBe(false)
    expect(decodePoses(encoded).frames[0].keypoints).toEqual(movenet.keypoints)
    expect(encodePoses([blazeFrame(0, 0)], { ...source, world: false }).frames[0]).toHaveLength(1 + 33 * 3)
  })

  it('rejects malformed data naming what was expected', () => {
    const good = encodePoses([blazeFrame(0, 0)], source)
    expect(() => decodePoses(null)).toThrow(/expected an object/)
    expect(() => decodePoses({ ...good, header: { ...good.header, format: 'other' } })).toThrow(/format "other"; expected "revup-poses"/)
    expect(() => decodePoses({ ...good, header: { ...good.header, keypoints: ['elbow'] } })).toThrow(/unknown keypoint names \["elbow"\]/)
    expect(() => decodePoses({ ...good, frames: [[0, 1, 2]] })).toThrow(/frame 0 has 3 values; expected 1 or 199/)
    expect(() => decodePoses({ ...good, header: { ...good.header, width: 0 } })).toThrow(/header.width 0; expected a positive number/)
  })
})
