import { describe, expect, it } from 'vitest'
import { findPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import { analyzeFrames } from '../engine/analyze'
import type { PoseFrame } from '../pose/types'
import { sequence, withJitter } from '../../../tests/fixtures/synthetic/skeleton'
import { prone, type PronePose } from './plank-poses'
import { hipBendDeg } from './plank-line'


const FOREARM: PronePose = { elbowDeg: 90, forearmDown: true }

function plankFor(seconds: number, pose: (tS: number) => PronePose): PoseFrame[] {
  return withJitter(sequence(seconds, 30, (tS, tMs) => prone(tMs, pose(tS))), 1.5)
}

describe('hipBendDeg', () => {
  it('is 0 on a straight line, positive when the hips drop towards the floor, negative when piked', () => {
    const s = { x: 0, y: 100 }
    const a = { x: 300, y: 100 }
    expect(hipBendDeg(s, { x: 120, y: 100 }, a)).toBeCloseTo(0)
    expect(hipBendDeg(s, { x: 120, y: 130 }, a)).toBeGreaterThan(20)
    expect(hipBendDeg(s, { x: 120, y: 70 }, a)).toBeLessThan(-20)
    // The same, head on the other side.
    expect(hipBendDeg(a, { x: 180, y: 130 }, s)).toBeGreaterThan(20)
  })
})

describe('plank (synthetic side view)', () => {
  it('times a straight forearm plank as one hold with no cue', () => {
    const r = analyzeFrames('plank', plankFor(12, () => FOREARM))
    expect(r.holds).toHaveLength(1)
    expect(r.holds[0].end - r.holds[0].start).toBeGreaterThan(11)
    expect(r.holds[0].goodFormSeconds).toBeGreaterThan(10.5)
    expect(r.cues).toEqual([])
  })

  it('times a straight-arm plank the same way', () => {
    const r = analyzeFrames('plank', plankFor(8, () => ({ elbowDeg: 175 })))
    expect(r.holds).toHaveLength(1)
    expect(r.cues).toEqual([])
  })

  it('raises hips-sagging and stops the good-form timer while the hips sag', () => {
    const r = analyzeFrames('plank', plankFor(12, (t) => ({ ...FOREARM, hipSagPx: t > 5 && t < 9 ? 40 : 0 })))
    expect(r.cues.map((c) => c.id)).toEqual(['hips-sagging'])
    expect(r.cues[0].t).toBeGreaterThan(5)
    expect(r.holds).toHaveLength(1)
    expect(r.holds[0].goodFormSeconds).toBeLessThan(9)
  })

  it('raises hips-piking when the hips rise above the line', () => {
    const r = analyzeFrames('plank', plankFor(10, (t) => ({ ...FOREARM, hipSagPx: t > 4 ? -45 : 0 })))
    // A fault held for seconds is said again (every 4 s): one cue id, raised at least once.
    expect([...new Set(r.cues.map((c) => c.id))]).toEqual(['hips-piking'])
  })

  it('raises elbows-under-shoulders when the forearm plank reaches the elbows far forward', () => {
    const r = analyzeFrames('plank', plankFor(10, (t) => ({ ...FOREARM, upperArmLeanDeg: t > 4 ? 50 : 0 })))
    // A fault held for seconds is said again (every 4 s): one cue id, raised at least once.
    expect([...new Set(r.cues.map((c) => c.id))]).toEqual(['elbows-under-shoulders'])
  })

  it('does not judge the line while settling into the plank', () => {
    // Hips high on the way down to the forearms, then straight.
    const r = analyzeFrames('plank', plankFor(8, (t) => ({ ...FOREARM, hipSagPx: t < 0.8 ? -60 : 0 })))
    expect(r.cues).toEqual([])
    expect(r.holds).toHaveLength(1)
  })

  it('starts no hold while kneeling (knees bent) and none with the legs out of frame', () => {
    const kneeling = analyzeFrames('plank', plankFor(6, () => ({ ...FOREARM, fromKnees: true })))
    expect(kneeling.holds).toEqual([])
    const cropped = plankFor(6, () => FOREARM).map((f) => ({
      ...f,
      keypoints: f.keypoints.map((k) => (/hip|knee|ankle|heel|foot/.test(k.name) ? { ...k, score: 0.1 } : k))
    }))
    const r = analyzeFrames('plank', cropped)
    expect(r.holds).toEqual([])
    expect(r.events.some((e) => e.type === 'visibility' && !e.ok)).toBe(true)
  })
})

/** Holds from labels.json (written by a person from contact sheets), seconds. */
const LABELLED = [
  { clip: 'plank/plank_forearm_side_outdoor_amateur_myoxyn.json', hold: [1.2, 4.203] },
  { clip: 'plank/plank_forearm_side_studio_wahoo_tomnotch.json', hold: [10.6, 19.9] },
  { clip: 'plank/plank_high_straightarm_side_outdoor_amateur_myoxyn.json', hold: [0.0, 5.642] }
] as const

describe('plank (real footage, blazepose-full keypoints)', () => {
  for (const { clip, hold } of LABELLED) {
    const frames = findPoseFixture(clip)
    it.skipIf(!frames)(`${clip}: one hold within 1.5 s of the labelled ${hold[0]}–${hold[1]} s, no cue`, () => {
      const r = analyzeFrames('plank', frames!)
      expect(r.holds).toHaveLength(1)
      expect(Math.abs(r.holds[0].start - hold[0])).toBeLessThanOrEqual(1.5)
      expect(Math.abs(r.holds[0].end - hold[1])).toBeLessThanOrEqual(1.5)
      expect(r.cues).toEqual([])
    })
  }
})
