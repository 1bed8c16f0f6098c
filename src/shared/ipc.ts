/**
 * The one IPC contract between the renderer and main. The preload exposes exactly these verbs as
 * `window.revup`; main registers one handler per channel and parses every argument with the schemas
 * in src/main/ipcArgs.ts before use. The renderer reaches it only through src/renderer/src/api.ts.
 * No runtime imports: the sandboxed preload bundles this file and must stay small. Every size cap
 * on these payloads is listed in ipcLimits.ts, beside this file.
 */
import type { ExportFormat, SkippedSession } from './session/exportFormats'
import type {
  JournalEntry,
  SessionId,
  SessionListItem,
  SessionRecord,
  SessionStartInfo,
  SessionSummaryFile
} from './session/types'

/** Anything that can fail answers with this; `error` is a sentence a runner can read. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(error: string): Result<T> => ({ ok: false, error })

export interface AppInfo {
  name: string
  version: string
  /** 'electron' in the app; 'browser-harness' when tests drive plain Chromium. */
  shell: 'electron' | 'browser-harness'
  /** Versions of the runtime, e.g. { electron: '45.0.0', chrome: '...' }. */
  versions: Record<string, string>
  platform: string
  /** Folder the sessions are saved in, shown so the runner can find them. */
  sessionsFolder: string
}

export interface SessionStarted {
  id: SessionId
  /** ISO time main recorded as the start. */
  startedAt: string
  /** Set when the disk refused the first write; the session still runs and saving is retried. */
  storageProblem: string | null
}

/** A session opened again to go on recording (resumeSession): what it holds so far. */
export interface SessionResumed {
  id: SessionId
  startedAt: string
  info: SessionStartInfo
  /** Its journal entries so far, without pose frames, in the order written. */
  entries: JournalEntry[]
}

export interface AppendReceipt {
  /** Entries accepted into the journal (written, or held in memory until the disk takes them). */
  accepted: number
  /** Entries waiting to be written (normally flushed within a second). */
  pending: number
  /** Set while the disk refuses writes (full, read-only, no permission): say it to the runner. */
  storageProblem: string | null
}

export type ExportReceipt =
  | { cancelled: true }
  | { cancelled: false; path: string; format: ExportFormat; sessionCount: number; bytes: number; skipped: SkippedSession[] }

export interface GetSessionOptions {
  /** Include the sampled pose frames (large; only for pose replay). */
  includePoses?: boolean
}

/** Settings are owned by the renderer; main only stores them (a JSON object within the caps of ipcLimits.ts). */
export type StoredSettings = Record<string, unknown>

/** What `window.revup` offers. Every verb answers a Result and never throws. */
export interface RevUpApi {
  getAppInfo(): Promise<Result<AppInfo>>
  startSession(info: SessionStartInfo): Promise<Result<SessionStarted>>
  /**
   * Opens an unfinished session (still running in main after a reload, or recovered after a crash) to go
   * on recording into it; a recovered one loses its recovered summary until it is finished again.
   */
  resumeSession(id: SessionId): Promise<Result<SessionResumed>>
  /** Appends entries; a batch with anything but pose frames is on disk (fsync) before it answers. */
  appendToSession(id: SessionId, entries: JournalEntry[]): Promise<Result<AppendReceipt>>
  finishSession(id: SessionId): Promise<Result<SessionSummaryFile>>
  listSessions(): Promise<Result<SessionListItem[]>>
  getSession(id: SessionId, options?: GetSessionOptions): Promise<Result<SessionRecord>>
  deleteSession(id: SessionId): Promise<Result<null>>
  /** Asks where to save with the system's save dialog, then writes the file there. */
  exportSession(id: SessionId, format: ExportFormat): Promise<Result<ExportReceipt>>
  exportAllSessions(format: ExportFormat): Promise<Result<ExportReceipt>>
  loadSettings(): Promise<Result<StoredSettings | null>>
  saveSettings(settings: StoredSettings): Promise<Result<null>>
}

export type Verb = keyof RevUpApi
export type VerbArgs<V extends Verb> = Parameters<RevUpApi[V]>
export type VerbResult<V extends Verb> = Awaited<ReturnType<RevUpApi[V]>>

/** Channel name per verb. */
export const IPC_CHANNELS = {
  getAppInfo: 'app:info',
  startSession: 'session:start',
  resumeSession: 'session:resume',
  appendToSession: 'session:append',
  finishSession: 'session:finish',
  listSessions: 'session:list',
  getSession: 'session:get',
  deleteSession: 'session:delete',
  exportSession: 'session:export',
  exportAllSessions: 'session:export-all',
  loadSettings: 'settings:load',
  saveSettings: 'settings:save'
} as const satisfies Record<Verb, string>

export const VERBS = Object.keys(IPC_CHANNELS) as Verb[]

/** Words for each verb in error sentences ("Could not save the session: ..."). */
export const VERB_DESCRIPTIONS: Record<Verb, string> = {
  getAppInfo: 'read the app information',
  startSession: 'start a session',
  resumeSession: 'go on with the session',
  appendToSession: 'save the workout so far',
  finishSession: 'finish the session',
  listSessions: 'list your sessions',
  getSession: 'open the session',
  deleteSession: 'delete the session',
  exportSession: 'export the session',
  exportAllSessions: 'export your sessions',
  loadSettings: 'load your settings',
  saveSettings: 'save your settings'
}
