/**
 * Sessions on disk, one folder each under the sessions root (the app passes
 * app.getPath('userData')/sessions; tests pass a temp folder). No electron import.
 *
 * Running sessions append to journal.jsonl, flushed at least every FLUSH_INTERVAL_MS. Finishing
 * writes summary.json atomically; while it does, the session refuses appends. Opening the store
 * (once, at start-up) sweeps temp files a kill left behind and recovers a journal without a summary
 * into a session marked 'recovered'. The folder name is the id; anything in the sessions folder that
 * is not a real folder, or whose summary names another session, is listed as damaged with the reason
 * and never written to or followed. The rows of finished sessions are kept in memory and in
 * index.json (sessionIndex.ts), so listing does not read every summary. A store whose folder cannot
 * be used answers every call with a sentence naming the folder and what to do, and tries again on
 * the next call. Disk failures reach the caller as sentences while the data waits in memory.
 */
import { join } from 'node:path'
import { fail, ok, type AppendReceipt, type GetSessionOptions, type Result, type SessionResumed, type SessionStarted } from '../../shared/ipc'
import { encodeJournalEntries, encodeJournalLine, JOURNAL_FILE, parseJournal } from '../../shared/session/journal'
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
import { readJournalFile, readSessionSummary, SUMMARY_FILE } from './sessionFiles'
import { notAFolderReason, removeFiles, scanRoot, sweepTempFiles } from './sessionFolders'
import { newSessionId, sessionDir } from './sessionId'
import { listItem, SessionIndexFile, type FinishedListItem } from './sessionIndex'
import { recoverSession } from './sessionRecovery'
import { describeStorageError, describeUnusableFolder } from './storageErrors'
import { nodeStoreFs, type StoreFs } from './storeFs'

/** Half the promised one second, so a crash loses at most the last second even if a flush runs late. */
export const FLUSH_INTERVAL_MS = 500
/** Id collisions need the same second and 6 equal random chars; a few retries are plenty. */
const MAX_ID_ATTEMPTS = 5

export const FINISHING_MESSAGE = 'This session is being finished, so nothing more can be added to it. Start a new session to record more.'

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
  /** Set while finish() writes: appends are refused, and a second finish() waits for the same answer. */
  finishing: Promise<Result<SessionSummaryFile>> | null
}

/** A row of the list for a session that is not running. */
type StoredListItem = Exclude<SessionListItem, { state: 'active' }>

export interface RecoveryReport {
  recovered: SessionId[]
  damaged: { id: SessionId; reason: string }[]
  /** Temp files left by a kill during an atomic write, removed at start-up. */
  removedTempFiles: number
  /** Set when the sessions folder cannot be used: a sentence naming it and saying what to do. */
  problem: string | null
}

export class SessionStore {
  private readonly fs: StoreFs
  private readonly now: () => number
  private readonly active = new Map<SessionId, ActiveSession>()
  /** Every session folder (and id-named junk) seen, by folder name. */
  private readonly catalog = new Map<SessionId, StoredListItem>()
  /** Unfinished sessions whose recovered summary could not be written (disk full, ...): tried again on each list. */
  private readonly recoveryToRetry = new Set<SessionId>()
  private readonly index: SessionIndexFile
  private opening: Promise<RecoveryReport> | null = null
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(
    readonly root: string,
    options: SessionStoreOptions = {}
  ) {
    this.fs = options.fs ?? nodeStoreFs
    this.now = options.now ?? Date.now
    this.index = new SessionIndexFile(this.fs, root, () => this.finishedRows())
    const interval = options.flushIntervalMs ?? FLUSH_INTERVAL_MS
    this.timer = setInterval(() => void this.flushAll(), interval)
    this.timer.unref?.()
  }

  /**
   * Creates the root, sweeps temp files, reads the index and recovers sessions the last run left
   * unfinished. Never throws: a folder that cannot be used is reported in `problem` (and tried
   * again on the next call). Every other method waits for it, so calling it early is optional.
   */
  open(): Promise<RecoveryReport> {
    this.opening ??= this.openNow()
    return this.opening
  }

