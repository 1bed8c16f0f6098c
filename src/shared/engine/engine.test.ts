import { describe, expect, it } from 'vitest'
import { frontStanding, sequence, sideIdle, sideWalk, supine, withJitter } from '../../../tests/fixtures/synthetic/skeleton'
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
