import { describe, expect, it } from 'vitest'
import { analyzeFrames } from '../engine/analyze'
import { createBody } from '../engine/body'
import { LOADED_THIGH_DEG, squatSignal } from './squat'
import { between, loadPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import { bump, frontStanding, sequence, sideIdle, sideStanding, sideWalk, withJitter } from '../../../tests/fixtures/synthetic/skeleton'

// Expected counts are the person-written labels in ../shared/footage/labels.json, not the code's output.
const REAL: [clip: string, reps: number][] = [
  ['overhead_squat_band_front_1rep_rnhrn', 1],
  ['squat_air_armsoverhead_multiview_crossfit_mrpose', 9],
  ['squat_front_kneevalgus_wrong_then_right_randy', 7],
  ['squat_frontangle_outdoor_amateur_myoxyn', 3],
  ['squat_goblet_front_gym_bw_mrpose', 6],
  ['squat_side_studio_1slowrep_pooja', 1],
  ['squat_side_studio_istock_hanshitha', 6],
  ['squat_side_then_front_crossfit_6count_ikram', 3]
]

describe('squat on real footage keypoints', () => {
  for (const [clip, reps] of REAL) {
    it(`counts ${reps} rep(s) in ${clip}`, () => {
      expect(analyzeFrames('squat', loadPoseFixture('squat', clip)).repCount).toBe(reps)
    })
  }

  it('flags the knees-caving reps and not the knees-out reps (randy: take 1 caving, take 2 correct)', () => {
    const result = analyzeFrames('squat', loadPoseFixture('squat', 'squat_front_kneevalgus_wrong_then_right_randy'))
    const caving = result.reps.map((r) => r.cues.includes('squat-knees-caving'))
    // Labelled valgus reps have bottoms at 1.2, 3.0, 4.93 s; the correct ones at 7.87, 9.87, 11.87, 13.8 s.
    expect(result.reps.map((r) => Math.round(r.bottom))).toEqual([1, 3, 5, 8, 10, 12, 14])
    expect(caving).toEqual([true, true, true, false, false, false, false])
  })

  it('raises no form cue on clips labelled clean', () => {
    for (const clip of ['squat_goblet_front_gym_bw_mrpose', 'squat_side_then_front_crossfit_6count_ikram', 'squat_air_armsoverhead_multiview_crossfit_mrpose']) {
      const result = analyzeFrames('squat', loadPoseFixture('squat', clip))
      const form = result.cues.filter((c) => ['squat-knees-caving', 'knee-past-toes', 'squat-sit-back'].includes(c.id))
      expect(form, clip).toEqual([])
    }
  })

  it('reads depth from the shoulders when the hips are misplaced: the knees-in reps still count and are judged (issue 9, dim rooms)', () => {
    // Measured on the darkened copy of this clip (robustness case dark-room), BlazePose Full put the hips
    // high at the bottoms (down 43% of their standing height where they went 58%), so the thighs read 53–55°
    // there, short of LOADED_THIGH_DEG and of depth. Here the bright clip's real keypoints get that error:
    // each hip loses 40% of its drop from the first (standing) frame, which puts the thighs at 51–64° at the
    // three caving bottoms.
    const frames = loadPoseFixture('squat', 'squat_front_kneevalgus_wrong_then_right_randy')
    const standingHipY = new Map(frames[0].keypoints.filter((k) => k.name.endsWith('_hip')).map((k) => [k.name, k.y]))
    const hipsHigh = frames.map((f) => ({
      ...f,
      keypoints: f.keypoints.map((k) => (standingHipY.has(k.name) ? { ...k, y: k.y - 0.4 * (k.y - standingHipY.get(k.name)!) } : k))
    }))
    const thighsAtBottoms = [1.2, 3.0, 4.93].map((t) => {
      const near = hipsHigh.filter((f) => Math.abs(f.timestampMs / 1000 - t) <= 0.15).map((f) => squatSignal(createBody(f))?.deg ?? 90)
      return Math.min(...near)
    })
    // The thighs alone no longer reach "loaded" (LOADED_THIGH_DEG) at the caving bottoms...
    expect(thighsAtBottoms.every((deg) => deg > LOADED_THIGH_DEG)).toBe(true)
    // ...and still every labelled rep counts, with the cave-in called on the first three only.
    const result = analyzeFrames('squat', hipsHigh)
    expect(result.repCount).toBe(7)
    expect(result.reps.map((r) => r.cues.includes('squat-knees-caving'))).toEqual([true, true, true, false, false, false, false])
  })

  describe('knee past the toes measured against the planted feet (ikram, side view to 17 s, facing left, knees about over the toes)', () => {
    // In the noisy and mirrored copies of this clip (eval --robust, Lite) the model drew the toes 0.15–0.18 shin
    // ahead of the ankles on loaded frames, where the original reads 0.27–0.38: the knees then read past
    // toes that had moved back, and four knee-past-toes cues were raised on clean reps. Here the real keypoints
    // get that error (or a real fault) on every loaded side-view frame.
    const frames = loadPoseFixture('squat', 'squat_side_then_front_crossfit_6count_ikram')
    const loaded = (f: (typeof frames)[number]): boolean => f.timestampMs < 17_000 && (squatSignal(createBody(f))?.deg ?? 90) <= LOADED_THIGH_DEG
    /** Moves a keypoint along the facing direction (image left here) by `shins` of that side's shin, in pixels. */
    const shifted = (f: (typeof frames)[number], name: (n: string) => boolean, from: (side: string) => string, shins: number) => {
      const at = (n: string) => f.keypoints.find((k) => k.name === n)
      return {
        ...f,
        keypoints: f.keypoints.map((k) => {
          if (!name(k.name)) return k
          const side = k.name.split('_')[0]
          const knee = at(`${side}_knee`)
          const ankle = at(`${side}_ankle`)
          const base = at(from(side))
          if (!knee || !ankle || !base) return k
          const shinPx = Math.hypot((knee.x - ankle.x) * f.imageWidth, (knee.y - ankle.y) * f.imageHeight)
          return { ...k, x: base.x - (shins * shinPx) / f.imageWidth }
        })
      }
    }
    const kneePastToesCues = (input: typeof frames) => analyzeFrames('squat', input).cues.filter((c) => c.id === 'knee-past-toes')

    it('stays silent when the toe keypoints are pulled back to 0.16 shin from the ankles on every loaded frame', () => {
      const pulledBack = frames.map((f) => (loaded(f) ? shifted(f, (n) => n.endsWith('_foot_index'), (side) => `${side}_ankle`, 0.16) : f))
      expect(analyzeFrames('squat', pulledBack).repCount).toBe(3)
      expect(kneePastToesCues(pulledBack)).toEqual([])
    })

    it('still calls knees driven half a shin further forward over the same planted feet', () => {
      const kneesForward = frames.map((f) => (loaded(f) ? shifted(f, (n) => n.endsWith('_knee'), (side) => `${side}_knee`, 0.5) : f))
      expect(kneePastToesCues(kneesForward).length).toBeGreaterThan(0)
      expect(kneePastToesCues(kneesForward).every((c) => c.t < 17)).toBe(true)
    })
  })

  it('does not count while he stands and talks before the set (goblet clip, 1.5–6.5 s)', () => {
    expect(analyzeFrames('squat', between(loadPoseFixture('squat', 'squat_goblet_front_gym_bw_mrpose'), 1.5, 6.4)).repCount).toBe(0)
  })
})

describe('squat on synthetic sequences', () => {
  const side = (kneeDeg: number, tMs: number, armDeg = 0) =>
    sideStanding(tMs, { kneeDeg, shinLeanDeg: (180 - kneeDeg) * 0.3, torsoLeanDeg: (180 - kneeDeg) * 0.35, armDeg, ankle: { x: 600, y: 650 } })

  it('counts slow squats with a pause, raising no tempo or arm cue when both are right', () => {
    // Three 6 s reps: 2 s down, 2.5 s pause at the bottom, 1.5 s up.
    const frames = withJitter(sequence(19, 30, (t, tMs) => {
      const phase = (t - 0.5) % 6
      const depth = t < 0.5 || t > 18.5 ? 0 : phase < 2 ? phase / 2 : phase < 4.5 ? 1 : Math.max(0, 1 - (phase - 4.5) / 1.5)
      return side(175 - depth * 90, tMs)
    }), 2)
    const result = analyzeFrames('squat', frames)
    expect(result.repCount).toBe(3)
    expect(result.cues.map((c) => c.id)).toEqual([])
    // Tempo: at least the 2 s descent before the bottom and the 1.5 s rise after it, adding up to the rep.
    for (const rep of result.events.filter((e) => e.type === 'rep')) {
      expect(rep.tempo.downMs).toBeGreaterThanOrEqual(1500)
      expect(rep.tempo.upMs).toBeGreaterThanOrEqual(1000)
      expect(rep.tempo.downMs + rep.tempo.upMs).toBe(rep.durationMs)
    }
  })

  it('counts only the squats after walking in, settling and before walking off', () => {
    const walkIn = sequence(3, 30, (_t, tMs) => sideWalk(tMs, 210, 130))
    const settle = sequence(1, 30, (_t, tMs) => sideIdle(3000 + tMs))
    const squats = sequence(9, 30, (t, tMs) => side(176 - 85 * (bump(t, 0.5, 2.5) + bump(t, 3.5, 2.5) + bump(t, 6.3, 2.5)), 4000 + tMs))
    const walkOff = sequence(3, 30, (_t, tMs) => sideWalk(13000 + tMs, 600 - 130 * 13, 130))
    const frames = withJitter([...walkIn, ...settle.slice(1), ...squats.slice(1), ...walkOff.slice(1)], 2)
    expect(analyzeFrames('squat', frames).repCount).toBe(3)
  })

  it('cues the short pause and the arms when they are wrong', () => {
    const frames = sequence(4, 30, (t, tMs) => side(175 - bump(t, 0.5, 2) * 90, tMs, 180))
    const result = analyzeFrames('squat', frames)
    expect(result.repCount).toBe(1)
    expect(result.reps[0].cues).toEqual(expect.arrayContaining(['squat-pause-short', 'squat-arms-overhead']))
  })

  it('counts nothing for a half-body view (legs out of frame) and says what it cannot see', () => {
    const frames = sequence(6, 30, (t, tMs) => {
      const f = frontStanding(tMs, { thighDrop: 1 - bump(t, 1, 2), kneeOut: 5, halfStance: 40, cx: 640, floorY: 650, arms: 'overhead' })
      return { ...f, keypoints: f.keypoints.map((k) => (/knee|ankle|heel|foot/.test(k.name) ? { ...k, score: 0.05 } : k)) }
    })
    const result = analyzeFrames('squat', frames)
    expect(result.repCount).toBe(0)
    expect(result.events.find((e) => e.type === 'visibility')).toMatchObject({ ok: false, missing: expect.arrayContaining(['left_knee']) })
  })
})
