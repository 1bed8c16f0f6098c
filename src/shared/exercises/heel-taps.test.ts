import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { findPoseFixture, OTHER_MOVEMENT_FIXTURES } from '../../../tests/fixtures/synthetic/realFixtures'
import { analyzeFrames } from '../engine/analyze'
import { decodePoses } from '../pose/compact'
import type { PoseFrame } from '../pose/types'
import { bump, sequence, withJitter } from '../../../tests/fixtures/synthetic/skeleton'
import { supineLegs, type SupineLeg } from './heel-taps-poses'


const DOWN: SupineLeg = { hipDeg: 135, kneeDeg: 90 }

/** One leg's tap cycle: 0 at the floor, 1 with the thigh vertical; `lowerS` = time spent lowering. */
function cycle(tS: number, startS: number, upS = 1, holdS = 0.3, lowerS = 1): number {
  const t = tS - startS
  if (t < 0 || t > upS + holdS + lowerS) return 0
  if (t < upS) return bump(t, 0, upS * 2)
  if (t < upS + holdS) return 1
  return bump(t - upS - holdS + lowerS, 0, lowerS * 2)
}

function leg(lift: number, top: Partial<SupineLeg> = {}, bottom: Partial<SupineLeg> = {}): SupineLeg {
  const from = { ...DOWN, ...bottom }
  const to = { hipDeg: 90, kneeDeg: 90, ...top }
  return { hipDeg: from.hipDeg + lift * (to.hipDeg - from.hipDeg), kneeDeg: from.kneeDeg + lift * (to.kneeDeg - from.kneeDeg) }
}

interface Taps {
  perLeg: number
  lowerS?: number
  top?: Partial<SupineLeg>
  bottom?: Partial<SupineLeg>
  together?: boolean
}

/** Alternating taps (left first, 1.5 s apart) or both legs together, 3 s per cycle. */
function taps({ perLeg, lowerS = 1, top, bottom, together = false }: Taps): PoseFrame[] {
  return withJitter(sequence(1 + perLeg * 3 + 2, 30, (tS, tMs) => {
    let l = 0
    let r = 0
    for (let i = 0; i < perLeg; i++) {
      l = Math.max(l, cycle(tS, 1 + i * 3, 1, 0.3, lowerS))
      r = Math.max(r, cycle(tS, (together ? 1 : 2.5) + i * 3, 1, 0.3, lowerS))
    }
    return supineLegs(tMs, { left: leg(l, top, bottom), right: leg(r, top, bottom) })
  }), 1.5)
}

describe('heel taps (synthetic side view, lying on the back)', () => {
  it('counts a rep per heel tap of each leg, alternating, with no cue for controlled taps at 90°', () => {
    const r = analyzeFrames('heel-taps', taps({ perLeg: 5 }))
    expect(r.repCount).toBe(10)
    expect(r.reps.map((rep) => rep.side)).toEqual(['left', 'right', 'left', 'right', 'left', 'right', 'left', 'right', 'left', 'right'])
    expect(r.cues).toEqual([])
  })

  it('counts one rep per tap of both legs in the both-legs variant', () => {
    const r = analyzeFrames('heel-taps', taps({ perLeg: 4, together: true }), { variant: 'both-legs' })
    expect(r.repCount).toBe(4)
    expect(r.reps.every((rep) => rep.side === null)).toBe(true)
  })

  it('flags a leg that straightens out at the top (heel-taps-knee-straightening)', () => {
    const r = analyzeFrames('heel-taps', taps({ perLeg: 2, top: { kneeDeg: 165 } }))
    expect(r.cues.map((c) => c.id)).toContain('heel-taps-knee-straightening')
  })

  it('flags taps that stop short of the floor (heel-taps-short-tap)', () => {
    const r = analyzeFrames('heel-taps', taps({ perLeg: 2, bottom: { hipDeg: 126 } }))
    expect(r.repCount).toBe(4)
    expect(r.reps.every((rep) => rep.cues.includes('heel-taps-short-tap'))).toBe(true)
  })

  it('flags a leg dropped to the floor (heel-taps-dropping)', () => {
    const r = analyzeFrames('heel-taps', taps({ perLeg: 2, lowerS: 0.15 }))
    expect(r.repCount).toBe(4)
    expect(r.reps.every((rep) => rep.cues.includes('heel-taps-dropping'))).toBe(true)
  })

  it('counts nothing lying still, or with the legs out of frame', () => {
    expect(analyzeFrames('heel-taps', taps({ perLeg: 0 })).repCount).toBe(0)
    const cropped = taps({ perLeg: 3 }).map((f) => ({
      ...f,
      keypoints: f.keypoints.map((k) => (/knee|ankle|heel|foot/.test(k.name) ? { ...k, score: 0.1 } : k))
    }))
    const r = analyzeFrames('heel-taps', cropped)
    expect(r.repCount).toBe(0)
    expect(r.events.some((e) => e.type === 'visibility' && !e.ok)).toBe(true)
  })
})

