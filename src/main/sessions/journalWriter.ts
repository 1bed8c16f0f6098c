/**
 * The append-only journal of one running session. Lines are queued in memory and written (with
 * fsync) on every flush; the store flushes at least every second. When the disk refuses a write,
 * nothing is dropped: the lines stay queued, the problem is reported, and the next flush retries.
 * A write that failed half-way is cut back to the last whole line first, so the file only ever
 * holds complete lines.
 */
import { dirname } from 'node:path'
import { describeStorageError } from './storageErrors'
import type { StoreFs } from './storeFs'

export class JournalWriter {
  private queue: string[] = []
  /** Bytes of the file known to hold only complete lines. */
  private committedBytes: number | null = null
  private inFlight: Promise<boolean> | null = null
  private problem: string | null = null
  private disposed = false

  constructor(
    private readonly fs: StoreFs,
    readonly path: string
  ) {}

  /** Queues complete lines (each ending in "\n"). */
  append(lines: string): void {
    if (this.disposed) throw new Error(`The journal ${this.path} is closed; it cannot take more lines.`)
    if (lines.length > 0) this.queue.push(lines)
  }

  /** Lines-chunks waiting to be written. */
  get pendingChunks(): number {
    return this.queue.length
  }

  /** The last write failure as a sentence, or null when the last flush succeeded. */
  get storageProblem(): string | null {
    return this.problem
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

  private async writeQueued(): Promise<boolean> {
    const taken = this.queue.length
    const data = this.queue.join('')
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
      this.problem = null
      return this.queue.length === 0
    } catch (error) {
      this.problem = `Could not save the workout: ${describeStorageError(error)}`
      return false
    }
  }
}
