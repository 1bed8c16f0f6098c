import { describe, expect, it } from 'vitest'
import type { KeypointName, PoseFrame } from '../src/shared/pose/types'
import type { ClipLabel } from './evalScore'
import {
  EXPLAINED_BY, HOME_CAMERA_KINDS, PAUSE_S, ROBUST_KINDS, cropAcrossBody, derivedName, ffmpegArgs, parseKinds, recipeFor, shiftLabel, shiftTime, unshiftTime
} from './robustKinds'

/** One frame of a body with the given joints (normalised x, y), both sides at the same place. */
function body(joints: Record<string, [number, number]>): PoseFrame {
  const keypoints = Object.entries(joints).flatMap(([part, [x, y]]) =>
    (part === 'nose' ? ['nose'] : [`left_${part}`, `right_${part}`]).map((name) => ({ name: name as KeypointName, x, y, score: 0.9 })))
  return { timestampMs: 0, imageWidth: 640, imageHeight: 360, keypoints }
}
const STANDING = body({ nose: [0.5, 0.1], shoulder: [0.5, 0.25], hip: [0.5, 0.5], knee: [0.5, 0.7], ankle: [0.5, 0.9] })
const LYING_HEAD_RIGHT = body({ nose: [0.9, 0.5], shoulder: [0.8, 0.55], hip: [0.5, 0.6], knee: [0.3, 0.65], ankle: [0.15, 0.7] })
const HD = { width: 1920, height: 1080, fps: 25 }
const noReps = { reps: [] as ClipLabel['reps'] }

