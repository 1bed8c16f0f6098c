/**
 * Reading one session folder: summary.json, journal.jsonl, or both. Never throws and never writes;
 * a file that cannot be read (a link, a pipe, a folder, bad JSON) is reported with the reason, so
 * the store can list it as damaged.
 */
import { join } from 'node:path'
import { JOURNAL_FILE, parseJournal, type ParsedJournal } from '../../shared/session/journal'
import { migrateTopLevel } from '../../shared/session/migrate'
import { describeIssue, sessionSummaryFileSchema } from '../../shared/session/schema'
import type { SessionSummaryFile } from '../../shared/session/types'
import { describeStorageError, errorCode } from './storageErrors'
import type { StoreFs } from './storeFs'

export const SUMMARY_FILE = 'summary.json'

export type FileRead<T> = { state: 'ok'; value: T } | { state: 'missing' } | { state: 'damaged'; reason: string }

async function readText(fs: StoreFs, path: string): Promise<FileRead<string>> {
  try {
    return { state: 'ok', value: await fs.readFile(path) }
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { state: 'missing' }
    return { state: 'damaged', reason: `It could not be read: ${describeStorageError(error)}` }
  }
}

export async function readSummaryFile(fs: StoreFs, dir: string): Promise<FileRead<SessionSummaryFile>> {
  const text = await readText(fs, join(dir, SUMMARY_FILE))
  if (text.state !== 'ok') return text
  let raw: unknown
  try {
    raw = JSON.parse(text.value)
  } catch {
    return { state: 'damaged', reason: 'Its summary.json is cut short or is not valid JSON.' }
  }
  const migrated = migrateTopLevel(raw, 'Its summary.json')
  if (!migrated.ok) return { state: 'damaged', reason: migrated.error }
  const parsed = sessionSummaryFileSchema.safeParse(migrated.value)
  if (!parsed.success) return { state: 'damaged', reason: describeIssue(parsed.error, 'Its summary.json') }
  return { state: 'ok', value: parsed.data }
}

/** The summary of the session whose folder is `id`: the folder name is the id, so a file naming another session is damaged. */
export async function readSessionSummary(fs: StoreFs, root: string, id: string): Promise<FileRead<SessionSummaryFile>> {
  const read = await readSummaryFile(fs, join(root, id))
  if (read.state !== 'ok' || read.value.id === id) return read
  return {
    state: 'damaged',
    reason: `Its summary.json belongs to session ${read.value.id}, not to this folder, so it is probably a copy. Delete the copy you do not need.`
  }
}

export async function readJournalFile(
  fs: StoreFs,
  dir: string,
  includePoses = false
): Promise<FileRead<Extract<ParsedJournal, { ok: true }>>> {
  const text = await readText(fs, join(dir, JOURNAL_FILE))
  if (text.state !== 'ok') return text
  const parsed = parseJournal(text.value, { includePoses })
  return parsed.ok ? { state: 'ok', value: parsed } : { state: 'damaged', reason: parsed.reason }
}
