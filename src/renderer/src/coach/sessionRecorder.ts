/**
 * Streams the workout into a saved session through window.revup (api.ts): entries are buffered and
 * appended about once a second, so a slow disk never stalls the camera loop. When the bridge is
 * missing or a save fails, the problem is reported as a sentence and the workout goes on.
 */
import type { RevUpApi } from '../../../shared/ipc'
import type { JournalEntry, SessionStartInfo } from '../../../shared/session/types'

/** Append at most this often: one IPC round trip a second is plenty for ~15 pose frames + events. */
export const FLUSH_INTERVAL_MS = 1000
/** Never send more than this many entries in one append (main rejects bigger batches). */
export const MAX_BATCH = 500
/** If the bridge is down, keep at most this many entries waiting, oldest pose frames dropped first. */
export const MAX_BUFFERED = 5000

/** Told to the runner once pose frames have been dropped to bound memory. */
export const DROP_NOTE = 'Some replay frames were dropped to save memory; every rep, hold and cue is kept.'

export type RecorderApi = Pick<RevUpApi, 'startSession' | 'appendToSession' | 'finishSession'>

export interface RecorderStatus {
  sessionId: string | null
  /** A sentence for the runner while saving is not working; null when fine. */
  problem: string | null
}

export class SessionRecorder {
  private id: string | null = null
  private buffer: JournalEntry[] = []
  private timer: ReturnType<typeof setInterval> | null = null
  private flushing: Promise<void> | null = null
  private starting: Promise<void> | null = null
  private problem: string | null = null
  /** The problem without the drop note. */
  private baseProblem: string | null = null
  /** Entries at the head of the buffer that the append in flight carries. */
  private sending = 0
  private droppedPoses = 0

  constructor(
    private readonly api: RecorderApi,
    private readonly onStatus: (status: RecorderStatus) => void
  ) {}

  get sessionId(): string | null {
    return this.id
  }

  /** Starts the session in main; entries added before it answers are kept and sent after. */
  start(info: SessionStartInfo): Promise<void> {
    this.starting = this.api.startSession(info).then((result) => {
      if (result.ok) {
        this.id = result.value.id
        this.setProblem(result.value.storageProblem ? `Saving is delayed: ${result.value.storageProblem}` : null)
      } else {
        this.setProblem(`Not saving this workout: ${result.error}`)
      }
    })
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS)
    return this.starting
  }

  /** Buffers one entry; over MAX_BUFFERED the oldest pose frame not being sent goes (never a rep, hold, cue or set line). */
  add(entry: JournalEntry): void {
    this.buffer.push(entry)
    if (this.buffer.length <= MAX_BUFFERED) return
    const dropAt = this.buffer.findIndex((e, i) => i >= this.sending && e.kind === 'pose')
    if (dropAt < 0) return
    this.buffer.splice(dropAt, 1)
    this.droppedPoses++
    this.setProblem(this.baseProblem ?? 'Saving is behind.')
  }

  /** Sends what is buffered; at most one append in flight. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing
    if (!this.id || this.buffer.length === 0) return Promise.resolve()
    const batch = this.buffer.slice(0, MAX_BATCH)
    const id = this.id
    this.sending = batch.length
    this.flushing = this.api
      .appendToSession(id, batch)
      .then((result) => {
        if (result.ok) {
          this.buffer.splice(0, batch.length)
          this.setProblem(result.value.storageProblem ? `Saving is delayed: ${result.value.storageProblem}` : null)
        } else {
          // Kept in the buffer: the next flush tries again.
          this.setProblem(`Could not save the workout so far: ${result.error}`)
        }
      })
      .finally(() => {
        this.sending = 0
        this.flushing = null
      })
    return this.flushing
  }

  /** Sends everything left and finishes the session; resolves to the session id when it was saved. */
  async finish(): Promise<string | null> {
    this.stopTimer()
    await this.starting
    if (!this.id) return null
    await this.flush()
    while (this.buffer.length > 0 && this.problem === null) await this.flush()
    const result = await this.api.finishSession(this.id)
    if (!result.ok) this.setProblem(`Could not finish saving the session: ${result.error}`)
    return this.id
  }

  dispose(): void {
    this.stopTimer()
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
  }

  /** Pose frames dropped so far because the buffer was full. */
  get droppedPoseFrames(): number {
    return this.droppedPoses
  }

  private setProblem(base: string | null): void {
    this.baseProblem = base
    const problem = base !== null && this.droppedPoses > 0 ? `${base} ${DROP_NOTE}` : base
    if (problem === this.problem) return
    this.problem = problem
    this.onStatus({ sessionId: this.id, problem })
  }
}
