import { describe, expect, it } from 'vitest'
import { findPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import { analyzeFrames } from '../engine/analyze'
import type { PoseFrame } from '../pose/types'
import { sequence, withJitter } from '../../../tests/fixtures/synthetic/skeleton'
import { sideLying, type SideLyingPose } from './plank-poses'


const LEFT_FOREARM: SideLyingPose = { down: 'left', support: 'forearm' }

function hold(seconds: number, pose: (tS: number) => SideLyingPose): PoseFrame[] {
  return withJitter(sequence(seconds, 30, (tS, tMs) => sideLying(tMs, pose(tS))), 1.5)
}

describe('side plank (synthetic front view)', () => {
  it('times a straight forearm side plank on the left as one left-side hold with no cue', () => {
    const r = analyzeFrames('side-plank', hold(10, () => LEFT_FOREARM))
    expect(r.holds).toHaveLength(1)
    expect(r.holds[0].side).toBe('left')
    expect(r.holds[0].goodFormSeconds).toBeGreaterThan(9)
    expect(r.cues).toEqual([])
  })

  it('detects the right side down on a straight arm, head on the other side', () => {
    const r = analyzeFrames('side-plank', hold(8, () => ({ down: 'right', support: 'hand', head: 'right' })))
    expect(r.holds.map((h) => h.side)).toEqual(['right'])
    expect(r.cues).toEqual([])
  })

  it('raises side-plank-hips-dropping and stops good-form time while the hips sink', () => {
    const r = analyzeFrames('side-plank', hold(12, (t) => ({ ...LEFT_FOREARM, hipDropPx: t > 5 && t < 9 ? 40 : 0 })))
    expect(r.cues.map((c) => c.id)).toEqual(['side-plank-hips-dropping'])
    expect(r.holds).toHaveLength(1)
    expect(r.holds[0].goodFormSeconds).toBeLessThan(9)
  })

  it('raises side-plank-elbow-under-shoulder when the elbow is planted far from under the shoulder', () => {
    const r = analyzeFrames('side-plank', hold(10, (t) => ({ ...LEFT_FOREARM, armLeanDeg: t > 4 ? 45 : 0 })))
    // A fault held for seconds is said again (every 4 s): one cue id, raised at least once.
    expect([...new Set(r.cues.map((c) => c.id))]).toEqual(['side-plank-elbow-under-shoulder'])
  })

  it('starts no hold while lying on the side with the hips on the floor', () => {
    const r = analyzeFrames('side-plank', hold(8, () => ({ ...LEFT_FOREARM, hipDropPx: 70 })))
    expect(r.holds).toEqual([])
    expect(r.cues).toEqual([])
  })

  it('starts the hold when the hips lift off the floor, not while resting propped on the forearm', () => {
    // Propped on the forearm with the hips down the line bends ~22°: close to a sag, but not a hold.
    const r = analyzeFrames('side-plank', hold(12, (t) => ({ ...LEFT_FOREARM, hipDropPx: t < 5 ? 33 : 0 })))
    expect(r.holds).toHaveLength(1)
    expect(r.holds[0].start).toBeGreaterThan(4.5)
    expect(r.cues).toEqual([])
  })

  it('ends the hold once the hips stay down on the floor', () => {
    const r = analyzeFrames('side-plank', hold(14, (t) => ({ ...LEFT_FOREARM, hipDropPx: t > 6 ? 33 : 0 })))
    expect(r.holds).toHaveLength(1)
    expect(r.holds[0].end).toBeLessThan(10)
  })

  it('ends the first hold and starts a new one when the runner switches sides', () => {
    const frames = hold(16, (t) => (t < 7 ? LEFT_FOREARM : t < 8.5 ? { ...LEFT_FOREARM, hipDropPx: 80 } : { down: 'right', support: 'forearm' }))
    const r = analyzeFrames('side-plank', frames)
    expect(r.holds.map((h) => h.side)).toEqual(['left', 'right'])
  })

  it('times nothing with the legs out of frame', () => {
    const cropped = hold(6, () => LEFT_FOREARM).map((f) => ({
      ...f,
      keypoints: f.keypoints.map((k) => (/hip|knee|ankle/.test(k.name) ? { ...k, score: 0.1 } : k))
    }))
    expect(analyzeFrames('side-plank', cropped).holds).toEqual([])
  })
})

/** Holds from labels.json (written by a person); side = the down side. */
const LABELLED = [
  { clip: 'side_plank/side_plank_forearm_studio_wahoo_tomnotch.json', hold: [12.0, 15.77], side: 'left' },
  { clip: 'side_plank/side_plank_armup_outdoor_pole_occlusion_myoxyn.json', hold: [0.0, 4.319], side: 'right' }
] as const

describe('side plank (real footage, blazepose-full keypoints)', () => {
  for (const { clip, hold: [start, end], side } of LABELLED) {
    const frames = findPoseFixture(clip)
    it.skipIf(!frames)(`${clip}: a ${side} hold within 1.5 s of ${start}–${end} s, no cue`, () => {
      const r = analyzeFrames('side-plank', frames!)
      expect(r.holds.length).toBeGreaterThanOrEqual(1)
      const h = r.holds[0]
      expect(h.side).toBe(side)
      expect(Math.abs(h.start - start)).toBeLessThanOrEqual(1.5)
      expect(Math.abs(h.end - end)).toBeLessThanOrEqual(1.5)
      expect(r.cues).toEqual([])
    })
  }
})
