/**
 * Sessions on disk, one folder each under the sessions root (the app passes
 * app.getPath('userData')/sessions; tests pass a temp folder). No electron import.
 *
 * Running sessions append to journal.jsonl, flushed at least every FLUSH_INTERVAL_MS. Finishing
 * writes summary.json atomically. On start-up, a journal without a summary (the app was killed) is
 * recovered into a session marked 'recovered'. Damaged files are listed with the reason and never
 * overwritten. Disk failures reach the caller as sentences while the data waits in memory.
 */
import { join } from 'node:path'
import { fail, ok, type AppendReceipt, type GetSessionOptions, type Result, type SessionStarted } from '../../shared/ipc'
import { encodeJournalEntries, encodeJournalLine, JOURNAL_FILE } from '../../shared/session/journal'
import { computeSummary } from '../../shared/session/summary'
import {
  SESSION_SCHEMA_VERSION,
  type JournalEntry,
  type JournalHeader,
  type SessionId,
  type SessionListItem,
  type SessionRecord,
  type SessionStartInfo,
  type SessionSummaryFile
} from '../../shared/session/types'
import { JournalWriter } from './journalWriter'
import { readJournalFile, readSummaryFile, SUMMARY_FILE } from './sessionFiles'
import { isSessionId, newSessionId, sessionDir } from './sessionId'
import { describeStorageError, errorCode } from './storageErrors'
import { nodeStoreFs, type StoreFs } from './storeFs'

/** Half the promised one second, so a crash loses at most the last second even if a flush runs late. */
export const FLUSH_INTERVAL_MS = 500
/** Id collisions need the same second and 6 equal random chars; a few retries are plenty. */
const MAX_ID_ATTEMPTS = 5

export interface SessionStoreOptions {
  fs?: StoreFs
  /** Wall clock, epoch ms. */
  now?: () => number
  flushIntervalMs?: number
}

interface ActiveSession {
  header: JournalHeader
  writer: JournalWriter
  /** Everything but pose frames, for the summary; pose frames only go to disk. */
  entries: JournalEntry[]
}

export interface RecoveryReport {
  recovered: SessionId[]
  damaged: { id: SessionId; reason: string }[]
}

export class SessionStore {
  private readonly fs: StoreFs
  private readonly now: () => number
  private readonly active = new Map<SessionId, ActiveSession>()
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(
    readonly root: string,
    options: SessionStoreOptions = {}
  ) {
    this.fs = options.fs ?? nodeStoreFs
    this.now = options.now ?? Date.now
    const interval = options.flushIntervalMs ?? FLUSH_INTERVAL_MS
    this.timer = setInterval(() => void this.flushAll(), interval)
    this.timer.unref?.()
  }

  /** Creates the root and recovers sessions the last run left unfinished. Call once at start-up. */
  async open(): Promise<RecoveryReport> {
    await this.fs.mkdir(this.root, { recursive: true })
    const report: RecoveryReport = { recovered: [], damaged: [] }
    for (const id of await this.folderIds()) {
      if (this.active.has(id)) continue
      const dir = join(this.root, id)
      if ((await readSummaryFile(this.fs, dir)).state !== 'missing') continue
      const result = await this.recover(id)
      if (result.ok) report.recovered.push(id)
      else report.damaged.push({ id, reason: result.error })
    }
    return report
  }

