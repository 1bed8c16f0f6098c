/**
 * The journal line format: JSON Lines, a header line first, then one JournalEntry per line.
 * Every line is written whole, ending in "\n", so a crash can only cut the last line short;
 * such a partial last line is dropped on read. Any other bad line means the file is damaged.
 */
import { migrateJournalEntry, migrateTopLevel } from './migrate'
import { describeIssue, journalEntrySchema, journalHeaderSchema } from './schema'
import type { JournalEntry, JournalHeader } from './types'

export const JOURNAL_FILE = 'journal.jsonl'

export function encodeJournalLine(value: JournalHeader | JournalEntry): string {
  return `${JSON.stringify(value)}\n`
}

export function encodeJournalEntries(entries: readonly JournalEntry[]): string {
  return entries.map(encodeJournalLine).join('')
}

export type ParsedJournal =
  | {
      ok: true
      header: JournalHeader
      entries: JournalEntry[]
      /** The file ended in an incomplete line (the process stopped mid-write); it was left out. */
      droppedPartialLine: boolean
      /** Entries of kind 'pose' seen (kept only when asked for). */
      poseCount: number
    }
  | { ok: false; reason: string }

export interface ParseJournalOptions {
  /** Pose entries are most of a journal; leave them out unless the caller replays poses. */
  includePoses?: boolean
}

/** Reads a journal's text, migrating older versions. Never throws. */
export function parseJournal(text: string, options: ParseJournalOptions = {}): ParsedJournal {
  const lines = text.split('\n')
  // After a final "\n" split leaves one empty string; anything else there is an unfinished line.
  const tail = lines.pop() ?? ''
  let droppedPartialLine = false
  if (tail.trim().length > 0) {
    if (parseLine(tail) === undefined) droppedPartialLine = true
    else lines.push(tail)
  }
  if (lines.length === 0 || lines[0].trim().length === 0) {
    return { ok: false, reason: 'The journal is empty: it has no header line.' }
  }

  const headerRaw = parseLine(lines[0])
  if (headerRaw === undefined) return { ok: false, reason: 'The journal header (line 1) is not valid JSON.' }
  const migratedHeader = migrateTopLevel(headerRaw, 'The journal header')
  if (!migratedHeader.ok) return { ok: false, reason: migratedHeader.error }
  const header = journalHeaderSchema.safeParse(migratedHeader.value)
  if (!header.success) return { ok: false, reason: describeIssue(header.error, 'The journal header (line 1)') }
  const fromVersion = (headerRaw as { schemaVersion: number }).schemaVersion

  const entries: JournalEntry[] = []
  let poseCount = 0
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim().length === 0) continue
    const raw = parseLine(lines[i])
    if (raw === undefined) return { ok: false, reason: `Line ${i + 1} of the journal is not valid JSON.` }
    const entry = journalEntrySchema.safeParse(migrateJournalEntry(raw, fromVersion))
    if (!entry.success) return { ok: false, reason: describeIssue(entry.error, `Line ${i + 1} of the journal`) }
    if (entry.data.kind === 'pose') {
      poseCount++
      if (!options.includePoses) continue
    }
    entries.push(entry.data)
  }
  return { ok: true, header: header.data, entries, droppedPartialLine, poseCount }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown
  } catch {
    return undefined
  }
}
