import { describe, expect, it } from 'vitest'
import { findPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import { analyzeFrames } from '../engine/analyze'
import type { PoseFrame } from '../pose/types'
import { sequence, withJitter } from '../../../tests/fixtures/synthetic/skeleton'
import { sideLying, type SideLyingPose } from './plank-poses'
import { elbowTiltDeg } from './side-plank'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { decodePoses } from '../pose/compact'
import { derollFrame } from '../engine/levelFrame'


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

describe('side plank elbow: judged against the runner\'s own floor contacts, not the camera', () => {
  it('reads the same tilt whichever way the picture is turned', () => {
    const shoulder = { x: 300, y: 200 }
    const elbow = { x: 260, y: 320 }
    const foot = { x: 900, y: 330 }
    const level = elbowTiltDeg(shoulder, elbow, foot)
    const c = { x: 500, y: 300 }
    for (const deg of [-15, 10, 30]) {
      const turn = (p: { x: number; y: number }) => ({
        x: c.x + (p.x - c.x) * Math.cos((deg * Math.PI) / 180) - (p.y - c.y) * Math.sin((deg * Math.PI) / 180),
        y: c.y + (p.x - c.x) * Math.sin((deg * Math.PI) / 180) + (p.y - c.y) * Math.cos((deg * Math.PI) / 180)
      })
      expect(elbowTiltDeg(turn(shoulder), turn(elbow), turn(foot))).toBeCloseTo(level, 6)
    }
    // Elbow 40 px towards the head under a shoulder 120 px up a level floor: atan(40/ (120 - ~1.9)) ≈ 18.7°.
    expect(level).toBeGreaterThan(17)
    expect(level).toBeLessThan(20)
  })

  // The studio side plank (labels.json): hips too high 2.24-4.93 s, too low 4.93-7.71 s, elbow out wide
  // 7.71-9.99 s, stacked before 2.24 s and after 9.99 s. BlazePose Lite's readings of two copies filmed worse
  // (`npm run eval -- --robust`: rolled -10°, and 320x180; tests/fixtures/poses-lite/README.md): the rule this
  // replaced (the elbow's sideways offset in the levelled picture, 0.15 torso) read their stacked set-up
  // 0.15-0.16 torso off and raised the cue at 1.4-1.5 s on a clean hold.
  for (const copy of ['roll-10', '320x180']) {
    it(`the studio side plank, ${copy} (Lite): the elbow cue on the wide elbow only, hips cues kept`, () => {
      const path = resolve(dirname(fileURLToPath(import.meta.url)), `../../../tests/fixtures/poses-lite/side_plank/${copy}-side_plank_forearm_front_studio_fixform_3faults_prakhar.json`)
      const r = analyzeFrames('side-plank', decodePoses(JSON.parse(readFileSync(path, 'utf8'))).frames)
      const at = (id: string) => r.cues.filter((c) => c.id === id).map((c) => c.t)
      const elbow = at('side-plank-elbow-under-shoulder')
      expect(elbow.length).toBeGreaterThan(0)
      expect(elbow.every((t) => t > 7.71 - 0.5 && t < 9.99 + 0.5)).toBe(true)
      expect(at('side-plank-hips-piking').some((t) => t > 2.24 && t < 4.93)).toBe(true)
      expect(at('side-plank-hips-dropping').some((t) => t > 4.93 && t < 7.71)).toBe(true)
    })
  }
})

describe('side plank rolled past what the engine undoes (20°)', () => {
  // Its rules read the body against itself (hip bend, elbow tilt from its own floor contacts), so a laptop
  // tilted 20–25° still gets all three labelled faults of the studio side plank (Full keypoints, turned here);
  // before, the engine held form back there as it must for rules along image axes.
  const clip = 'side_plank/side_plank_forearm_front_studio_fixform_3faults_prakhar.json'
  const frames = findPoseFixture(clip)
  for (const deg of [20, 25, -25]) {
    it.skipIf(!frames)(`rolled ${deg}°: read as tilted, and every labelled fault still cued in its span`, () => {
      const r = analyzeFrames('side-plank', frames!.map((f) => derollFrame(f, -deg)))
      const tilts = r.events.flatMap((e) => (e.type === 'camera' && e.state === 'tilted' ? [Math.abs(e.rollDeg)] : []))
      expect(Math.max(...tilts)).toBeGreaterThan(20)
      const at = (id: string) => r.cues.filter((c) => c.id === id).map((c) => c.t)
      expect(at('side-plank-hips-piking').some((t) => t > 2.24 && t < 4.93)).toBe(true)
      expect(at('side-plank-hips-dropping').some((t) => t > 4.93 && t < 7.71)).toBe(true)
      expect(at('side-plank-elbow-under-shoulder').some((t) => t > 7.71 && t < 9.99)).toBe(true)
    })
  }
})