  async start(info: SessionStartInfo): Promise<Result<SessionStarted>> {
    const startedAt = new Date(this.now())
    let id = ''
    for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
      const candidate = newSessionId(startedAt)
      if (this.active.has(candidate)) continue
      if ((await this.fs.fileSize(join(this.root, candidate, JOURNAL_FILE)).catch(() => null)) !== null) continue
      id = candidate
      break
    }
    if (id === '') return fail('Could not make a new session id; try again.')
    const header: JournalHeader = { kind: 'header', schemaVersion: SESSION_SCHEMA_VERSION, id, startedAt: startedAt.toISOString(), info }
    const writer = new JournalWriter(this.fs, join(sessionDir(this.root, id), JOURNAL_FILE))
    writer.append(encodeJournalLine(header))
    this.active.set(id, { header, writer, entries: [] })
    await writer.flush()
    return ok({ id, startedAt: header.startedAt, storageProblem: writer.storageProblem })
  }

  async append(id: SessionId, entries: readonly JournalEntry[]): Promise<Result<AppendReceipt>> {
    const session = this.active.get(id)
    if (!session) return fail(await this.notActiveReason(id))
    // Runs of pose / other lines in journal order, so the writer can drop poses first if the disk stays full.
    for (let i = 0; i < entries.length; ) {
      const pose = entries[i].kind === 'pose'
      let j = i + 1
      while (j < entries.length && (entries[j].kind === 'pose') === pose) j++
      session.writer.append(encodeJournalEntries(entries.slice(i, j)), pose)
      i = j
    }
    for (const entry of entries) if (entry.kind !== 'pose') session.entries.push(entry)
    return ok({ accepted: entries.length, pending: session.writer.pendingLines, storageProblem: session.writer.storageProblem })
  }

  /** Writes everything queued, then summary.json. On a disk failure the session stays open: call again. */
  async finish(id: SessionId): Promise<Result<SessionSummaryFile>> {
    const session = this.active.get(id)
    if (!session) return fail(await this.notActiveReason(id))
    if (!(await session.writer.flush())) return fail(session.writer.storageProblem ?? 'Could not save the workout.')
    const endedAt = this.now()
    const file: SessionSummaryFile = {
      schemaVersion: SESSION_SCHEMA_VERSION,
      id,
      startedAt: session.header.startedAt,
      endedAt: new Date(endedAt).toISOString(),
      status: 'complete',
      info: session.header.info,
      summary: computeSummary(session.entries, endedAt)
    }
    try {
      await this.fs.writeFileAtomic(join(sessionDir(this.root, id), SUMMARY_FILE), `${JSON.stringify(file, null, 2)}\n`)
    } catch (error) {
      return fail(`Could not save the session summary: ${describeStorageError(error)}`)
    }
    session.writer.dispose()
    this.active.delete(id)
    return ok(file)
  }

  async list(): Promise<SessionListItem[]> {
    const items: SessionListItem[] = []
    // Running sessions are listed even when the disk has not let us create their folder yet.
    const ids = new Set([...(await this.folderIds()), ...this.active.keys()])
    for (const id of ids) {
      const session = this.active.get(id)
      if (session) {
        items.push({ state: 'active', id, startedAt: session.header.startedAt, title: session.header.info.title })
        continue
      }
      let summary = await readSummaryFile(this.fs, join(this.root, id))
      if (summary.state === 'missing') {
        // Left unfinished after start-up recovery ran (e.g. recovery could not write then): try again now.
        const recovered = await this.recover(id)
        summary = recovered.ok ? { state: 'ok', value: recovered.value } : { state: 'damaged', reason: recovered.error }
      }
      if (summary.state === 'ok') items.push(listItem(summary.value))
      else if (summary.state === 'damaged') items.push({ state: 'damaged', id, reason: summary.reason })
    }
    // Newest first; ids start with the UTC start time, so they sort the same way.
    return items.sort((a, b) => b.id.localeCompare(a.id))
  }

  async get(id: SessionId, options: GetSessionOptions = {}): Promise<Result<SessionRecord>> {
    if (this.active.has(id)) return fail('This session is still being recorded; finish it first.')
    const dir = sessionDir(this.root, id)
    const summary = await readSummaryFile(this.fs, dir)
    if (summary.state === 'missing') return fail(await this.notActiveReason(id))
    if (summary.state === 'damaged') return fail(`This session cannot be opened. ${summary.reason}`)
    const journal = await readJournalFile(this.fs, dir, options.includePoses === true)
    if (journal.state === 'ok') return ok({ file: summary.value, entries: journal.value.entries })
    const journalProblem = journal.state === 'missing' ? 'Its journal.jsonl is missing.' : journal.reason
    return ok({ file: summary.value, entries: [], journalProblem })
  }

  async delete(id: SessionId): Promise<Result<null>> {
    if (this.active.has(id)) return fail('This session is still being recorded; finish it before deleting it.')
    const dir = sessionDir(this.root, id)
    if (!(await this.folderIds()).includes(id)) return fail('There is no such session; it may already be deleted.')
    await this.fs.removeDir(dir)
    return ok(null)
  }

  /** Flushes every running session's journal; the timer calls this, and so does dispose(). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.active.values()].map((s) => s.writer.flush()))
  }

  /** Ids of running sessions with entries still waiting for the disk. */
  unsavedSessions(): SessionId[] {
    return [...this.active].filter(([, s]) => s.writer.pendingChunks > 0).map(([id]) => id)
  }

  /** Stops the timer and makes a last attempt to write everything. Running sessions are recovered on the next start. */
  async dispose(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.flushAll()
    for (const session of this.active.values()) session.writer.dispose()
  }

  private async recover(id: SessionId): Promise<Result<SessionSummaryFile>> {
    const dir = sessionDir(this.root, id)
    const journal = await readJournalFile(this.fs, dir)
    if (journal.state === 'missing') return fail('It has neither a summary.json nor a journal.jsonl.')
    if (journal.state === 'damaged') return fail(`It was not finished and its journal cannot be read: ${journal.reason}`)
    const { header, entries, droppedPartialLine } = journal.value
    if (header.id !== id) return fail(`Its journal belongs to session ${header.id}, not to this folder.`)
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
      await this.fs.writeFileAtomic(join(dir, SUMMARY_FILE), `${JSON.stringify(file, null, 2)}\n`)
    } catch (error) {
      return fail(`It was not finished, and saving the recovered summary failed: ${describeStorageError(error)}`)
    }
    return ok(file)
  }

  private async folderIds(): Promise<SessionId[]> {
    try {
      return (await this.fs.listDir(this.root)).map((e) => e.name).filter(isSessionId)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return []
      throw error
    }
  }

  private async notActiveReason(id: SessionId): Promise<string> {
    return (await this.folderIds()).includes(id)
      ? 'This session is already finished; start a new one to record more.'
      : 'There is no such session; it may have been deleted.'
  }
}

function listItem(file: SessionSummaryFile): SessionListItem {
  return {
    state: file.status,
    id: file.id,
    startedAt: file.startedAt,
    endedAt: file.endedAt,
    title: file.info.title,
    exercises: file.summary.exercises.map((e) => e.exercise),
    repCount: file.summary.repCount,
    holdSeconds: file.summary.holdSeconds,
    warningCount: file.summary.warnings.reduce((n, w) => n + w.count, 0)
  }
}
