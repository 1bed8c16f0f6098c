import { describe, expect, it } from 'vitest'
import { analyzeFrames } from '../engine/analyze'
import { loadPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import { bump, SEG, sequence, sideLegs, toFrame, withJitter } from '../../../tests/fixtures/synthetic/skeleton'
import type { Side } from '../engine/events'
import { rollFrame } from '../engine/levelFrame'
import { createBody } from '../engine/body'
import { createLungeSignal, lungeBend, LUNGE_MACHINE } from './lunge'

// Person-written labels (../shared/footage/labels.json): rep count range and the front leg of each rep.
const REAL: [clip: string, reps: [number, number], sides: Side | null][] = [
  ['split_squat_side_dumbbells_home_ambaks', [10, 11], 'right'],
  ['lunge_forward_side_1rep_justfit', [1, 1], 'left'],
  ['reverse_lunge_kneedrive_side_darebee_be2018', [11, 12], null],
  ['lunge_forward_alternating_frontangle_istock_hanshitha', [6, 6], null],
  ['lunge_front_dumbbells_istock_sumukh', [1, 2], null]
]

describe('lunge on real footage keypoints', () => {
  for (const [clip, [lo, hi], side] of REAL) {
    it(`${clip}: ${lo}–${hi} reps`, () => {
      const r = analyzeFrames('lunge', loadPoseFixture('lunge', clip))
      expect(r.repCount).toBeGreaterThanOrEqual(lo)
      expect(r.repCount).toBeLessThanOrEqual(hi)
      if (side) expect(r.reps.every((x) => x.side === side)).toBe(true)
      expect(r.cues.filter((c) => ['knee-past-toes', 'torso-leaning', 'lunge-lurching'].includes(c.id))).toEqual([])
    })
  }
})

describe('lunge: a one-frame glitch at the bottom does not cost the rep', () => {
  it('reverse lunges with the standing pose pasted over two frames at the bottom of every rep still count 11', () => {
    // The class: sensor noise or heavy compression makes the model read one frame of a rep as standing
    // (measured: strong noise on this clip, one frame at 176° mid-rep, lost the rep as two "too fast" halves).
    const frames = loadPoseFixture('lunge', 'reverse_lunge_kneedrive_side_darebee_be2018')
    const clean = analyzeFrames('lunge', frames)
    const standing = frames.reduce((a, b) => (Math.abs(b.timestampMs - 1000) < Math.abs(a.timestampMs - 1000) ? b : a))
    const bottoms = new Set(clean.reps.map((r) => frames.findIndex((f) => Math.abs(f.timestampMs - r.bottom * 1000) < 1)))
    const glitched = frames.map((f, i) => (bottoms.has(i) || bottoms.has(i - 1) ? { ...standing, timestampMs: f.timestampMs } : f))
    expect(glitched.filter((f, i) => f !== frames[i])).toHaveLength(2 * clean.repCount)
    const r = analyzeFrames('lunge', glitched)
    expect(clean.repCount).toBe(11)
    expect(r.repCount).toBe(clean.repCount)
  })
})

describe('lunge: a one-frame spike at the top does not move the runner\'s top', () => {
  // Side view, pixels: a split squat's top keeps both knees bent (the less-bent knee ~148° here).
  const legs = (rearKnee: { x: number; y: number }, rearAnkle: { x: number; y: number }) => ({
    left_shoulder: { x: 500, y: 260 }, right_shoulder: { x: 500, y: 260 }, left_hip: { x: 500, y: 400 }, right_hip: { x: 500, y: 400 },
    left_knee: { x: 560, y: 475 }, left_ankle: { x: 560, y: 565 }, right_knee: rearKnee, right_ankle: rearAnkle
  })
  const top = legs({ x: 450, y: 480 }, { x: 420, y: 570 })
  const rearDrawnStraight = legs({ x: 500, y: 490 }, { x: 500, y: 580 })
  it('one frame with a leg drawn straight at the top: the standing that follows still reads as the top', () => {
    // The class: measured on BlazePose Lite, a split squat's top (~150°) with one frame drawn at 175° while the
    // legs crossed. Taken as the runner's top, it put the real top past the "left rest" line and the next
    // 0.9 s of standing counted as a rep with a depth cue (split_squat_side_dumbbells_home_ambaks, 23.6 s).
    const signal = createLungeSignal()
    const frames = Array.from({ length: 40 }, (_, i) => toFrame(i * 33.3, i === 10 ? rearDrawnStraight : top))
    const degs = frames.map((f) => signal(createBody(f))?.deg ?? null)
    expect(lungeBend(createBody(toFrame(0, top)))).toBeLessThan(155)
    expect(lungeBend(createBody(toFrame(0, rearDrawnStraight)))).toBeGreaterThan(175)
    for (const deg of degs.slice(11)) expect(deg).toBeGreaterThanOrEqual(LUNGE_MACHINE.returnRestDeg)
  })
  it('two frames in a row that agree do raise it (a real, briefly straighter top)', () => {
    const signal = createLungeSignal()
    const frames = Array.from({ length: 20 }, (_, i) => toFrame(i * 33.3, i === 10 || i === 11 ? rearDrawnStraight : top))
    const degs = frames.map((f) => signal(createBody(f))?.deg ?? null)
    expect(degs[15]).toBeLessThan(LUNGE_MACHINE.leaveRestDeg)
  })
})

describe('lunge bottom read from the deeper planted knee', () => {
  // Side view, pixels. The class: mirrored, BlazePose Lite drew a rep's rear knee at ~150° while the front
  // knee was at 82° with both feet down; the less-bent knee read "back at the top" mid-rep and the rep was lost.
  const shoulders = { left_shoulder: { x: 500, y: 260 }, right_shoulder: { x: 500, y: 260 } }
  it('both feet down and a knee past 120°: the body is as deep as that knee, however straight the other is drawn', () => {
    const body = createBody(toFrame(0, {
      ...shoulders, left_hip: { x: 500, y: 400 }, right_hip: { x: 500, y: 400 },
      left_knee: { x: 580, y: 410 }, left_ankle: { x: 585, y: 500 }, // front knee ~96°
      right_knee: { x: 460, y: 450 }, right_ankle: { x: 420, y: 500 } // rear knee drawn straight, foot on the floor
    }))
    expect(lungeBend(body)).toBeLessThan(100)
  })
  it('a knee-drive top (the bent knee\'s foot in the air) and a split squat\'s top still read the less-bent knee', () => {
    const kneeDrive = createBody(toFrame(0, {
      ...shoulders, left_hip: { x: 500, y: 400 }, right_hip: { x: 500, y: 400 },
      left_knee: { x: 500, y: 490 }, left_ankle: { x: 500, y: 580 }, // stance leg straight
      right_knee: { x: 580, y: 420 }, right_ankle: { x: 590, y: 510 } // driven knee ~90°, foot 0.8 shin up
    }))
    expect(lungeBend(kneeDrive)).toBeGreaterThan(170)
    const splitTop = createBody(toFrame(0, {
      ...shoulders, left_hip: { x: 500, y: 400 }, right_hip: { x: 500, y: 400 },
      left_knee: { x: 530, y: 490 }, left_ankle: { x: 545, y: 580 }, // front knee ~170°
      right_knee: { x: 450, y: 480 }, right_ankle: { x: 440, y: 575 } // rear knee ~140°, both feet down
    }))
    expect(lungeBend(splitTop)).toBeGreaterThan(160)
  })
  it('both feet down but no knee past 120° in the picture: the real split squat\'s paused top, rolled -10°, stays a top', () => {
    // ambaks pauses at the top 8.6-9.5 s. Rolled -10° (a roll the engine has no evidence for in a split
    // stance), the thigh term of kneeBend, read against image-horizontal, put the front knee at 118-124°:
    // judged on that, the top flickered to "deep" and the pause counted as a rep.
    const top = loadPoseFixture('lunge', 'split_squat_side_dumbbells_home_ambaks').filter((f) => f.timestampMs >= 8600 && f.timestampMs <= 9500)
    for (const deg of [-10]) {
      const bends = top.map((f) => lungeBend(createBody(rollFrame(f, deg)))).filter((b): b is number => b !== null)
      expect(bends.length, `${deg}°`).toBeGreaterThan(20)
      expect(Math.min(...bends), `${deg}°`).toBeGreaterThan(135)
    }
  })
})

describe('lunge form before the camera roll is known', () => {
  it('real clean lunges rolled 10-25°: no torso-lean or knee-past-toes cue while image axes are not the world\'s', () => {
    // Neither runner stands still with feet together (a split-squat stance throughout; knee drives), so the
    // engine has no roll estimate for seconds or at all. Judged from image-vertical alone, the split squat
    // rolled +10° read "torso leaning" on 6 of 11 clean reps, +15° on every rep; the knee drives at -25° on one.
    // The knee drives rolled -20° read "knee past toes" at 3.5 s, 1.6 s before the roll was first read
    // (levelling.ts, unknownRollMarginPx).
    const cases: [string, number[]][] = [
      ['split_squat_side_dumbbells_home_ambaks', [10, 15, 20, -10, -20]],
      ['reverse_lunge_kneedrive_side_darebee_be2018', [20, -20, 25, -25]]
    ]
    for (const [clip, degrees] of cases) {
      for (const deg of degrees) {
        const r = analyzeFrames('lunge', loadPoseFixture('lunge', clip).map((f) => rollFrame(f, deg)))
        expect(r.repCount, `${clip} ${deg}°`).toBeGreaterThan(0)
        expect(r.cues.filter((c) => c.id === 'torso-leaning' || c.id === 'knee-past-toes'), `${clip} ${deg}°`).toEqual([])
      }
    }
  })

  it('a rear three-quarter split squat, which never gives a roll reading, rolled 10-20°: counted, and no lurching', () => {
    // Measured (robust copies, Lite): rolled -20°, the forward lean read past the 60° standing limit at every
    // bottom and the set counted 0 of its 3 reps; rolled -10° and -15°, "lurching" on 2 clean reps each, the
    // shoulders ~1.5 shin above the toes moved sideways by the roll (levelling.ts, unknownRollMarginDeg/Px).
    for (const deg of [-20, -15, -10, 10, 20]) {
      const r = analyzeFrames('lunge', loadPoseFixture('lunge', 'split_squat_rear_angle_forwardlean_home_dianafit').map((f) => rollFrame(f, deg)))
      expect(r.repCount, `${deg}°`).toBeGreaterThanOrEqual(2)
      expect(r.repCount, `${deg}°`).toBeLessThanOrEqual(3)
      // (Not asserted: knee-past-toes, which this fixture, rolled +20° exactly, still reads on 2 reps.)
      expect(r.cues.filter((c) => ['lunge-lurching', 'torso-leaning'].includes(c.id)), `${deg}°`).toEqual([])
    }
  })
})

const FLOOR = 650
const STAND_HIP = FLOOR - SEG.shin - SEG.thigh + 3

/**
 * Reverse lunges facing image right, one per entry of `fronts` (the front leg), 3 s each: the rear foot steps
 * back 1.4 shin and the hips drop ~0.8 shin, scaled by `depth` (one for every rep, or each rep's own).
 */
function reverseLunges(fronts: Side[], depth: number | number[] = 1): ReturnType<typeof sequence> {
  return withJitter(sequence(fronts.length * 3 + 1, 30, (t, tMs) => {
    const k = Math.min(Math.floor(Math.max(0, t - 0.5) / 3), fronts.length - 1)
    const d = bump(t, 0.5 + k * 3, 2.5) * (typeof depth === 'number' ? depth : depth[k])
    const frontAnkle = { x: 600, y: FLOOR }
    const rearAnkle = { x: 600 - 1.4 * SEG.shin * Math.min(1, d * 2), y: FLOOR - 12 * d }
    const hip = { x: 600 - 0.45 * SEG.shin * d, y: STAND_HIP + 0.8 * SEG.shin * d }
    const front = fronts[k]
    return sideLegs(tMs, hip, front === 'left' ? frontAnkle : rearAnkle, front === 'left' ? rearAnkle : frontAnkle)
  }), 1.5)
}

/**
 * Split squats facing image right: feet ~0.7 shin either side of the hips, which drop `drop` shins and rise;
 * the torso leans 3° forward standing and `leanDeg` more at the bottom.
 */
function splitSquats(drop: number, hipForwardPx = 0, leanDeg = 0, halfStridePx = 75): ReturnType<typeof sequence> {
  return withJitter(sequence(4, 30, (t, tMs) => {
    const d = bump(t, 0.5, 2.5)
    return sideLegs(tMs, { x: 600 + hipForwardPx * d, y: FLOOR - 200 + drop * SEG.shin * d }, { x: 600 + halfStridePx, y: FLOOR }, { x: 600 - halfStridePx, y: FLOOR }, 3 + leanDeg * d)
  }), 1.5)
}

describe('lunge on synthetic sequences', () => {
  it('raises knee-past-toes when the hips drive forward over the front foot, not on an upright split squat', () => {
    // A full lunge stride (2.1 shins: the split stance then gives the camera's roll, rollSources.ts) with the hips
    // driven as far over the front foot as before it was 0.7 shin ahead of them (front foot 35 px further on).
    for (const [drop, forwardPx] of [[0.7, 75], [0.8, 85]]) {
      const r = analyzeFrames('lunge', splitSquats(drop, forwardPx, 0, 110))
      expect(r.repCount).toBe(1)
      expect(r.cues.map((c) => c.id)).toContain('knee-past-toes')
    }
    expect(analyzeFrames('lunge', splitSquats(0.9)).cues.map((c) => c.id)).not.toContain('knee-past-toes')
  })

  it('calls a torso leaning 45° forward at the bottom, not one at 25°', () => {
    const leanCues = (leanDeg: number) => analyzeFrames('lunge', splitSquats(0.8, 0, leanDeg)).cues.filter((c) => c.id === 'torso-leaning')
    expect(leanCues(42)).toHaveLength(1)
    expect(leanCues(22)).toEqual([])
  })

  it('counts a shallow lunge (front knee ~110-130°) and cues its depth; a ~90° lunge gets no depth cue', () => {
    for (const drop of [0.2, 0.3, 0.4]) {
      const r = analyzeFrames('lunge', splitSquats(drop))
      expect(r.repCount).toBe(1)
      expect(r.reps[0].cues).toContain('lunge-depth')
    }
    for (const drop of [0.6, 0.8]) {
      const r = analyzeFrames('lunge', splitSquats(drop))
      expect(r.repCount).toBe(1)
      expect(r.reps[0].cues).not.toContain('lunge-depth')
    }
  })

  it('counts per leg, front leg from the thigh nearest horizontal', () => {
    const r = analyzeFrames('lunge', reverseLunges(['left', 'right', 'left', 'right']))
    expect(r.reps.map((x) => x.side)).toEqual(['left', 'right', 'left', 'right'])
  })

  it('does not count a shallow dip but says why, and gives no depth cue to a lunge that reaches ~90°', () => {
    const dip = analyzeFrames('lunge', reverseLunges(['left'], 0.25))
    expect(dip.repCount).toBe(0)
    // The dip is over at ~3 s; the runner hears why it did not count once back at rest.
    expect(dip.cues.map((c) => c.id)).toEqual(['lunge-depth'])
    expect(dip.cues[0].t).toBeGreaterThan(2)
    const full = analyzeFrames('lunge', reverseLunges(['left']))
    expect(full.repCount).toBe(1)
    expect(full.reps[0].cues).not.toContain('lunge-depth')
  })

  it('after the runner\'s own counted lunges, a dip under a third of their range is a shift at the top: not counted, not told', () => {
    // The class: a split squat's top between reps (a bounce, weight onto the front foot) dips just past the
    // "left rest" line; it settled for 1/3 s and was told "lower" just before the next real rep (measured on
    // perturbed copies of the side split squat, Lite: 19–26° dips against counted reps of 83–117°).
    const DIP = 0.25
    const after = analyzeFrames('lunge', reverseLunges(['left', 'right', 'left', 'right'], [1, 1, 1, DIP]))
    expect(after.repCount).toBe(3)
    expect(after.cues.filter((c) => c.id === 'lunge-depth')).toEqual([])
    // The same dip before any counted rep is told (the test above), and so is a runner whose own counted
    // lunges are shallow: the dip is then a fair share of what they do.
    const shallowRunner = analyzeFrames('lunge', reverseLunges(['left', 'right', 'left', 'right'], [0.45, 0.45, 0.45, DIP]))
    expect(shallowRunner.repCount).toBe(3)
    const lastRepEnd = shallowRunner.reps[2].end
    expect(shallowRunner.cues.filter((c) => c.id === 'lunge-depth' && c.t > lastRepEnd)).toHaveLength(1)
  })
})