  async start(info: SessionStartInfo): Promise<Result<SessionStarted>> {
    const problem = await this.unusable()
    if (problem !== null) return fail(problem)
    const startedAt = new Date(this.now())
    let id = ''
    for (let attempt = 0; attempt < MAX_ID_ATTEMPTS && id === ''; attempt++) {
      const candidate = newSessionId(startedAt)
      if (!this.active.has(candidate) && (await this.fs.kind(join(this.root, candidate))) === 'missing') id = candidate
    }
    if (id === '') return fail('Could not make a new session id; try again.')
    const header: JournalHeader = { kind: 'header', schemaVersion: SESSION_SCHEMA_VERSION, id, startedAt: startedAt.toISOString(), info }
    const writer = new JournalWriter(this.fs, join(sessionDir(this.root, id), JOURNAL_FILE))
    writer.append(encodeJournalLine(header))
    this.active.set(id, { header, writer, entries: [], finishing: null })
    await writer.flush()
    return ok({ id, startedAt: header.startedAt, storageProblem: writer.storageProblem })
  }

  /**
   * Opens an unfinished session to go on recording into it: one still running (the renderer reloaded)
   * is answered as it is; one recovered at start-up (the app stopped) becomes running again, its
   * recovered summary removed (finishing writes a new one; another stop recovers it again) and a
   * half-written last line cut off so the lines appended after it stay readable.
   */
  async resume(id: SessionId): Promise<Result<SessionResumed>> {
    const problem = await this.unusable()
    if (problem !== null) return fail(problem)
    const running = this.active.get(id)
    if (running) {
      if (running.finishing) return fail(FINISHING_MESSAGE)
      const { header } = running
      return ok({ id, startedAt: header.startedAt, info: header.info, entries: [...running.entries] })
    }
    const dir = sessionDir(this.root, id)
    if ((await this.fs.kind(dir)) !== 'dir') return fail(await this.notActiveReason(id))
    const summary = await readSessionSummary(this.fs, this.root, id)
    if (summary.state === 'damaged') return fail(`This session cannot be opened. ${summary.reason}`)
    if (summary.state === 'ok' && summary.value.status !== 'recovered') return fail('This session is already finished; start a new one to record more.')
    const path = join(dir, JOURNAL_FILE)
    let text: string
    try {
      text = await this.fs.readFile(path)
      const whole = text.slice(0, text.lastIndexOf('\n') + 1)
      if (whole.length < text.length) await this.fs.truncate(path, Buffer.byteLength(whole, 'utf8'))
      text = whole
      if (summary.state === 'ok') await this.fs.removeFile(join(dir, SUMMARY_FILE))
    } catch (error) {
      return fail(`Could not open the session again: ${describeStorageError(error)}`)
    }
    const journal = parseJournal(text)
    if (!journal.ok) return fail(`This session cannot be opened. ${journal.reason}`)
    if (journal.header.id !== id) return fail(`Its journal belongs to session ${journal.header.id}, not to this folder, so it is probably a copy.`)
    const header: JournalHeader = { ...journal.header, kind: 'header' }
    this.active.set(id, { header, writer: new JournalWriter(this.fs, path), entries: journal.entries, finishing: null })
    if (this.catalog.delete(id)) await this.index.save()
    return ok({ id, startedAt: header.startedAt, info: header.info, entries: [...journal.entries] })
  }

  async append(id: SessionId, entries: readonly JournalEntry[]): Promise<Result<AppendReceipt>> {
    const session = this.active.get(id)
    if (!session) return fail(await this.notActiveReason(id))
    if (session.finishing) return fail(FINISHING_MESSAGE)
    // Runs of pose / other lines in journal order, so the writer can drop poses first if the disk stays full.
    for (let i = 0; i < entries.length; ) {
      const pose = entries[i].kind === 'pose'
      let j = i + 1
      while (j < entries.length && (entries[j].kind === 'pose') === pose) j++
      session.writer.append(encodeJournalEntries(entries.slice(i, j)), pose)
      i = j
    }
    for (const entry of entries) if (entry.kind !== 'pose') session.entries.push(entry)
    // A rep, hold, cue or set line is on disk before the answer: a reload or crash just after never loses it.
    if (entries.some((e) => e.kind !== 'pose')) await session.writer.flush()
    return ok({ accepted: entries.length, pending: session.writer.pendingLines, storageProblem: session.writer.storageProblem })
  }

