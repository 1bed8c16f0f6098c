/**
 * The append-only journal of one running session. Lines are queued in memory and written (with
 * fsync) on every flush; the store flushes at least every second. When the disk refuses a write,
 * nothing is dropped: the lines stay queued, the problem is reported, and the next flush retries.
 * A write that failed half-way is cut back to the last whole line first, so the file only ever
 * holds complete lines. While the disk keeps refusing, the queue is capped: the oldest sampled pose
 * lines (replay only) go first, never the reps, holds, cues and set lines the summary is made of,
 * and the problem sentence says how many were dropped.
 */
import { dirname } from 'node:path'
import { describeJournalError } from './storageErrors'
import type { StoreFs } from './storeFs'

/**
 * Queued bytes beyond which pose lines are dropped: a compact pose line is about 1 KB at ~15 fps,
 * so this keeps roughly half an hour of replay waiting for a disk that comes back.
 */
export const MAX_QUEUED_BYTES = 16 * 1024 * 1024

/** Some complete lines; `droppable` ones are sampled poses the summary does not need. */
interface Chunk {
  data: string
  lines: number
  droppable: boolean
}

export class JournalWriter {
  private queue: Chunk[] = []
  private queuedBytes = 0
  /** Chunks at the head of the queue that the write in flight has taken (never dropped). */
  private writing = 0
  private droppedPoseLines = 0
  /** Bytes of the file known to hold only complete lines. */
  private committedBytes: number | null = null
  private inFlight: Promise<boolean> | null = null
  private problem: string | null = null
  private disposed = false

  constructor(
    private readonly fs: StoreFs,
    readonly path: string,
    private readonly maxQueuedBytes = MAX_QUEUED_BYTES
  ) {}

  /** Queues complete lines (each ending in "\n"); `droppable` marks sampled pose lines that may go under memory pressure. */
  append(lines: string, droppable = false): void {
    if (this.disposed) throw new Error(`The journal ${this.path} is closed; it cannot take more lines.`)
    if (lines.length === 0) return
    this.queue.push({ data: lines, lines: countLines(lines), droppable })
    this.queuedBytes += lines.length
    this.dropPosesOverCap()
  }

  /** Lines-chunks waiting to be written. */
  get pendingChunks(): number {
    return this.queue.length
  }

  /** Lines (journal entries) waiting to be written. */
  get pendingLines(): number {
    return this.queue.reduce((n, c) => n + c.lines, 0)
  }

  /** Characters waiting to be written (the memory the queue holds, roughly). */
  get pendingBytes(): number {
    return this.queuedBytes
  }

  /** The last write failure as a sentence (with any pose lines dropped meanwhile), or null when the last flush succeeded. */
  get storageProblem(): string | null {
    if (this.problem === null) return null
    if (this.droppedPoseLines === 0) return this.problem
    return `${this.problem} To save memory, ${this.droppedPoseLines} replay pose frames were dropped; every rep, hold and cue is kept.`
  }

  /** Writes everything queued; true when the queue is empty afterwards. Concurrent calls share one write. */
  flush(): Promise<boolean> {
    if (this.inFlight) return this.inFlight.then(() => this.flush())
    if (this.queue.length === 0) return Promise.resolve(this.problem === null)
    this.inFlight = this.writeQueued().finally(() => {
      this.inFlight = null
    })
    return this.inFlight
  }

  /** Stops taking lines; whatever is still queued is reported by the caller. */
  dispose(): void {
    this.disposed = true
  }

  /** Oldest pose lines first, never a chunk the write in flight holds; other lines stay whatever the size. */
  private dropPosesOverCap(): void {
    let i = this.writing
    while (this.queuedBytes > this.maxQueuedBytes) {
      while (i < this.queue.length && !this.queue[i].droppable) i++
      if (i >= this.queue.length) return
      const [dropped] = this.queue.splice(i, 1)
      this.queuedBytes -= dropped.data.length
      this.droppedPoseLines += dropped.lines
    }
  }

  private async writeQueued(): Promise<boolean> {
    const taken = this.queue.length
    this.writing = taken
    const data = this.queue.map((c) => c.data).join('')
    try {
      await this.fs.mkdir(dirname(this.path), { recursive: true })
      if (this.committedBytes === null) this.committedBytes = (await this.fs.fileSize(this.path)) ?? 0
      else if ((await this.fs.fileSize(this.path)) !== this.committedBytes) {
        // A previous write failed part-way; remove the partial line before writing it again.
        await this.fs.truncate(this.path, this.committedBytes)
      }
      await this.fs.appendDurable(this.path, data)
      this.committedBytes += Buffer.byteLength(data, 'utf8')
      this.queue.splice(0, taken)
      this.queuedBytes -= data.length
      this.problem = null
      this.droppedPoseLines = 0
      return this.queue.length === 0
    } catch (error) {
      this.problem = `Could not save the workout: ${describeJournalError(error)}`
      return false
    } finally {
      this.writing = 0
      this.dropPosesOverCap()
    }
  }
}

function countLines(data: string): number {
  let n = 0
  for (let i = data.indexOf('\n'); i >= 0; i = data.indexOf('\n', i + 1)) n++
  return n
}
