import { describe, expect, it } from 'vitest'
import type { RevUpApi } from '../../../shared/ipc'
import type { JournalEntry, SessionListItem, SessionRecord } from '../../../shared/session/types'
import { buildPlan } from '../../../shared/workout/plan'
import { plannedSteps } from '../../../shared/workout/resume'
import { FAKE_DEFS } from '../../../shared/workout/test-definitions'
import { findInterruptedWorkout, RESUME_WITHIN_MS, resumePlace, savedSoFar } from './interruptedWorkout'

const NOW = Date.parse('2026-03-02T10:00:00Z')
const ID = 's-20260302-093000-abcdef'
const plan = buildPlan(FAKE_DEFS, [{ exercise: 'squat', sets: 2, reps: 3 }])
const entries: JournalEntry[] = [
  { kind: 'set-start', at: NOW - 60_000, exercise: 'squat', setIndex: 1, side: null, target: { reps: 3 } },
  ...[1, 2].map((i): JournalEntry => ({
    kind: 'engine', at: NOW - 60_000 + i * 3000, exercise: 'squat', setIndex: 1,
    event: { type: 'rep', t: i, exercise: 'squat', side: null, startMs: 0, bottomMs: 1, endMs: 2, depthDeg: 80, rangeDeg: 90, durationMs: 2, tempo: { downMs: 1, upMs: 1 }, cues: [] }
  }))
]

function fakeApi(item: SessionListItem, withPlan = true): Pick<RevUpApi, 'listSessions' | 'getSession'> {
  const record = { file: { id: ID, info: { title: 'Squat only', source: 'camera', ...(withPlan && { plan: plannedSteps(plan) }) } }, entries } as unknown as SessionRecord
  return { listSessions: async () => ({ ok: true, value: [item] }), getSession: async () => ({ ok: true, value: record }) }
}
const active: SessionListItem = { state: 'active', id: ID, startedAt: new Date(NOW - 60_000).toISOString(), title: 'Squat only' }

describe('the interrupted workout Home offers to resume', () => {
  it('is the newest running session, with its place in the plan and the reps saved, in words', async () => {
    const found = await findInterruptedWorkout(fakeApi(active), FAKE_DEFS, NOW, (t) => t)
    expect(found).toMatchObject({ id: ID, running: true, point: { cursor: { step: 0, set: 0, part: 0 }, repsSaved: 2 } })
    expect(resumePlace(found!)).toBe('Squat, set 1 of 2: 2 of 3 reps done.')
    expect(savedSoFar(found!)).toBe('2 reps saved.')
  })

  it('is not offered when finished, too old, or saved without its plan', async () => {
    const complete = { ...active, state: 'complete', endedAt: active.startedAt, exercises: [], repCount: 2, holdSeconds: 0, warningCount: 0 } as SessionListItem
    expect(await findInterruptedWorkout(fakeApi(complete), FAKE_DEFS, NOW, (t) => t)).toBeNull()
    expect(await findInterruptedWorkout(fakeApi(active), FAKE_DEFS, NOW + RESUME_WITHIN_MS, (t) => t)).toBeNull()
    expect(await findInterruptedWorkout(fakeApi(active, false), FAKE_DEFS, NOW, (t) => t)).toBeNull()
  })
})
