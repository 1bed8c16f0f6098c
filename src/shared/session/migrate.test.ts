import { describe, expect, it } from 'vitest'
import { migrateJournalEntry, migrateTopLevel } from './migrate'
import { sessionSummaryFileSchema } from './schema'

describe('schema migration v1 → v2', () => {
  it('renames exerciseId, converts epoch-ms times and moves title/source into info', () => {
    const v1 = {
      schemaVersion: 1,
      id: 's-20240601-070000-abcdef',
      startedAtMs: Date.parse('2024-06-01T07:00:00Z'),
      endedAtMs: Date.parse('2024-06-01T07:30:00Z'),
      recovered: true,
      title: 'Old',
      source: 'video',
      summary: {
        durationSeconds: 1800, repCount: 0, holdSeconds: 0, warnings: [], notes: [],
        exercises: [{ exerciseId: 'plank', setCount: 1, repCount: 0, holdSeconds: 0, warnings: [] }],
        sets: []
      }
    }
    const migrated = migrateTopLevel(v1, 'summary.json')
    expect(migrated.ok).toBe(true)
    const parsed = sessionSummaryFileSchema.parse(migrated.ok ? migrated.value : null)
    expect(parsed).toMatchObject({
      schemaVersion: 2,
      startedAt: '2024-06-01T07:00:00.000Z',
      endedAt: '2024-06-01T07:30:00.000Z',
      status: 'recovered',
      info: { title: 'Old', source: 'video' },
      summary: { exercises: [{ exercise: 'plank' }] }
    })
  })

  it('migrates journal entries by the header version, and leaves current ones alone', () => {
    expect(migrateJournalEntry({ kind: 'set-end', exerciseId: 'squat' }, 1)).toEqual({ kind: 'set-end', exercise: 'squat' })
    const current = { kind: 'note', at: 1, text: 'exerciseId stays in text' }
    expect(migrateJournalEntry(current, 2)).toBe(current)
  })

  it('refuses files without a version or from a newer app, saying which', () => {
    expect(migrateTopLevel({}, 'summary.json')).toEqual({ ok: false, error: expect.stringContaining('no valid schemaVersion') })
    expect(migrateTopLevel({ schemaVersion: 3 }, 'summary.json')).toEqual({ ok: false, error: expect.stringContaining('newer RevUp (schema version 3') })
    expect(migrateTopLevel([], 'summary.json')).toEqual({ ok: false, error: 'summary.json is not a JSON object.' })
  })
})
