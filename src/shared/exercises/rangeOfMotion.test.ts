/**
 * The range-of-motion readings of the exercises with trackers of their own (glute bridge, heel taps,
 * step-up, band walk): what each reads, against which rest and which line, and that the reading moves
 * over the reps counted on real footage keypoints. Counting itself is tested beside each exercise.
 */
import { describe, expect, it } from 'vitest'
import { between, loadPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import { frontStanding, SEG, sequence, sideLegs, supine, type FrontPose } from '../../../tests/fixtures/synthetic/skeleton'
import { createEngine } from '../engine/engine'
import type { ExerciseId } from '../engine/events'
import { readsRangeOfMotion, type RangeOfMotion } from '../engine/tracker'
import type { PoseFrame } from '../pose/types'
import { rangeBar, TARGET_AT } from '../workout/rangeBar'
import { STEP_OUT_SHIN_FRACTION, stepWidth } from './band-walk'
import { BRIDGE_MACHINE, bridgeTargetDeg, FULLY_UP_HIP_DEG } from './glute-bridge'
import { HEEL_TAP_MACHINE } from './heel-taps'
import { supineLegs, type SupineLeg } from './heel-taps-poses'
import { EXERCISES } from './index'
import { HIPS_ON_BOX_SHIN_FRACTION, hipRise } from './step-up'

/** Each frame's reading through the whole engine (smoothing, visibility, view), as the app gets it. */
function readings(exercise: ExerciseId, frames: PoseFrame[], variant?: string): { tMs: number; rom: RangeOfMotion | null; reps: { startMs: number; endMs: number; t: number }[] }[] {
  const engine = createEngine(exercise, variant ? { variant } : {})
  return frames.map((f) => {
    const reps = engine.push(f).flatMap((e) => (e.type === 'rep' ? [{ startMs: e.startMs, endMs: e.endMs, t: e.t }] : []))
    return { tMs: f.timestampMs, rom: engine.rangeOfMotion ?? null, reps }
  })
}

/** The reading on the last frame at or before `tS` seconds. */
function at(series: ReturnType<typeof readings>, tS: number): RangeOfMotion {
  const rom = series.filter((r) => r.tMs <= tS * 1000).at(-1)?.rom
  if (!rom) throw new Error(`no reading at ${tS} s; expected the pose to be judged`)
  return rom
}

const bar = (rom: RangeOfMotion): number => rangeBar(rom, null)!.now

describe('every exercise counted in reps has a range-of-motion reading (the set screen shows its bar)', () => {
  for (const def of Object.values(EXERCISES)) {
    it(`${def.id} (${def.measure})`, () => {
      expect(readsRangeOfMotion(def.createTracker())).toBe(def.measure !== 'hold')
    })
  }
})

describe('glute bridge: hip extension from the runner\'s own lying angle to the straight line the routine asks for', () => {
  it('puts the line at the straight shoulder–hip–knee line where a side view shows it, else at the counting line', () => {
    expect(bridgeTargetDeg('side')).toBe(FULLY_UP_HIP_DEG)
    expect(bridgeTargetDeg('front')).toBe(BRIDGE_MACHINE.reachDepthDeg)
    expect(bridgeTargetDeg('unknown')).toBe(BRIDGE_MACHINE.reachDepthDeg)
  })

  it('measures rest on the runner lying between lifts, and reads the bar from there', () => {
    // Three lifts to a straight bridge (hipLift 0.7), 3 s apart, from a body lying with its hips low (hipLift -0.1, ~113°).
    const lift = (t: number): number => {
      const u = (t - 1) % 3
      return t < 1 || t > 10 || u > 2 ? -0.1 : -0.1 + 0.8 * Math.sin((Math.PI * u) / 2)
    }
    const series = readings('glute-bridge', sequence(11, 30, (t, tMs) => supine(tMs, { hipLift: lift(t), head: 'left' })))
    expect(series.flatMap((r) => r.reps)).toHaveLength(3)
    const lying = at(series, 10.9)
    // Its rest is where it lies (~113°), not the 125° assumed before a rest is seen nor the 135° back-at-rest line.
    expect(lying.value).toBeLessThan(116)
    expect(lying.rest).toBeCloseTo(lying.value, 0)
    expect(lying.target).toBe(FULLY_UP_HIP_DEG)
    expect(bar(lying)).toBeLessThan(0.05)
    expect(bar({ ...lying, value: FULLY_UP_HIP_DEG })).toBeCloseTo(TARGET_AT, 9)
    // At the top of a lift (~179°, a straight line) the bar is past its line.
    expect(bar(at(series, 2))).toBeGreaterThan(TARGET_AT)
  })
})

describe('heel taps: the tapping leg\'s hip flexion from its own heel-on-floor angle to a vertical thigh', () => {
  const DOWN: SupineLeg = { hipDeg: 128, kneeDeg: 80 }
  const UP: SupineLeg = { hipDeg: 90, kneeDeg: 90 }
  const towards = (from: SupineLeg, to: SupineLeg, u: number): SupineLeg => ({ hipDeg: from.hipDeg + u * (to.hipDeg - from.hipDeg), kneeDeg: from.kneeDeg + u * (to.kneeDeg - from.kneeDeg) })
  /** Alternating taps, left first, 2.5 s per tap: up over 1 s, held 0.5 s, down over 1 s. */
  const lift = (t: number, startS: number): number => {
    const u = t - startS
    return u < 0 || u > 2.5 ? 0 : u < 1 ? u : u < 1.5 ? 1 : 2.5 - u
  }
  const frames = sequence(12, 30, (t, tMs) => {
    let left = 0
    let right = 0
    for (let i = 0; i < 2; i++) {
      left = Math.max(left, lift(t, 1 + i * 5))
      right = Math.max(right, lift(t, 3.5 + i * 5))
    }
    return supineLegs(tMs, { left: towards(DOWN, UP, left), right: towards(DOWN, UP, right) })
  })
  const series = readings('heel-taps', frames)

  it('counts the taps as before (4, alternating)', () => {
    expect(series.flatMap((r) => r.reps)).toHaveLength(4)
  })

  it('rests at the runner\'s own heel-on-floor angle (128° here), not the 120° back-at-rest line', () => {
    const down = at(series, 11.9)
    expect(down.rest).toBeGreaterThan(HEEL_TAP_MACHINE.returnRestDeg + 5)
    expect(down.rest).toBeCloseTo(down.value, 0)
    expect(down.target).toBe(HEEL_TAP_MACHINE.reachDepthDeg)
    expect(bar(down)).toBeLessThan(0.05)
  })

  it('follows whichever leg is tapping: the thigh over the pelvis fills the bar past its line, left and right alike', () => {
    const leftTop = at(series, 7.2)
    const rightTop = at(series, 9.7)
    for (const top of [leftTop, rightTop]) {
      expect(top.value).toBeLessThan(95)
      expect(bar(top)).toBeGreaterThan(TARGET_AT)
    }
    // Half way up one leg while the other lies on the floor: the bar is half way, not the resting leg's zero.
    const halfway = at(series, 6.5)
    expect(bar(halfway)).toBeGreaterThan(0.3)
    expect(bar(halfway)).toBeLessThan(0.7)
  })
})

describe('step-up: the hips\' rise above the runner\'s own standing height, in shin lengths', () => {
  it('maps standing to an empty bar and a box height\'s rise (the counting line) to the target line', () => {
    const standing = hipRise(420, 420, 100)
    expect(standing).toMatchObject({ unit: 'shin', value: 0, rest: 0, target: HIPS_ON_BOX_SHIN_FRACTION })
    expect(bar(standing)).toBe(0)
    expect(bar(hipRise(420, 420 - HIPS_ON_BOX_SHIN_FRACTION * 100, 100))).toBeCloseTo(TARGET_AT, 9)
    // Shin lengths, not pixels: the same rise seen twice as large reads the same.
    expect(hipRise(840, 840 - 50, 200).value).toBeCloseTo(hipRise(420, 420 - 25, 100).value, 9)
  })

  it('reads from where this runner stands, wherever that is in the picture, and rises by the box height', () => {
    const FLOOR = 650
    const BOX = 60
    for (const crouch of [0, 20]) {
      // Standing hip height differs by `crouch` px between runners; the lead foot goes up at 1 s, the body rises 1.2–2 s.
      const standHip = FLOOR - SEG.shin - SEG.thigh + 3 + crouch
      const series = readings('step-up', sequence(4, 30, (t, tMs) => {
        const up = Math.min(1, Math.max(0, (t - 1.2) / 0.8))
        const lead = t < 1 ? { x: 600, y: FLOOR } : { x: 700, y: FLOOR - BOX }
        return sideLegs(tMs, { x: 600 + 100 * up, y: standHip - BOX * up }, { x: 600, y: FLOOR }, lead)
      }))
      expect(at(series, 0.9).value).toBeCloseTo(0, 1)
      // The rise is the box's 60 px in the image's shin (~105 px): ~0.57 shin.
      expect(at(series, 3.9).value).toBeGreaterThan(0.45)
      expect(at(series, 3.9).value).toBeLessThan(0.7)
      expect(bar(at(series, 3.9))).toBe(1)
    }
  })
})

describe('band walk: step width from the runner\'s own stance, in shin lengths', () => {
  it('maps the stance to an empty bar and a step out (the counter\'s line) to the target line', () => {
    const stance = stepWidth(100, 100, 100)
    expect(stance).toMatchObject({ unit: 'shin', value: 1, rest: 1, target: 1 + STEP_OUT_SHIN_FRACTION })
    expect(bar(stance)).toBe(0)
    expect(bar(stepWidth(100 + STEP_OUT_SHIN_FRACTION * 100, 100, 100))).toBeCloseTo(TARGET_AT, 9)
    expect(bar(stepWidth(90, 100, 100))).toBe(0)
  })

  it('takes each runner\'s own stance as rest, narrow or wide', () => {
    for (const halfStance of [35, 70]) {
      const pose = (tMs: number, step: number): PoseFrame => {
        const p: FrontPose = { thighDrop: 0.6, kneeOut: 6, halfStance, cx: 640, floorY: 650, leftFootX: step }
        return frontStanding(tMs, p)
      }
      // Still for 1.5 s, then the left foot steps 60 px out.
      const series = readings('band-walk', sequence(2.5, 30, (t, tMs) => pose(tMs, t < 1.5 ? 0 : Math.min(60, (t - 1.5) * 120))))
      const still = at(series, 1.4)
      expect(bar(still)).toBeLessThan(0.05)
      expect(still.rest).toBeCloseTo(still.value, 1)
      const out = at(series, 2.4)
      expect(out.rest).toBeCloseTo(still.rest, 1)
      // 60 px is ~0.55 of this picture's shin: past the 0.35 line.
      expect(bar(out)).toBeGreaterThan(TARGET_AT)
    }
  })
})

/**
 * On real keypoints, over every counted rep (from the end of the one before): the bar starts near empty,
 * rises past its line, and (`returns`) falls back by half its height by the time the rep is counted.
 */
function expectMovesOverEachRep(series: ReturnType<typeof readings>, { startsBelow, returns }: { startsBelow: number; returns: boolean }): void {
  const reps = series.flatMap((r) => r.reps)
  expect(reps.length).toBeGreaterThan(0)
  let previousEnd = -Infinity
  for (const rep of reps) {
    const window = series.filter((r) => r.tMs > previousEnd && r.tMs <= rep.t && r.rom)
    const fractions = window.map((r) => bar(r.rom!))
    // Judged frames of the rep have a reading (the bar does not blink out mid-rep).
    expect(window.length).toBeGreaterThan(0.8 * series.filter((r) => r.tMs > previousEnd && r.tMs <= rep.t).length)
    const peak = fractions.indexOf(Math.max(...fractions))
    expect(Math.min(...fractions.slice(0, peak + 1))).toBeLessThan(startsBelow)
    expect(fractions[peak]).toBeGreaterThanOrEqual(TARGET_AT)
    if (returns) expect(Math.min(...fractions.slice(peak))).toBeLessThan(fractions[peak] - 0.5)
    previousEnd = rep.endMs
  }
}

describe('the reading moves over each rep counted on real footage keypoints', () => {
  it('glute bridge, side view (5 reps): lying → past the straight line → lying', () => {
    const series = readings('glute-bridge', loadPoseFixture('glute_bridge', 'glute_bridge_side_darebee_be2018'))
    expect(series.flatMap((r) => r.reps)).toHaveLength(5)
    expectMovesOverEachRep(series, { startsBelow: 0.1, returns: true })
    // The rest is this runner's lying angle (~125–129° on this clip), under the 135° back-at-rest line.
    expect(at(series, 9.5).rest).toBeGreaterThan(120)
    expect(at(series, 9.5).rest).toBeLessThan(BRIDGE_MACHINE.returnRestDeg - 4)
  })

  it('glute bridge, home floor camera (lifts held at the top)', () => {
    expectMovesOverEachRep(readings('glute-bridge', loadPoseFixture('glute_bridge', 'glute_bridge_side_floorcam_home_amateur_lena')), { startsBelow: 0.1, returns: true })
  })

  it('step-up with dumbbells, angled camera (5 reps): floor → on the box → floor', () => {
    const series = readings('step-up', loadPoseFixture('step_up', 'step_up_dumbbells_angle_gym_studio_vivek'))
    expect(series.flatMap((r) => r.reps)).toHaveLength(5)
    expectMovesOverEachRep(series, { startsBelow: 0.1, returns: true })
  })

  it('band walk stand-in (a lateral walk without a band, 11 steps): stance → step out → stance', () => {
    const series = readings('band-walk', loadPoseFixture('band_walk', 'lateral_walk_goblet_noband_front_studio_vivek'))
    expect(series.flatMap((r) => r.reps)).toHaveLength(11)
    expectMovesOverEachRep(series, { startsBelow: 0.1, returns: true })
  })

  // No heel-tap footage exists. A dead bug is the nearest real movement (the legs flex at the hip lying on the
  // back), but its legs stay in a tabletop instead of tapping the floor, and the bar follows the leg furthest
  // from its rest, so it stays in the upper half: shown only to be read on a real lying body, to pass its line
  // on each counted cycle and to move. The tap itself (floor → vertical thigh → floor) is tested on synthetic legs above.
  it('heel-taps stand-ins (dead bugs): read on the lying body, past the line on each counted cycle, moving', () => {
    for (const clip of ['dead_bug_side_floorcam_studio_lifeenh', 'dead_bug_legext_side_studio_standin_prakhar']) {
      const series = readings('heel-taps', loadPoseFixture('heel_taps', clip))
      const reps = series.flatMap((r) => r.reps)
      expect(reps.length).toBeGreaterThan(0)
      for (const rep of reps) {
        const fractions = series.filter((r) => r.tMs >= rep.startMs && r.tMs <= rep.t && r.rom).map((r) => bar(r.rom!))
        expect(Math.max(...fractions)).toBeGreaterThanOrEqual(TARGET_AT)
      }
      const fractions = series.flatMap((r) => (r.rom ? [bar(r.rom)] : []))
      expect(fractions.length).toBeGreaterThan(0.9 * series.length)
      expect(Math.min(...fractions)).toBeLessThan(0.6)
    }
  })

  it('no reading while the body is not judged (walking into the picture before a bridge)', () => {
    const frames = between(loadPoseFixture('glute_bridge', 'glute_bridge_side_darebee_be2018'), 0, 1)
    const hidden = frames.map((f) => ({ ...f, keypoints: f.keypoints.map((k) => (k.name.endsWith('hip') ? { ...k, score: 0.05 } : k)) }))
    expect(readings('glute-bridge', hidden).every((r) => r.rom === null)).toBe(true)
  })
})
