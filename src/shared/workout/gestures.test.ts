import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodePoses } from '../pose/compact'
import { BLAZEPOSE_KEYPOINTS, type KeypointName, type PoseFrame } from '../pose/types'
import { GESTURE_HOLD_MS, GestureDetector, handSignal, type Gesture } from './gestures'

/** Standing facing the camera on a 1280x720 image (normalised coordinates); the runner's left is image right. */
const FRONT: Partial<Record<KeypointName, readonly [number, number]>> = {
  nose: [0.5, 0.2], left_eye: [0.51, 0.19], right_eye: [0.49, 0.19], left_ear: [0.52, 0.2], right_ear: [0.48, 0.2],
  left_shoulder: [0.55, 0.3], right_shoulder: [0.45, 0.3], left_elbow: [0.57, 0.42], right_elbow: [0.43, 0.42],
  left_wrist: [0.57, 0.52], right_wrist: [0.43, 0.52], left_hip: [0.53, 0.55], right_hip: [0.47, 0.55],
  left_knee: [0.53, 0.72], right_knee: [0.47, 0.72], left_ankle: [0.53, 0.9], right_ankle: [0.47, 0.9]
}

function frame(t: number, overrides: Partial<Record<KeypointName, readonly [number, number]>> = {}): PoseFrame {
  const pose = { ...FRONT, ...overrides }
  return {
    timestampMs: t,
    imageWidth: 1280,
    imageHeight: 720,
    keypoints: BLAZEPOSE_KEYPOINTS.map((name) => {
      const p = pose[name]
      return p ? { name, x: p[0], y: p[1], score: 0.95 } : { name, x: 0.5, y: 0.5, score: 0.02 }
    })
  }
}

const RIGHT_HAND_UP = { right_elbow: [0.42, 0.2], right_wrist: [0.42, 0.08] } as const
const ARMS_CROSSED = { left_elbow: [0.56, 0.18], right_elbow: [0.44, 0.18], left_wrist: [0.46, 0.07], right_wrist: [0.54, 0.07] } as const
const ARMS_OVERHEAD = { left_elbow: [0.57, 0.18], right_elbow: [0.43, 0.18], left_wrist: [0.56, 0.06], right_wrist: [0.44, 0.06] } as const

function gestures(frames: PoseFrame[]): Gesture[] {
  const d = new GestureDetector()
  return frames.map((f) => d.update(f)).filter((g): g is Gesture => g !== null)
}
const hold = (ms: number, pose: Partial<Record<KeypointName, readonly [number, number]>>, t0 = 0) =>
  Array.from({ length: Math.floor(ms / 33) + 1 }, (_, i) => frame(t0 + i * 33, pose))

describe('hand signals', () => {
  it('reads one hand above the head, arms crossed overhead, and nothing for arms by the sides or both arms up', () => {
    expect(handSignal(frame(0, RIGHT_HAND_UP))).toBe('one-hand-up')
    expect(handSignal(frame(0, ARMS_CROSSED))).toBe('arms-crossed-up')
    expect(handSignal(frame(0))).toBeNull()
    // An overhead squat's arms: both up, not crossed.
    expect(handSignal(frame(0, ARMS_OVERHEAD))).toBeNull()
  })

  it('fires after a second held, once, and again only after the hands came down', () => {
    expect(gestures(hold(GESTURE_HOLD_MS - 100, RIGHT_HAND_UP))).toEqual([])
    const twice = [...hold(3000, RIGHT_HAND_UP), ...hold(800, {}, 3033), ...hold(1200, RIGHT_HAND_UP, 3900)]
    expect(gestures(twice)).toEqual(['pause', 'pause'])
    expect(gestures(hold(1200, ARMS_CROSSED))).toEqual(['skip'])
  })
})

/**
 * Every exercise's own movement, on keypoints from real footage (tests/fixtures/poses: all ten routine
 * exercises or their stand-ins, front, side and angled views): no gesture may fire.
 */
describe('no gesture from the exercises themselves (real footage)', () => {
  const root = resolve(import.meta.dirname, '../../../tests/fixtures/poses')
  const clips = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).flatMap((folder) => readdirSync(resolve(root, folder)).filter((f) => f.endsWith('.json')).map((f) => `${folder}/${f}`))
  it('has fixtures for every folder of footage', () => {
    expect(clips.length).toBeGreaterThanOrEqual(30)
  })
  for (const clip of clips) {
    it(clip, () => {
      const { frames } = decodePoses(JSON.parse(readFileSync(resolve(root, clip), 'utf8')))
      expect(gestures(frames)).toEqual([])
    })
  }
})
