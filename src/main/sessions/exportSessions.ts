/**
 * Writing an export file to the path the runner chose in the save dialog (main asks; the renderer
 * never supplies a path). Unreadable sessions are named in the export, not silently left out.
 */
import { fail, ok, type ExportReceipt, type Result } from '../../shared/ipc'
import { sessionsToCsv, sessionsToJson, type ExportFormat, type SkippedSession } from '../../shared/session/exportFormats'
import type { SessionId, SessionRecord } from '../../shared/session/types'
import type { SessionStore } from './sessionStore'
import { describeStorageError } from './storageErrors'
import { nodeStoreFs, type StoreFs } from './storeFs'

/** Asks the runner where to save; null when they cancel. Returns an absolute path. */
export type ChooseExportPath = (suggestedName: string, format: ExportFormat) => Promise<string | null>

export interface ExportRequest {
  /** One session, or every finished session when omitted. */
  id?: SessionId
  format: ExportFormat
}

export async function exportSessions(
  store: SessionStore,
  request: ExportRequest,
  choosePath: ChooseExportPath,
  now: Date = new Date(),
  fs: StoreFs = nodeStoreFs
): Promise<Result<ExportReceipt>> {
  const collected = await collect(store, request.id)
  if (!collected.ok) return collected
  const { records, skipped } = collected.value
  if (records.length === 0) {
    return fail(skipped.length > 0 ? 'None of your sessions can be read, so there is nothing to export.' : 'There are no finished sessions to export yet.')
  }

  const path = await choosePath(suggestedName(request, now), request.format)
  if (path === null) return ok({ cancelled: true })

  const text = request.format === 'json' ? sessionsToJson(records, skipped, now) : sessionsToCsv(records)
  try {
    await fs.writeFileAtomic(path, text)
  } catch (error) {
    return fail(`Could not write the export file: ${describeStorageError(error)}`)
  }
  return ok({
    cancelled: false,
    path,
    format: request.format,
    sessionCount: records.length,
    bytes: Buffer.byteLength(text, 'utf8'),
    skipped
  })
}

async function collect(
  store: SessionStore,
  id: SessionId | undefined
): Promise<Result<{ records: SessionRecord[]; skipped: SkippedSession[] }>> {
  if (id !== undefined) {
    const one = await store.get(id)
    return one.ok ? ok({ records: [one.value], skipped: [] }) : one
  }
  const listed = await store.list()
  if (!listed.ok) return listed
  const records: SessionRecord[] = []
  const skipped: SkippedSession[] = []
  for (const item of listed.value) {
    if (item.state === 'active') continue
    if (item.state === 'damaged') {
      skipped.push({ id: item.id, reason: item.reason })
      continue
    }
    const record = await store.get(item.id)
    if (record.ok) records.push(record.value)
    else skipped.push({ id: item.id, reason: record.error })
  }
  // Oldest first reads naturally in a spreadsheet.
  return ok({ records: records.reverse(), skipped })
}

/** e.g. "revup-s-20250105-140322-k3j9x2.csv" or "revup-sessions-2025-01-05.json". */
export function suggestedName(request: ExportRequest, now: Date): string {
  const stem = request.id !== undefined ? `revup-${request.id}` : `revup-sessions-${now.toISOString().slice(0, 10)}`
  return `${stem}.${request.format}`
}
