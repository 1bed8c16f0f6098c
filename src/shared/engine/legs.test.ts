import { describe, expect, it } from 'vitest'
import type { PoseFrame } from '../pose/types'
import { createBody } from './body'
import { createPlantedToeTracker, MAX_STANDING_TORSO_LEAN_DEG, torsoUpright } from './legs'
import { MAX_CORRECTED_ROLL_DEG } from './levelling'
import { sideStanding } from '../../../tests/fixtures/synthetic/skeleton'

const SIDE_RIGHT = { view: 'side', facing: 'right', widthRatio: 0.1 } as const

/** A side-on standing frame (facing image right) with both toes moved by `toeDx` normalised units. */
function frame(tMs: number, toeDx = 0): PoseFrame {
  const f = sideStanding(tMs, { kneeDeg: 120, shinLeanDeg: 20, torsoLeanDeg: 30, armDeg: 90, ankle: { x: 600, y: 650 } })
  return { ...f, keypoints: f.keypoints.map((k) => (k.name.endsWith('_foot_index') ? { ...k, x: k.x + toeDx } : k)) }
}
const body = (f: PoseFrame) => createBody(f, { view: SIDE_RIGHT })
const toeX = (f: PoseFrame) => Math.max(...f.keypoints.filter((k) => k.name.endsWith('_foot_index')).map((k) => k.x * f.imageWidth))

describe('createPlantedToeTracker', () => {
  it('keeps the foremost toe of the rep when a later frame draws the toe pulled back', () => {
    const track = createPlantedToeTracker()
    const planted = frame(0)
    expect(track(body(planted), 0)).toBeCloseTo(toeX(planted), 6)
    // Pulled back 5% of the picture's width (the foot drawn short at the bottom): the rep keeps its toes.
    expect(track(body(frame(33, -0.05)), 0)).toBeCloseTo(toeX(planted), 6)
  })

  it('forgets them outside a rep, with a new rep, and without a side view', () => {
    const track = createPlantedToeTracker()
    track(body(frame(0)), 0)
    const stepped = frame(66, -0.05)
    // A new rep (its own start time): the feet may have stepped back between reps.
    expect(track(body(stepped), 50)).toBeCloseTo(toeX(stepped), 6)
    expect(track(body(frame(100)), null)).toBeNull()
    expect(track(createBody(frame(133)), 50)).toBeNull()
  })
})

describe('torsoUpright', () => {
  const leaning = (torsoLeanDeg: number) => createBody(sideStanding(0, { kneeDeg: 100, shinLeanDeg: 20, torsoLeanDeg, armDeg: 90, ankle: { x: 600, y: 650 } }))

  it('a roll margin (the roll the engine would have undone, while it is not known) widens the standing limit, short of lying', () => {
    const lean = MAX_STANDING_TORSO_LEAN_DEG + 12
    expect(torsoUpright(leaning(lean))).toBe(false)
    expect(torsoUpright(leaning(lean), MAX_CORRECTED_ROLL_DEG)).toBe(true)
    // Lying (~90°) is never standing.
    expect(torsoUpright(leaning(88), MAX_CORRECTED_ROLL_DEG)).toBe(false)
  })
})
