/**
 * sessions/index.json: the list rows of every finished or recovered session, so start-up and the
 * Sessions screen need not read every summary.json (10,000 sessions: 2.8 s to list without it).
 * It is a cache, never the truth: rows are kept only for folders that exist, a session folder the
 * index does not know is read, and an index that is missing, damaged or of another version is
 * ignored and rewritten. Writes are atomic and coalesced: one in flight, and changes made meanwhile
 * go into one more write; the store awaits the write that holds its change before it answers, so
 * no write is left running behind a verb's answer.
 */
import { join } from 'node:path'
import { z } from 'zod'
import { exerciseIdSchema, sessionIdSchema } from '../../shared/session/schema'
import type { SessionId, SessionListItem, SessionSummaryFile } from '../../shared/session/types'
import type { StoreFs } from './storeFs'

export const INDEX_FILE = 'index.json'
const INDEX_FORMAT = 'revup-session-index'
const INDEX_VERSION = 1

/** A list row of a session with a summary.json. */
export type FinishedListItem = Extract<SessionListItem, { state: 'complete' | 'recovered' }>

/** The list row of a summary, under its folder's id (the folder name is the id). */
export function listItem(id: SessionId, file: SessionSummaryFile): FinishedListItem {
  return {
    state: file.status,
    id,
    startedAt: file.startedAt,
    endedAt: file.endedAt,
    title: file.info.title,
    exercises: file.summary.exercises.map((e) => e.exercise),
    repCount: file.summary.repCount,
    holdSeconds: file.summary.holdSeconds,
    warningCount: file.summary.warnings.reduce((n, w) => n + w.count, 0)
  }
}

const finishedListItemSchema = z.object({
  state: z.enum(['complete', 'recovered']),
  id: sessionIdSchema,
  startedAt: z.string(),
  endedAt: z.string(),
  title: z.string(),
  exercises: z.array(exerciseIdSchema),
  repCount: z.number(),
  holdSeconds: z.number(),
  warningCount: z.number()
})

const indexFileSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  version: z.literal(INDEX_VERSION),
  sessions: z.array(finishedListItemSchema)
})

export class SessionIndexFile {
  private readonly path: string
  private dirty = false
  private writing: Promise<void> | null = null

  constructor(
    private readonly fs: StoreFs,
    root: string,
    /** The rows to save, asked for when a write starts (so it always saves the latest state). */
    private readonly rows: () => Iterable<FinishedListItem>
  ) {
    this.path = join(root, INDEX_FILE)
  }

  /** The saved rows by id; empty when there is no usable index (it is then rebuilt from the folders). */
  async read(): Promise<Map<SessionId, FinishedListItem>> {
    const rows = new Map<SessionId, FinishedListItem>()
    try {
      const parsed = indexFileSchema.safeParse(JSON.parse(await this.fs.readFile(this.path)))
      if (parsed.success) for (const row of parsed.data.sessions) rows.set(row.id, row)
    } catch {
      // Missing, unreadable or cut short: start from the folders.
    }
    return rows
  }

  /** Saves the rows; resolves once a write that started after this call is done (or failed). */
  save(): Promise<void> {
    this.dirty = true
    this.writing ??= this.writeWhileDirty()
    return this.writing
  }

  /** Resolves when no write is pending. */
  async settled(): Promise<void> {
    while (this.writing) await this.writing
  }

  private async writeWhileDirty(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false
        const text = JSON.stringify({ format: INDEX_FORMAT, version: INDEX_VERSION, sessions: [...this.rows()] })
        try {
          await this.fs.writeFileAtomic(this.path, `${text}\n`)
        } catch {
          // Only a cache: the next change writes it again, and a stale one is corrected at start-up.
        }
      }
    } finally {
      this.writing = null
    }
  }
}
