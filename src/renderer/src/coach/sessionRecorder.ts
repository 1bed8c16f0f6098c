/**
 * Streams the workout into a saved session through window.revup (api.ts): pose frames are buffered and
 * appended about once a second, so a slow disk never stalls the camera loop; a rep, hold, cue or set
 * line is sent at once, even while an earlier append is still unanswered (main has it on disk before it
 * answers), so a reload or crash right after a rep is counted never loses it. Appends reach main in the
 * order they are sent (Electron's IPC keeps order), so the journal keeps the order of the workout.
 * When the bridge is missing or a save fails, the problem is reported as a sentence and the workout goes
 * on; a failed append's entries go back to the head of the buffer and are tried again. Finishing
 * sends everything still buffered, batch after batch, retrying a failed append a few times; what it
 * still could not send is counted by kind and told to the runner, never dropped silently.
 * The session is created only when the first set starts: a workout left before any set is not a
 * session (issue 11, item 11), so nothing reaches the disk until then.
 */
import type { RevUpApi } from '../../../shared/ipc'
import { MAX_ENTRIES_PER_APPEND } from '../../../shared/ipcLimits'
import type { JournalEntry, SessionStartInfo } from '../../../shared/session/types'
import { formatCount } from '../../../shared/text'

/** Append at most this often: one IPC round trip a second is plenty for ~15 pose frames + events. */
export const FLUSH_INTERVAL_MS = 1000
/** Entries per append: a quarter of what main takes in one call, so one append stays a small message. */
export const MAX_BATCH = MAX_ENTRIES_PER_APPEND / 4
/** At finish, a failed append is tried this many times, this far apart, before the runner is told what was not saved. */
export const FINISH_ATTEMPTS = 3
export const FINISH_RETRY_MS = 1000
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
  /** Appends sent and not yet answered; their entries are no longer in `buffer`. */
  private inFlight = new Set<Promise<void>>()
  private starting: Promise<void> | null = null
  private problem: string | null = null
  /** The problem without the drop note. */
  private baseProblem: string | null = null
  /** The last append failed: until one succeeds, urgent entries wait for the timer instead of resending the backlog. */
  private appendFailing = false
  private droppedPoses = 0

  /** The last failed append's error, for the sentence about what was not saved. */
  private lastAppendError: string | null = null
  /** What the session will be started with, kept until its first set. */
  private pendingStart: SessionStartInfo | null = null
  private startAnswered = false

  constructor(
    private readonly api: RecorderApi,
    private readonly onStatus: (status: RecorderStatus) => void,
    private readonly finishRetryMs = FINISH_RETRY_MS
  ) {}

  get sessionId(): string | null {
    return this.id
  }

  /**
   * Readies the session: it is started in main when the first set starts (see add); entries added
   * before main answers are kept and sent after.
   */
  start(info: SessionStartInfo): void {
    this.pendingStart = info
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS)
  }

  /** Goes on recording into a session main already holds (resumeSession answered it): no new session is started. */
  resume(id: string): void {
    this.id = id
    this.pendingStart = null
    this.starting = Promise.resolve()
    this.startAnswered = true
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS)
  }

  /** True once a set has started, i.e. there is something worth saving. */
  get started(): boolean {
    return this.starting !== null
  }

  private startNow(info: SessionStartInfo): void {
    this.starting = this.api.startSession(info).then((result) => {
      this.startAnswered = true
      if (result.ok) {
        this.id = result.value.id
        this.setProblem(result.value.storageProblem ? `Saving is delayed: ${result.value.storageProblem}` : null)
      } else {
        this.setProblem(`Not saving this workout: ${result.error}`)
      }
    })
  }

  /** Buffers one entry; over MAX_BUFFERED the oldest buffered pose frame goes (never a rep, hold, cue or set line). */
  add(entry: JournalEntry): void {
    if (entry.kind === 'set-start' && this.pendingStart) {
      this.startNow(this.pendingStart)
      this.pendingStart = null
    }
    this.buffer.push(entry)
    if (entry.kind !== 'pose') this.sendNow()
    if (this.buffer.length <= MAX_BUFFERED) return
    const dropAt = this.buffer.findIndex((e) => e.kind === 'pose')
    if (dropAt < 0) return
    this.buffer.splice(dropAt, 1)
    this.droppedPoses++
    this.setProblem(this.baseProblem ?? 'Saving is behind.')
  }

  /**
   * Sends everything buffered now, without waiting for appends in flight: an entry that must not be
   * lost is on its way to main before the screen has shown it for a frame. While appends are failing it
   * leaves the backlog to the timer rather than resend thousands of entries on every rep.
   */
  private sendNow(): void {
    if (!this.id || !this.startAnswered) {
      void this.flush() // waits for main's answer to startSession, then sends
      return
    }
    if (!this.appendFailing) while (this.buffer.length > 0) void this.send()
    else if (this.inFlight.size === 0) void this.send() // one batch at a time, so failed batches go back in order
  }

  /** Sends up to MAX_BATCH entries from the head of the buffer; on failure they go back to the head. */
  private send(): Promise<void> {
    const batch = this.buffer.splice(0, MAX_BATCH)
    const append = this.api
      .appendToSession(this.id!, batch)
      .then((result) => {
        if (result.ok) {
          this.appendFailing = false
          this.setProblem(result.value.storageProblem ? `Saving is delayed: ${result.value.storageProblem}` : null)
        } else {
          // Kept: the next flush tries again. (An append still in flight may land first; entries carry their times.)
          this.buffer.unshift(...batch)
          this.appendFailing = true
          this.lastAppendError = result.error
          this.setProblem(`Could not save the workout so far: ${result.error}`)
        }
      })
      .finally(() => this.inFlight.delete(append))
    this.inFlight.add(append)
    return append
  }

  /** Resolves when every append sent so far has answered. */
  private async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight])
  }

  /** The timer's send: one batch of what is buffered, unless appends are still in flight (then it waits for them). */
  flush(): Promise<void> {
    if (this.starting && !this.startAnswered) return this.starting.then(() => this.flush())
    if (this.inFlight.size > 0) return this.settled()
    if (!this.id || this.buffer.length === 0) return Promise.resolve()
    return this.send()
  }

  /**
   * Sends everything left, batch after batch (a save problem showing does not stop it), and
   * finishes the session; resolves to the session id, or null when no set ever started (nothing saved). Entries it could not send after
   * FINISH_ATTEMPTS tries are named in the problem, counted by kind.
   */
  async finish(): Promise<string | null> {
    this.stopTimer()
    this.pendingStart = null
    await this.starting
    if (!this.id) {
      this.buffer = []
      return null
    }
    await this.settled()
    for (let failures = 0; this.buffer.length > 0 && failures < FINISH_ATTEMPTS; ) {
      const before = this.buffer.length
      await this.flush()
      if (this.buffer.length < before) failures = 0
      else if (++failures < FINISH_ATTEMPTS) await new Promise((r) => setTimeout(r, this.finishRetryMs))
    }
    const unsaved = this.buffer.splice(0)
    const result = await this.api.finishSession(this.id)
    const problems: string[] = []
    if (unsaved.length > 0) {
      problems.push(`Could not save the end of this workout: ${describeEntries(unsaved)} were not saved. ${this.lastAppendError ?? ''}`.trim())
    }
    if (!result.ok) problems.push(`Could not finish saving the session: ${result.error}`)
    this.setProblem(problems.length > 0 ? problems.join(' ') : this.baseProblem)
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

/** "3 reps, 1 hold update and 700 replay frames": what a list of journal entries holds, in the runner's words. */
export function describeEntries(entries: readonly JournalEntry[]): string {
  const counts = new Map<string, number>()
  for (const entry of entries) {
    const kind = entry.kind === 'engine' ? ENGINE_WORDS[entry.event.type] : ENTRY_WORDS[entry.kind]
    counts.set(kind, (counts.get(kind) ?? 0) + 1)
  }
  const parts = [...counts].map(([kind, n]) => `${formatCount(n)} ${n === 1 ? kind : `${kind}s`}`)
  return parts.length <= 1 ? (parts[0] ?? 'no entries') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}

const ENTRY_WORDS: Record<Exclude<JournalEntry['kind'], 'engine'>, string> = {
  'set-start': 'set start',
  'set-end': 'set end',
  pose: 'replay frame',
  note: 'note'
}

const ENGINE_WORDS: Record<Extract<JournalEntry, { kind: 'engine' }>['event']['type'], string> = {
  rep: 'rep',
  hold: 'hold update',
  cue: 'form cue event',
  view: 'camera view change',
  visibility: 'visibility change',
  'cue-scope': 'cue not judged in this view',
  camera: 'camera tilt reading',
  exercise: 'recognised exercise'
}
