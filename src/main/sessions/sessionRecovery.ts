/**
 * Recovering a session the app stopped in: its journal (without a summary) becomes a summary.json
 * marked 'recovered', summarised exactly like a finished one, ending at the last entry written.
 * A journal that names another session (a copied folder) is not recovered into this folder.
 */
import { join } from 'node:path'
import { fail, ok } from '../../shared/ipc'
import { computeSummary } from '../../shared/session/summary'
import { SESSION_SCHEMA_VERSION, type SessionId, type SessionSummaryFile } from '../../shared/session/types'
import { readJournalFile, SUMMARY_FILE } from './sessionFiles'
import { sessionDir } from './sessionId'
import { describeStorageError } from './storageErrors'
import type { StoreFs } from './storeFs'

/** A failed recovery; `writeFailed` when the journal was fine and the disk refused the summary (worth retrying). */
export type RecoveryFailure = { ok: false; error: string; writeFailed?: true }

export async function recoverSession(fs: StoreFs, root: string, id: SessionId): Promise<{ ok: true; value: SessionSummaryFile } | RecoveryFailure> {
  const dir = sessionDir(root, id)
  const journal = await readJournalFile(fs, dir)
  if (journal.state === 'missing') return fail('It has neither a summary.json nor a journal.jsonl.')
  if (journal.state === 'damaged') return fail(`It was not finished and its journal cannot be read: ${journal.reason}`)
  const { header, entries, droppedPartialLine } = journal.value
  if (header.id !== id) return fail(`Its journal belongs to session ${header.id}, not to this folder, so it is probably a copy. Delete the copy you do not need.`)
  const lastAt = entries.reduce((max, e) => Math.max(max, e.at), Date.parse(header.startedAt))
  const file: SessionSummaryFile = {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id,
    startedAt: header.startedAt,
    endedAt: new Date(lastAt).toISOString(),
    status: 'recovered',
    info: header.info,
    summary: computeSummary(entries, lastAt),
    recovery: { droppedPartialLine, entryCount: entries.length + journal.value.poseCount }
  }
  try {
    await fs.writeFileAtomic(join(dir, SUMMARY_FILE), `${JSON.stringify(file, null, 2)}\n`)
  } catch (error) {
    return { ok: false, error: `It was not finished, and saving the recovered summary failed: ${describeStorageError(error)}`, writeFailed: true }
  }
  return ok(file)
}