// No real footage of heel taps exists; the dead bugs below (tabletop legs, alternating extensions) only show
// that tracking and visibility behave on a body lying on its back, not that the heel-tap rules are right.
describe('heel taps stand-ins (tracking and visibility only, not proof of the heel-tap rules)', () => {
  const STAND_INS = [
    'heel_taps/dead_bug_side_floorcam_studio_lifeenh.json',
    'heel_taps/dead_bug_dumbbells_headend_angle_gym_vivek.json'
  ]
  for (const clip of STAND_INS) {
    const frames = findPoseFixture(clip)
    it.skipIf(!frames)(`${clip}: the lying body is seen and judged without a crash`, () => {
      const r = analyzeFrames('heel-taps', frames!)
      expect(r.events.some((e) => e.type === 'visibility')).toBe(true)
      // Legs held in a tabletop never return to the floor: at most a few cycles are read as taps.
      expect(r.repCount).toBeLessThanOrEqual(4)
    })
  }
})


describe('heel-taps (real footage of other movements: nothing to count)', () => {
  for (const clip of OTHER_MOVEMENT_FIXTURES) {
    const frames = findPoseFixture(clip)
    it.skipIf(!frames)(`${clip}: no heel tap rep`, () => {
      expect(analyzeFrames('heel-taps', frames!).repCount).toBe(0)
    })
  }
})

describe('heel taps: the count does not hang on which frames reach the engine', () => {
  // Lite scores this dead bug's shoulder, hip and knee 0.4–0.6 while a leg comes back (11.2–11.8 s), right at
  // the 0.5 seen line. Live, the worker drops some camera frames and reads the rest from its own tracking
  // state, so scores differ a little from the analyzer's: the parity e2e test saw 1 rep live where the
  // analyzer counted 2. Modelled here: 100 seeded runs keeping 80–100% of the frames, each score moved by up
  // to ±0.08; every run must count what the full-rate reading counts. With frame scores alone, 8 of 100
  // runs counted 1 (measured); KeypointSmoother's score low-pass keeps a joint seen through such dips.
  const path = resolve(dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/poses-lite/heel_taps/dead_bug_legext_side_studio_standin_prakhar.json')
  const frames = decodePoses(JSON.parse(readFileSync(path, 'utf8'))).frames

  it('dead_bug_legext (Lite): dropped frames and score noise count the same reps as the full-rate reading', () => {
    const full = analyzeFrames('heel-taps', frames).repCount
    expect(full).toBeGreaterThan(0)
    let seed = 12345
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    const counts: number[] = []
    for (let run = 0; run < 100; run++) {
      const keep = 0.8 + rand() * 0.2
      const seen = frames.filter(() => rand() < keep).map((f) => ({
        ...f,
        keypoints: f.keypoints.map((k) => ({ ...k, score: Math.min(1, Math.max(0, k.score + (rand() - 0.5) * 0.16)) }))
      }))
      counts.push(analyzeFrames('heel-taps', seen).repCount)
    }
    expect(counts.filter((n) => n !== full)).toEqual([])
  })
})
