/**
 * What the runner gets when exporting sessions: a JSON document with everything we stored, or a CSV
 * with one row per rep and per hold for a spreadsheet. Pure functions of session records.
 */
import { csvList, toCsv, type CsvValue } from './csv'
import type { HoldRecord, RepRecord, SessionRecord, SetSummary } from './types'
import { SESSION_SCHEMA_VERSION } from './types'

export type ExportFormat = 'json' | 'csv'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv']

/** A session that could not be read is named in exports rather than silently left out. */
export interface SkippedSession {
  id: string
  reason: string
}

export interface SessionsExportDocument {
  format: 'revup-sessions'
  schemaVersion: number
  /** ISO time of the export. */
  exportedAt: string
  sessions: SessionRecord[]
  skipped: SkippedSession[]
}

export function sessionsToJson(sessions: readonly SessionRecord[], skipped: readonly SkippedSession[], exportedAt: Date): string {
  const doc: SessionsExportDocument = {
    format: 'revup-sessions',
    schemaVersion: SESSION_SCHEMA_VERSION,
    exportedAt: exportedAt.toISOString(),
    sessions: [...sessions],
    skipped: [...skipped]
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}

/**
 * Columns of the CSV. Times ending in _s are seconds on the pose-frame clock (video time for a video,
 * camera time for the webcam); set_started_at is the wall-clock ISO time the set began. `cues` and
 * `variant` hold lists joined with CSV_LIST_SEPARATOR ("/").
 */
export const CSV_COLUMNS = [
  'session_id',
  'session_started_at',
  'session_status',
  'session_title',
  'exercise',
  'set',
  'side',
  'kind',
  'number',
  'set_started_at',
  'start_s',
  'bottom_s',
  'end_s',
  'duration_s',
  'depth_deg',
  'range_deg',
  'good_form_s',
  'pauses',
  'cues',
  'variant',
  'band_colour',
  'set_end_reason'
] as const

export function sessionsToCsv(sessions: readonly SessionRecord[]): string {
  const rows: CsvValue[][] = []
  for (const session of sessions) {
    for (const set of session.file.summary.sets) {
      set.reps.forEach((rep, i) => rows.push(repRow(session, set, rep, i + 1)))
      set.holds.forEach((hold, i) => rows.push(holdRow(session, set, hold, i + 1)))
    }
  }
  return toCsv(CSV_COLUMNS, rows)
}

function baseColumns(session: SessionRecord, set: SetSummary): CsvValue[] {
  return [
    session.file.id,
    session.file.startedAt,
    session.file.status,
    session.file.info.title,
    set.exercise,
    set.setIndex
  ]
}

function tailColumns(set: SetSummary, variant: string | undefined): CsvValue[] {
  return [variant ?? set.variant, set.bandColour, set.endReason]
}

function repRow(session: SessionRecord, set: SetSummary, rep: RepRecord, n: number): CsvValue[] {
  const variant = rep.variant ? csvList(Object.entries(rep.variant).map(([k, v]) => `${k}=${String(v)}`)) : undefined
  return [
    ...baseColumns(session, set),
    rep.side ?? set.side,
    'rep',
    n,
    isoOrNull(set.startedAt),
    seconds(rep.startMs),
    seconds(rep.bottomMs),
    seconds(rep.endMs),
    seconds(rep.durationMs),
    round1(rep.depthDeg),
    round1(rep.rangeDeg),
    null,
    null,
    csvList(rep.cues),
    ...tailColumns(set, variant)
  ]
}

function holdRow(session: SessionRecord, set: SetSummary, hold: HoldRecord, n: number): CsvValue[] {
  return [
    ...baseColumns(session, set),
    hold.side ?? set.side,
    'hold',
    n,
    isoOrNull(set.startedAt),
    seconds(hold.startMs),
    null,
    hold.endMs === null ? null : seconds(hold.endMs),
    hold.endMs === null ? null : seconds(hold.endMs - hold.startMs),
    null,
    null,
    seconds(hold.goodFormMs),
    hold.pauses,
    '',
    ...tailColumns(set, undefined)
  ]
}

function seconds(ms: number): number {
  return Math.round(ms) / 1000
}

function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10
}

function isoOrNull(epochMs: number | null): string | null {
  return epochMs === null ? null : new Date(epochMs).toISOString()
}
