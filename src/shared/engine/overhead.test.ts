import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { POSES_DIR, loadPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import { createBody } from './body'
import { CameraAboveTracker, elbowAbductionDeg, seenFromAbove } from './overhead'

const OVERHEAD = ['pushup', 'pushup_overhead_home_elbows_tucked_then_flared_jtnicastro'] as const

/** Share of a fixture's frames with a person that read "seen from above". */
function aboveShare(folder: string, stem: string): number {
  const frames = loadPoseFixture(folder, stem).filter((f) => f.keypoints.length > 0)
  return frames.filter((f) => seenFromAbove(createBody(f), f.worldLandmarks)).length / frames.length
}

describe('a camera looking down from above', () => {
  it('is read on the overhead push-up clip, and on no other clip of our footage', () => {
    expect(aboveShare(...OVERHEAD)).toBeGreaterThan(0.95)
    for (const folder of readdirSync(POSES_DIR).filter((f) => !f.includes('.'))) {
      for (const file of readdirSync(join(POSES_DIR, folder))) {
        const stem = file.replace(/\.json$/, '')
        if (stem === OVERHEAD[1]) continue
        expect(aboveShare(folder, stem), `${folder}/${stem}`).toBeLessThanOrEqual(0.05)
      }
    }
  })

  it('settles over a second and is not flipped by a few odd frames', () => {
    const tracker = new CameraAboveTracker()
    const frames = loadPoseFixture(...OVERHEAD).filter((f) => f.keypoints.length > 0)
    const settledAt = frames.findIndex((f) => tracker.update(createBody(f), f.worldLandmarks))
    expect(settledAt).toBeGreaterThanOrEqual(7)
    expect(frames[settledAt].timestampMs).toBeLessThan(frames[0].timestampMs + 1500)
    // Three frames without world landmarks (nothing to read) do not undo it.
    for (const f of frames.slice(settledAt + 1, settledAt + 4)) expect(tracker.update(createBody(f), undefined)).toBe(true)
  })

  it('measures the arms against the body as the labels do: tucked ~35°, T-shaped past 70° (labelled 34 and 83-85)', () => {
    const frames = loadPoseFixture(...OVERHEAD)
    const at = (s: number): number => {
      const f = frames.reduce((best, x) => (Math.abs(x.timestampMs - s * 1000) < Math.abs(best.timestampMs - s * 1000) ? x : best))
      const { left, right } = elbowAbductionDeg(createBody(f))
      return Math.min(left!, right!)
    }
    expect(at(2.1)).toBeLessThan(45)
    expect(at(4.4)).toBeLessThan(45)
    expect(at(21.4)).toBeGreaterThan(70)
    expect(at(24.3)).toBeGreaterThan(70)
  })
})
