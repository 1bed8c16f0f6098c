import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../../tests/fixtures/csv'
import { CSV_COLUMNS, sessionsToCsv, sessionsToJson } from './exportFormats'
import { computeSummary } from './summary'
import type { JournalEntry, SessionRecord } from './types'

const entries: JournalEntry[] = [
  { kind: 'set-start', at: Date.parse('2025-01-05T14:04:00Z'), exercise: 'push-up', setIndex: 1, side: null, target: { reps: 10 }, variant: 'knees' },
  {
    kind: 'engine', at: 1, exercise: 'push-up', setIndex: 1,
    event: { type: 'rep', t: 2500, exercise: 'push-up', side: null, startMs: 1000.4, bottomMs: 1800, endMs: 2500, depthDeg: 87.25, rangeDeg: 71.04, tempo: { downMs: (1800) - (1000.4), upMs: (2500) - (1800) }, durationMs: 1500, cues: ['hips-sag', 'elbows-flare'], variant: { fromKnees: true } }
  },
  { kind: 'set-start', at: 2, exercise: 'plank', setIndex: 1, side: null, target: { holdSeconds: 45 } },
  { kind: 'engine', at: 3, exercise: 'plank', setIndex: 1, event: { type: 'hold', t: 5000, phase: 'started', side: null, goodFormMs: 0 } },
  { kind: 'engine', at: 4, exercise: 'plank', setIndex: 1, event: { type: 'hold', t: 50_000, phase: 'ended', side: null, goodFormMs: 44_250 } }
]

const record: SessionRecord = {
  file: {
    schemaVersion: 2,
    id: 's-20250105-140322-k3j9x2',
    startedAt: '2025-01-05T14:03:22.000Z',
    endedAt: '2025-01-05T14:30:00.000Z',
    status: 'complete',
    info: { title: 'Evening, "easy", legs', source: 'camera' },
    summary: computeSummary(entries)
  },
  entries
}

describe('CSV export', () => {
  it('writes one row per rep and per hold under a fixed header', () => {
    const lines = sessionsToCsv([record]).split('\r\n')
    expect(lines[0]).toBe(CSV_COLUMNS.join(','))
    expect(lines).toHaveLength(4) // header, rep, hold, trailing empty
    expect(lines[1]).toBe(
      's-20250105-140322-k3j9x2,2025-01-05T14:03:22.000Z,complete,"Evening, ""easy"", legs",push-up,1,,rep,1,2025-01-05T14:04:00.000Z,1,1.8,2.5,1.5,87.3,71,,,hips-sag/elbows-flare,fromKnees=true,,unfinished'
    )
    expect(lines[2]).toBe(
      's-20250105-140322-k3j9x2,2025-01-05T14:03:22.000Z,complete,"Evening, ""easy"", legs",plank,1,,hold,1,1970-01-01T00:00:00.002Z,5,,50,45,,,44.25,0,,,,unfinished'
    )
    expect(lines[3]).toBe('')
  })

  it('has only a header when there is nothing to list', () => {
    expect(sessionsToCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`)
  })
})

describe('CSV export under other column separators', () => {
  it("leaves no cell starting with a formula whether a spreadsheet splits on , ; tab or |", () => {
    const hostile: SessionRecord = {
      ...record,
      file: { ...record.file, info: { ...record.file.info, title: 'x;=1+1|@SUM(A1)\t-2,+3' } }
    }
    const csv = sessionsToCsv([hostile])
    for (const splitter of [',', ';', '\t', '|']) {
      // A reader that honours quotes, and one that splits blindly on every splitter.
      const cells = [...parseCsv(csv, splitter).flat(), ...csv.split(/\r\n/).flatMap((line) => line.split(splitter))]
      expect(cells.filter((cell) => /^\s*"?\s*[=+\-@]/.test(cell))).toEqual([])
    }
    // The lists inside one field use a separator no spreadsheet splits columns on.
    expect(parseCsv(csv)[1][CSV_COLUMNS.indexOf('cues')]).toBe('hips-sag/elbows-flare')
  })
})

describe('JSON export', () => {
  it('holds every record and names skipped sessions', () => {
    const doc = JSON.parse(sessionsToJson([record], [{ id: 's-20250101-000000-aaaaaa', reason: 'cut short' }], new Date('2025-02-01T00:00:00Z')))
    expect(doc).toEqual({
      format: 'revup-sessions',
      schemaVersion: 2,
      exportedAt: '2025-02-01T00:00:00.000Z',
      sessions: [JSON.parse(JSON.stringify(record))],
      skipped: [{ id: 's-20250101-000000-aaaaaa', reason: 'cut short' }]
    })
  })
})
