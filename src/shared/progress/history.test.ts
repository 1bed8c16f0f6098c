import { describe, expect, it } from 'vitest'
import { exerciseHistory, exercisesDone } from './history'
import { part, session } from './testSessions'

describe('exerciseHistory', () => {
  const sessions = [
    session(3, [part('plank', { longestHoldSeconds: 52, holdWarnings: 1, warnings: 1 })]),
    session(1, [
      part('squat', { set: 1, reps: 10, repsWithCues: 2, warnings: 3 }),
      part('squat', { set: 2, reps: 8, repsWithCues: 1, warnings: 1 }),
      part('plank', { longestHoldSeconds: 40 })
    ]),
    session(2, [part('push-up', { reps: 5 })])
  ]

  it('plots one point per session that did the exercise, oldest first', () => {
    const plank = exerciseHistory(sessions, 'plank')
    expect(plank.map((p) => p.sessionId)).toEqual(['s1', 's3'])
    expect(plank.map((p) => p.longestCleanHoldSeconds)).toEqual([40, 52])
    expect(plank[0].warningsPerRep).toBeNull()
  })

  it('keeps reps per set and counts cues per rep', () => {
    const [squat] = exerciseHistory(sessions, 'squat')
    expect(squat.repsPerSet).toEqual([10, 8])
    expect(squat.warningsPerRep).toBeCloseTo(4 / 18)
    expect(squat.longestCleanHoldSeconds).toBeNull()
  })

  it('does not count hold cues against reps', () => {
    const s = session(0, [part('glute-bridge', { reps: 10, warnings: 3, holdWarnings: 2, longestHoldSeconds: 30 })])
    expect(exerciseHistory([s], 'glute-bridge')[0].warningsPerRep).toBeCloseTo(0.1)
  })

  it('lists exercises in the order first done', () => {
    expect(exercisesDone(sessions)).toEqual(['squat', 'plank', 'push-up'])
  })
})