  /** Writes everything queued, then summary.json. On a disk failure the session stays open: call again. */
  finish(id: SessionId): Promise<Result<SessionSummaryFile>> {
    const session = this.active.get(id)
    if (!session) return this.notActiveReason(id).then((reason) => fail(reason))
    session.finishing ??= this.finishNow(id, session).finally(() => {
      session.finishing = null
    })
    return session.finishing
  }

  async list(): Promise<Result<SessionListItem[]>> {
    const problem = await this.unusable()
    if (problem !== null) return fail(problem)
    await this.refreshCatalog()
    const items: SessionListItem[] = [...this.catalog.values()]
    // Running sessions are listed even when the disk has not let us create their folder yet.
    for (const [id, session] of this.active) items.push({ state: 'active', id, startedAt: session.header.startedAt, title: session.header.info.title })
    // Newest first; ids start with the UTC start time, so they sort the same way.
    return ok(items.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)))
  }

  async get(id: SessionId, options: GetSessionOptions = {}): Promise<Result<SessionRecord>> {
    const problem = await this.unusable()
    if (problem !== null) return fail(problem)
    const running = this.active.get(id)
    if (running) return this.getRunning(id, running, options)
    const dir = sessionDir(this.root, id)
    const kind = await this.fs.kind(dir)
    if (kind === 'missing') return fail('There is no such session; it may have been deleted.')
    if (kind !== 'dir') return fail(`This session cannot be opened. ${notAFolderReason(kind)}`)
    let summary = await readSessionSummary(this.fs, this.root, id)
    if (summary.state === 'missing') {
      // Unfinished and not recovered yet (e.g. recovery could not write then): try again now.
      const recovered = await recoverSession(this.fs, this.root, id)
      summary = recovered.ok ? { state: 'ok', value: recovered.value } : { state: 'damaged', reason: recovered.error }
    }
    await this.remember(id, summary.state === 'ok' ? listItem(id, summary.value) : { state: 'damaged', id, reason: summary.reason })
    if (summary.state !== 'ok') return fail(`This session cannot be opened. ${summary.reason}`)
    const journal = await readJournalFile(this.fs, dir, options.includePoses === true)
    if (journal.state === 'ok') return ok({ file: summary.value, entries: journal.value.entries })
    const journalProblem = journal.state === 'missing' ? 'Its journal.jsonl is missing.' : journal.reason
    return ok({ file: summary.value, entries: [], journalProblem })
  }

  /** A running session as saved so far: its journal flushed, then read back from disk and summarised to its last entry. */
  private async getRunning(id: SessionId, session: ActiveSession, options: GetSessionOptions): Promise<Result<SessionRecord>> {
    await session.writer.flush()
    const journal = await readJournalFile(this.fs, sessionDir(this.root, id), options.includePoses === true)
    // Nothing readable on disk yet (the disk refused the first write): what main holds is the record.
    const entries = journal.state === 'ok' ? journal.value.entries : session.entries
    const saved = entries.filter((e) => e.kind !== 'pose')
    const lastAt = saved.reduce((max, e) => Math.max(max, e.at), Date.parse(session.header.startedAt))
    const { header } = session
    return ok({
      file: {
        schemaVersion: SESSION_SCHEMA_VERSION,
        id,
        startedAt: header.startedAt,
        endedAt: new Date(lastAt).toISOString(),
        status: 'in-progress',
        info: header.info,
        summary: computeSummary(saved, lastAt)
      },
      entries,
      ...(journal.state === 'ok' ? {} : { journalProblem: session.writer.storageProblem ?? 'Nothing of it is on disk yet.' })
    })
  }

  async delete(id: SessionId): Promise<Result<null>> {
    const problem = await this.unusable()
    if (problem !== null) return fail(problem)
    if (this.active.has(id)) return fail('This session is still being recorded; finish it before deleting it.')
    const path = sessionDir(this.root, id)
    const kind = await this.fs.kind(path)
    if (kind === 'missing') return fail('There is no such session; it may already be deleted.')
    // A link or file named like a session goes itself; nothing it points to is touched.
    if (kind === 'dir') await this.fs.removeDir(path)
    else await this.fs.removeFile(path)
    if (this.catalog.delete(id)) await this.index.save()
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
    await this.index.settled()
  }

  private async openNow(): Promise<RecoveryReport> {
    const report: RecoveryReport = { recovered: [], damaged: [], removedTempFiles: 0, problem: null }
    try {
      await this.fs.mkdir(this.root, { recursive: true })
      const scan = await scanRoot(this.fs, this.root)
      // Single-instance lock: nothing else writes here now, so every temp file is a leftover.
      report.removedTempFiles += await removeFiles(this.fs, scan.tempFiles)
      const indexed = await this.index.read()
      let indexStale = false
      this.catalog.clear()
      for (const { id, reason } of scan.junk) {
        this.catalog.set(id, { state: 'damaged', id, reason })
        report.damaged.push({ id, reason })
      }
      for (const id of scan.sessions) {
        if (this.active.has(id)) continue
        const row = indexed.get(id)
        if (row) {
          this.catalog.set(id, row)
          indexed.delete(id)
          continue
        }
        // Not in the index: new since it was written, damaged, or left unfinished by a kill.
        report.removedTempFiles += await sweepTempFiles(this.fs, join(this.root, id))
        const { item, recovered } = await this.examine(id)
        this.catalog.set(id, item)
        if (item.state === 'damaged') report.damaged.push({ id, reason: item.reason })
        else indexStale = true
        if (recovered) report.recovered.push(id)
      }
      // Rows left in `indexed` are of folders that are gone.
      if (indexStale || indexed.size > 0) await this.index.save()
    } catch (error) {
      report.problem = describeUnusableFolder(this.root, error)
      // The next call tries again: the runner may fix the folder while RevUp runs.
      this.opening = null
    }
    return report
  }

  /** null when the store is open; otherwise the sentence saying why it cannot be used. */
  private async unusable(): Promise<string | null> {
    return (await this.open()).problem
  }

  /** Brings the catalog in line with the folder: rows for removed folders go, new folders are read. */
  private async refreshCatalog(): Promise<void> {
    const scan = await scanRoot(this.fs, this.root)
    const present = new Set<SessionId>(scan.sessions)
    for (const { id, reason } of scan.junk) {
      present.add(id)
      this.catalog.set(id, { state: 'damaged', id, reason })
    }
    let changed = false
    for (const id of this.catalog.keys()) {
      if (!present.has(id)) changed = this.catalog.delete(id) || changed
    }
    for (const id of scan.sessions) {
      if (this.active.has(id) || (this.catalog.has(id) && !this.recoveryToRetry.has(id))) continue
      const { item } = await this.examine(id)
      this.catalog.set(id, item)
      changed ||= item.state !== 'damaged'
    }
    if (changed) await this.index.save()
  }

  /** The list row of a session folder the catalog does not know, recovering it when it has no summary. */
  private async examine(id: SessionId): Promise<{ item: StoredListItem; recovered: boolean }> {
    this.recoveryToRetry.delete(id)
    const summary = await readSessionSummary(this.fs, this.root, id)
    if (summary.state === 'ok') return { item: listItem(id, summary.value), recovered: false }
    if (summary.state === 'damaged') return { item: { state: 'damaged', id, reason: summary.reason }, recovered: false }
    const recovered = await recoverSession(this.fs, this.root, id)
    if (recovered.ok) return { item: listItem(id, recovered.value), recovered: true }
    if (recovered.writeFailed) this.recoveryToRetry.add(id)
    return { item: { state: 'damaged', id, reason: recovered.error }, recovered: false }
  }

  private async finishNow(id: SessionId, session: ActiveSession): Promise<Result<SessionSummaryFile>> {
    if (!(await session.writer.flush())) return fail(session.writer.storageProblem ?? 'Could not save the workout; try again.')
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
    await this.remember(id, listItem(id, file))
    return ok(file)
  }

  /** Records a row in the catalog, saving the index when a finished session's row changed. */
  private async remember(id: SessionId, item: StoredListItem): Promise<void> {
    const before = this.catalog.get(id)
    this.catalog.set(id, item)
    const indexed = (row: StoredListItem | undefined) => (row === undefined || row.state === 'damaged' ? '' : JSON.stringify(row))
    if (indexed(before) !== indexed(item)) await this.index.save()
  }

  private *finishedRows(): Iterable<FinishedListItem> {
    for (const item of this.catalog.values()) if (item.state !== 'damaged') yield item
  }

  private async notActiveReason(id: SessionId): Promise<string> {
    return this.catalog.has(id) || (await this.fs.kind(sessionDir(this.root, id))) !== 'missing'
      ? 'This session is already finished; start a new one to record more.'
      : 'There is no such session; it may have been deleted.'
  }
}
