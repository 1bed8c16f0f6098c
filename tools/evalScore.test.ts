import { describe, expect, it } from 'vitest'
import type { AnalysisResult } from '../src/shared/engine/analyze'
import { exerciseIdFor, scoreClip, summarise, summaryLine, type ClipLabel } from './evalScore'

const label = (over: Partial<ClipLabel>): ClipLabel => ({ clip: 'x.mp4', exercise: 'squat', usable: [[0, 10]], reps: [], rep_count: 0, holds: [], faults: [], ...over })
const result = (over: Partial<AnalysisResult>): AnalysisResult => ({ exercise: 'squat', repCount: 0, reps: [], holds: [], cues: [], events: [], ...over })

describe('evalScore', () => {
  it('maps label exercise names to app ids, naming a bad one', () => {
    expect(exerciseIdFor('split_squat')).toBe('lunge')
    expect(exerciseIdFor('heel_slide')).toBe('heel-taps')
    expect(() => exerciseIdFor('burpee')).toThrow(/"burpee"/)
  })

  it('scores counts against the acceptable range', () => {
    expect(scoreClip(label({ rep_count: 2, rep_count_acceptable: [2, 3] }), result({ repCount: 3 })).countError).toBe(0)
    expect(scoreClip(label({ rep_count: 5 }), result({ repCount: 3 })).countError).toBe(2)
  })

  it('finds labelled faults by cue id and time, ignores debatable ones, and counts form cues outside faults as false', () => {
    const l = label({
      faults: [
        { fault: 'knee_valgus', start: 1, end: 2 },
        { type: 'knees_past_toes', start: 5, end: 6, debatable: true }
      ]
    })
    const s = scoreClip(l, result({
      cues: [
        { t: 1.5, id: 'squat-knees-caving' },
        { t: 5.5, id: 'knee-past-toes' },
        { t: 8, id: 'squat-knees-caving' },
        { t: 8, id: 'squat-pause-short' }
      ]
    }))
    expect([s.faultsLabelled, s.faultsFound]).toEqual([1, 1])
    expect(s.falseCues).toEqual(['squat-knees-caving@8.0'])
    expect(s.routineCues).toBe(1)
  })

  it('scores holds by the best-overlapping measured hold, and a missed hold as its whole length', () => {
    const l = label({ exercise: 'plank', holds: [{ start: 2, end: 8 }, { start: 20, end: 25 }] })
    const s = scoreClip(l, result({ holds: [{ start: 2.5, end: 8, side: null, goodFormSeconds: 5 }] }))
    expect(s.holdErrors).toEqual([0.5, 5])
  })

  it('ends with the one summary line', () => {
    const s = scoreClip(label({ rep_count: 3 }), result({ repCount: 3 }))
    expect(summaryLine(summarise([s]))).toBe('eval: clips=1 exact=1.00 mae=0.00 obo=1.00 holdErrorS=0.00 cueRecall=1.00 falseCues=0 routineCues=0')
  })
})
