import { describe, expect, it } from 'vitest'
import { bump, frontStanding, sequence, sideIdle, sideWalk, supine, withJitter } from '../../../tests/fixtures/synthetic/skeleton'
import { prone } from '../exercises/plank-poses'
import type { PoseFrame } from '../pose/types'
import { analyzeFrames } from './analyze'
import { createEngine } from './engine'
import type { ExerciseId } from './events'

const LOWER: ExerciseId[] = ['squat', 'lunge', 'step-up', 'glute-bridge', 'band-walk']

const NOBODY_SHOULD_COUNT: [name: string, frames: PoseFrame[]][] = [
  ['standing idle', withJitter(sequence(10, 30, (_t, tMs) => sideIdle(tMs)), 3)],
  ['walking into frame and across', withJitter(sequence(8, 30, (_t, tMs) => sideWalk(tMs, 100, 130)), 2)],
  ['lying still', withJitter(sequence(10, 30, (_t, tMs) => supine(tMs, { hipLift: 0, head: 'left' })), 2)],
  ['standing front-on, idle', withJitter(sequence(10, 30, (_t, tMs) => frontStanding(tMs, { thighDrop: 0.98, kneeOut: 2, halfStance: 40, cx: 640, floorY: 650 })), 3)],
  ['nobody in frame', sequence(5, 30, (_t, tMs) => ({ timestampMs: tMs, imageWidth: 1280, imageHeight: 720, keypoints: [] }))]
]

describe('no counting without the exercise', () => {
  for (const [name, frames] of NOBODY_SHOULD_COUNT) {
    it(`${name}: no reps, holds or form cues in any lower-body exercise`, () => {
      for (const exercise of LOWER) {
        const r = analyzeFrames(exercise, frames)
        expect({ exercise, reps: r.repCount, holds: r.holds.length }).toEqual({ exercise, reps: 0, holds: 0 })
      }
    })
  }
})

describe('createEngine', () => {
  it('reports visibility first, then the view once it settles', () => {
    const engine = createEngine('squat')
    const events = sequence(2, 30, (_t, tMs) => sideIdle(tMs)).flatMap((f) => engine.push(f))
    expect(events[0]).toMatchObject({ type: 'visibility', ok: true })
    expect(events.find((e) => e.type === 'view')).toMatchObject({ view: 'side', facing: 'right' })
  })

  it('rejects frames out of timestamp order, naming both times', () => {
    const engine = createEngine('squat')
    engine.push(sideIdle(1000))
    expect(() => engine.push(sideIdle(500))).toThrow(/500 ms arrived after 1000 ms/)
  })

  it('reset forgets the set', () => {
    const engine = createEngine('squat')
    engine.push(sideIdle(1000))
    engine.reset()
    expect(() => engine.push(sideIdle(0))).not.toThrow()
  })
})

/** One side-view push-up (bottom at 2.25 s) with both wrists unseen for `hiddenS` seconds around the bottom. */
function pushUpWithHiddenWrists(hiddenS: number): PoseFrame[] {
  return withJitter(sequence(4.5, 30, (t, tMs) => {
    const frame = prone(tMs, { elbowDeg: 172 - bump(t, 1, 2.5) * 87 })
    const hidden = Math.abs(t - 2.25) < hiddenS / 2
    return hidden ? { ...frame, keypoints: frame.keypoints.map((k) => (k.name.endsWith('wrist') ? { ...k, score: 0.1 } : k)) } : frame
  }), 1.5)
}

describe('joints out of sight', () => {
  it('a short dropout at the bottom (0.4 s, wrists under the body) keeps the rep; a long one (1.5 s) drops it', () => {
    expect(analyzeFrames('push-up', pushUpWithHiddenWrists(0)).repCount).toBe(1)
    expect(analyzeFrames('push-up', pushUpWithHiddenWrists(0.4)).repCount).toBe(1)
    expect(analyzeFrames('push-up', pushUpWithHiddenWrists(1.5)).repCount).toBe(0)
  })
})
