import { describe, expect, it } from 'vitest'
import type { EngineEvent } from '../engine/events'
import { computeSummary } from './summary'
import type { JournalEntry } from './types'

const rep = (t: number, side: 'left' | 'right' | null, cues: string[] = []): EngineEvent => ({
  type: 'rep', t, exercise: 'lunge', side, startMs: t - 1500, bottomMs: t - 700, endMs: t, depthDeg: 95, rangeDeg: 80, durationMs: 1500, tempo: { downMs: 800, upMs: 700 }, cues
})
const engine = (at: number, setIndex: number, event: EngineEvent): JournalEntry => ({ kind: 'engine', at, exercise: 'lunge', setIndex, event })

describe('computeSummary', () => {
  it('counts reps per set and side, and warnings per set, exercise and session', () => {
    const entries: JournalEntry[] = [
      { kind: 'set-start', at: 0, exercise: 'lunge', setIndex: 1, side: 'left', target: { reps: 8 }, variant: 'reverse' },
      engine(1000, 1, rep(1000, 'left')),
      engine(1500, 1, { type: 'cue', t: 1500, phase: 'raised', id: 'knee-past-toes' }),
      engine(1600, 1, { type: 'cue', t: 1600, phase: 'cleared', id: 'knee-past-toes' }),
      engine(2000, 1, rep(2000, 'left', ['knee-past-toes'])),
      { kind: 'set-end', at: 2500, exercise: 'lunge', setIndex: 1, side: 'left', reason: 'completed' },
      { kind: 'set-start', at: 3000, exercise: 'lunge', setIndex: 1, side: 'right', target: { reps: 8 } },
      engine(4000, 1, rep(4000, 'right')),
      engine(4100, 1, { type: 'cue', t: 4100, phase: 'raised', id: 'knee-past-toes' }),
      engine(4200, 1, { type: 'cue', t: 4200, phase: 'raised', id: 'torso-lean' }),
      { kind: 'set-end', at: 5000, exercise: 'lunge', setIndex: 1, side: 'right', reason: 'stopped' }
    ]
    const s = computeSummary(entries, 6000)
    expect(s.durationSeconds).toBe(6)
    expect(s.repCount).toBe(3)
    expect(s.sets.map((x) => [x.side, x.repCount, x.endReason, x.variant])).toEqual([
      ['left', 2, 'completed', 'reverse'],
      ['right', 1, 'stopped', undefined]
    ])
    expect(s.sets[0].warnings).toEqual([{ id: 'knee-past-toes', count: 1 }])
    expect(s.sets[0].reps[1].cues).toEqual(['knee-past-toes'])
    expect(s.exercises).toEqual([
      { exercise: 'lunge', setCount: 2, repCount: 3, holdSeconds: 0, warnings: [{ id: 'knee-past-toes', count: 2 }, { id: 'torso-lean', count: 1 }] }
    ])
    expect(s.warnings).toEqual(s.exercises[0].warnings)
  })

  it('keeps the good-form time of holds, and of a hold cut off by a crash', () => {
    const hold = (t: number, phase: 'started' | 'paused' | 'resumed' | 'ended', goodFormMs: number): JournalEntry => ({
      kind: 'engine', at: t, exercise: 'side-plank', setIndex: 1, event: { type: 'hold', t, phase, side: 'left', goodFormMs }
    })
    const entries: JournalEntry[] = [
      { kind: 'set-start', at: 0, exercise: 'side-plank', setIndex: 1, side: 'left', target: { holdSeconds: 30 } },
      hold(100, 'started', 0),
      hold(20_100, 'ended', 19_500),
      hold(25_000, 'started', 0),
      hold(30_000, 'paused', 4_800)
      // ...the app died here.
    ]
    const s = computeSummary(entries)
    expect(s.sets[0].holds).toEqual([
      { exercise: 'side-plank', setIndex: 1, side: 'left', startMs: 100, endMs: 20_100, goodFormMs: 19_500, pauses: 0 },
      { exercise: 'side-plank', setIndex: 1, side: 'left', startMs: 25_000, endMs: null, goodFormMs: 4_800, pauses: 1 }
    ])
    expect(s.holdSeconds).toBe(24.3)
    expect(s.sets[0].endReason).toBe('unfinished')
    expect(s.durationSeconds).toBe(30)
  })

  it('keeps events whose set-start line was lost, and ignores poses', () => {
    const s = computeSummary([
      engine(10, 2, rep(10, null)),
      { kind: 'pose', at: 11, exercise: 'lunge', setIndex: 2, frame: { w: 640, h: 480, r: [11] } },
      { kind: 'note', at: 12, text: 'felt strong', effort: 7 }
    ])
    expect(s.sets).toHaveLength(1)
    expect(s.sets[0]).toMatchObject({ exercise: 'lunge', setIndex: 2, startedAt: null, repCount: 1 })
    expect(s.notes).toEqual([{ at: 12, text: 'felt strong', effort: 7 }])
  })

  it('summarises nothing as zeros', () => {
    expect(computeSummary([])).toEqual({ durationSeconds: 0, repCount: 0, holdSeconds: 0, exercises: [], sets: [], warnings: [], notes: [] })
  })
})