describe('robustness kinds', () => {
  it('names every kind, and the home-camera kinds are among them', () => {
    expect(new Set(ROBUST_KINDS).size).toBe(ROBUST_KINDS.length)
    // Rolls past what a home camera delivers may lose the count only while the app asks to level the laptop.
    for (const k of ['roll+15', 'roll-15', 'roll+20', 'roll-20'] as const) expect(EXPLAINED_BY[k]?.camera).toContain('tilted')
    expect(HOME_CAMERA_KINDS.every((k) => ROBUST_KINDS.includes(k))).toBe(true)
    expect(parseKinds('dark, roll+10')).toEqual(['dark', 'roll+10'])
    expect(() => parseKinds('dark,blurry')).toThrow(/Unknown robustness kind "blurry"; expected one of: dark, noise/)
  })

  it('scales every recipe to the analyzer input first, then applies its one change', () => {
    expect(recipeFor('dark', HD, noReps, [])).toMatchObject({ filter: 'scale=640:360:flags=area,eq=brightness=-0.3:gamma=0.6', fps: 25, crf: 18 })
    expect(recipeFor('compression', HD, noReps, [])).toMatchObject({ filter: 'scale=640:360:flags=area,null', crf: 38 })
    expect(recipeFor('15fps', HD, noReps, [])).toMatchObject({ filter: 'scale=640:360:flags=area,fps=15', fps: 15 })
    expect(recipeFor('mirrored', HD, noReps, [])?.filter).toBe('scale=640:360:flags=area,hflip')
  })

  it('keeps the aspect ratio at low resolution (a portrait clip becomes 180×320)', () => {
    expect(recipeFor('320x180', HD, noReps, [])?.filter).toBe('scale=640:360:flags=area,scale=320:180:flags=area')
    expect(recipeFor('320x180', { width: 1080, height: 1920, fps: 30 }, noReps, [])?.filter).toBe('scale=360:640:flags=area,scale=180:320:flags=area')
  })

  it('rolls clockwise for a positive angle, as the engine signs roll', () => {
    expect(recipeFor('roll+10', HD, noReps, [])?.filter).toBe('scale=640:360:flags=area,rotate=10*PI/180:fillcolor=black')
    expect(recipeFor('roll-15', HD, noReps, [])?.filter).toBe('scale=640:360:flags=area,rotate=-15*PI/180:fillcolor=black')
  })

  it('cuts the feet off below a standing body and beside a lying one, keeping the knees', () => {
    expect(cropAcrossBody([STANDING], 640, 360, ['left_knee'], ['left_ankle'], 0.6, ['left_hip'], ['left_ankle'])).toEqual({ x: 0, y: 0, w: 640, h: 294 })
    expect(recipeFor('feet-cropped', HD, noReps, [STANDING])?.filter).toBe('scale=640:360:flags=area,crop=640:294:0:0')
    // Feet to the left: columns left of 0.3 + 0.6 × (0.15 − 0.3) = 0.21 of the width go.
    expect(recipeFor('feet-cropped', HD, noReps, [LYING_HEAD_RIGHT])?.filter).toBe('scale=640:360:flags=area,crop=506:360:134:0')
  })

  it('cuts the head off half-way to the shoulders', () => {
    expect(recipeFor('head-cropped', HD, noReps, [STANDING])?.filter).toBe('scale=640:360:flags=area,crop=640:298:0:62')
    expect(recipeFor('head-cropped', HD, noReps, [LYING_HEAD_RIGHT])?.filter).toBe('scale=640:360:flags=area,crop=544:360:0:0')
  })

  it('places a crop from the side that is seen (a side view often sees only the near ankle)', () => {
    const nearOnly = { ...STANDING, keypoints: STANDING.keypoints.map((k) => (k.name.startsWith('right_') ? { ...k, score: 0.1 } : k)) }
    expect(recipeFor('feet-cropped', HD, noReps, [nearOnly])?.filter).toBe('scale=640:360:flags=area,crop=640:294:0:0')
  })

  it('does not crop where the joints were never seen', () => {
    const unseen = { ...STANDING, keypoints: STANDING.keypoints.map((k) => ({ ...k, score: 0.1 })) }
    expect(recipeFor('feet-cropped', HD, noReps, [unseen])).toBeNull()
    expect(recipeFor('head-cropped', HD, noReps, [])).toBeNull()
  })

  it('freezes each labelled rep time for 2 s, latest first, and skips a clip without reps', () => {
    const recipe = recipeFor('bottoms-paused', HD, { reps: [{ t: 3 }, { t: 1 }] }, [])
    expect(recipe?.pauses).toEqual([1, 3])
    expect(recipe?.filter).toBe('scale=640:360:flags=area,loop=loop=50:size=1:start=75,loop=loop=50:size=1:start=25,setpts=N/(25)/TB')
    expect(recipeFor('bottoms-paused', HD, noReps, [])).toBeNull()
  })

  it('moves times through the pauses and back', () => {
    const pauses = [1, 3]
    expect([0.5, 1, 1.5, 3, 4].map((t) => shiftTime(t, pauses))).toEqual([0.5, 1, 1.5 + PAUSE_S, 3 + PAUSE_S, 4 + 2 * PAUSE_S])
    expect([0.5, 1, 2, 3.5, 5, 6, 8].map((t) => unshiftTime(t, pauses))).toEqual([0.5, 1, 1, 1.5, 3, 3, 4])
    for (const t of [0.2, 1.7, 2.9, 3.4, 9]) expect(unshiftTime(shiftTime(t, pauses), pauses)).toBeCloseTo(t)
  })

  it('shifts a label with its clip: usable spans, reps, holds and faults', () => {
    const label: ClipLabel & { duration_s: number } = {
      clip: 'squat/x.mp4', exercise: 'squat', duration_s: 6, usable: [[0, 6]], rep_count: 2,
      reps: [{ t: 1 }, { t: 3 }], holds: [{ start: 4, end: 5 }], faults: [{ fault: 'knee_valgus', start: 0.5, end: 1.5, rep_t: 1 }]
    }
    const shifted = shiftLabel(label, [1, 3])
    expect(shifted.duration_s).toBe(10)
    expect(shifted.usable).toEqual([[0, 10]])
    expect(shifted.reps.map((r) => r.t)).toEqual([1, 5])
    expect(shifted.holds).toEqual([{ start: 8, end: 9 }])
    expect(shifted.faults[0]).toMatchObject({ start: 0.5, end: 3.5, rep_t: 1 })
    expect(shiftLabel(label, [])).toBe(label)
  })

  it('names the derived file by kind, key and clip, and encodes video only', () => {
    const recipe = recipeFor('dark', HD, noReps, [])!
    expect(derivedName(recipe, '0123456789abcdef', 'squat/a b.mp4')).toBe('dark-0123456789ab-a b.mp4')
    const args = ffmpegArgs(recipe, 'in.mp4', 'out.mp4')
    expect(args.slice(args.indexOf('-vf'), args.indexOf('-vf') + 2)).toEqual(['-vf', recipe.filter])
    expect(args).toContain('-an')
    expect(args.slice(-1)).toEqual(['out.mp4'])
  })
})
