import { describe, expect, it } from 'vitest'
import type { RepRecord, SetSummary } from '../session/types'
import { progressSetOf } from './fromSummary'

function rep(cues: string[], variant?: RepRecord['variant']): RepRecord {
  return { exercise: 'push-up', setIndex: 1, side: null, startMs: 0, bottomMs: 500, endMs: 1000, durationMs: 1000, depthDeg: 88, rangeDeg: 70, cues, variant }
}

function set(fields: Partial<SetSummary>): SetSummary {
  return {
    exercise: 'push-up', setIndex: 1, side: null, startedAt: 0, endedAt: 1000, endReason: 'completed', target: { reps: 10 },
    repCount: 0, holdSeconds: 0, reps: [], holds: [], warnings: [], ...fields
  }
}

describe('progressSetOf', () => {
  it('counts cued reps and reads "from the knees" off the reps when the set names no variant', () => {
    const reps = [rep([], { fromKnees: true }), rep(['hips-sagging'], { fromKnees: true }), rep([], { fromKnees: false })]
    const p = progressSetOf(set({ repCount: 3, reps, warnings: [{ id: 'hips-sagging', count: 1 }] }))
    expect(p).toMatchObject({ reps: 3, repsWithCues: 1, warnings: 1, holdWarnings: 0, variant: 'knees', loaded: false })
  })

  it('takes the longest hold and charges cues not on a rep to the hold', () => {
    const holds = [
      { exercise: 'plank' as const, setIndex: 1, side: null, startMs: 0, endMs: 40_000, goodFormMs: 38_500, pauses: 1 },
      { exercise: 'plank' as const, setIndex: 1, side: null, startMs: 50_000, endMs: null, goodFormMs: 12_000, pauses: 0 }
    ]
    const p = progressSetOf(set({ exercise: 'plank', holds, warnings: [{ id: 'hips-sagging', count: 2 }] }))
    expect(p).toMatchObject({ longestHoldSeconds: 38.5, holdWarnings: 2, variant: null })
  })

  it('marks dumbbell sets as loaded and keeps the band colour', () => {
    expect(progressSetOf(set({ exercise: 'step-up', variant: 'dumbbells' })).loaded).toBe(true)
    expect(progressSetOf(set({ exercise: 'band-walk', bandColour: 'blue' })).bandColour).toBe('blue')
    expect(progressSetOf(set({ exercise: 'band-walk', variant: 'green' })).bandColour).toBe('green')
    expect(progressSetOf(set({ exercise: 'squat', variant: 'green' })).bandColour).toBeNull()
  })
})
