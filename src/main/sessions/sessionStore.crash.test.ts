import { execFileSync, spawn } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SessionStore } from './sessionStore'
import { TEMP_FILE_PATTERN } from './storeFs'
import { makeTempDir } from './testSupport'

const CHILD = resolve(import.meta.dirname, 'crashChild.ts')
/** The store's promise: a crash loses at most the last second. */
const MAX_LOSS_MS = 1000
/** Long enough for several flushes to happen before the kill. */
const MIN_APPENDS_BEFORE_KILL = 150
/** Entries the child journals before finishing, all of which must survive a kill during the summary write. */
const NOTES_BEFORE_FINISH = 50
/**
 * Kills aimed at the summary write: three while the temp file is written and the rename waits (the
 * child pauses there), three within milliseconds of the temp file appearing, around the rename
 * (whether those land before or after it depends on the machine; both must end clean).
 */
const HELD_BEFORE_RENAME_MS = 30_000
const AIMED_KILLS = [
  { pauseMs: HELD_BEFORE_RENAME_MS, delayMs: 0 },
  { pauseMs: HELD_BEFORE_RENAME_MS, delayMs: 0 },
  { pauseMs: HELD_BEFORE_RENAME_MS, delayMs: 0 },
  { pauseMs: 3, delayMs: 0 },
  { pauseMs: 3, delayMs: 2 },
  { pauseMs: 0, delayMs: 0 }
]

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await makeTempDir('revup-crash-'))
})
afterEach(() => cleanup())

/** Runs the child until `onLine` calls kill(); resolves once it is dead. */
function runAndKill(args: string[], onLine: (line: string, kill: () => void) => void): Promise<void> {
  return new Promise((done, fail) => {
    // `node --import tsx`: one process, so the kill lands on the process that writes.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let killed = false
    let buffer = ''
    let stderr = ''
    const kill = () => {
      if (killed) return
      killed = true
      killTree(child.pid!)
    }
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      // The pipe may still hold lines printed before the kill landed: ignore them.
      for (const line of lines) if (!killed) onLine(line, kill)
    })
    child.on('exit', () => (killed ? done() : fail(new Error(`Child exited before the kill: ${stderr}`))))
  })
}

/** SIGKILL the child and any descendants, leaves first. */
function killTree(pid: number): void {
  let children: number[] = []
  try {
    children = execFileSync('pgrep', ['-P', String(pid)]).toString().trim().split('\n').filter(Boolean).map(Number)
  } catch {
    // no children
  }
  for (const c of children) killTree(c)
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

/** Temp files anywhere under `root`, relative to it. */
async function tempFilesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile() && TEMP_FILE_PATTERN.test(e.name)).map((e) => relative(root, join(e.parentPath, e.name)))
}

describe('SessionStore: SIGKILL mid-session', () => {
  it('recovers every entry up to the last flush, losing at most the last second', async () => {
    const sessions = join(dir, 'sessions')
    const log = { id: '', appendedAt: new Map<number, number>(), lastDurable: 0, killedAt: 0 }
    await runAndKill([sessions, 'journal'], (line, kill) => {
      const [what, a, b] = line.split(' ')
      if (what === 'id') log.id = a
      if (what === 'durable') log.lastDurable = Number(a)
      if (what === 'appended') log.appendedAt.set(Number(a), Number(b))
      if (log.appendedAt.size >= MIN_APPENDS_BEFORE_KILL && log.lastDurable > 0) {
        log.killedAt = Date.now()
        kill()
      }
    })
    expect(log.id).toMatch(/^s-/)

    const store = new SessionStore(sessions)
    const report = await store.open()
    await store.dispose()
    expect(report).toEqual({ recovered: [log.id], damaged: [], removedTempFiles: 0, problem: null })
    const record = await store.get(log.id)
    if (!record.ok) throw new Error(record.error)
    expect(record.value.file.status).toBe('recovered')

    const kept = record.value.entries.map((e) => (e.kind === 'note' ? Number(e.text.slice(1)) : -1))
    // A contiguous prefix: nothing reordered, duplicated or skipped.
    expect(kept).toEqual(kept.map((_, i) => i))
    // Everything the child saw reach the disk survived.
    expect(kept.length).toBeGreaterThanOrEqual(log.lastDurable)
    // What was lost was appended within the last second before the kill.
    const lost = [...log.appendedAt].filter(([i]) => i >= kept.length)
    for (const [, at] of lost) expect(log.killedAt - at).toBeLessThanOrEqual(MAX_LOSS_MS)
    // The child may append a few more entries between our reading its output and the kill landing.
    console.log(
      `SIGKILL test: ${log.appendedAt.size} appends seen before the kill, last flush reported ${log.lastDurable}, ` +
        `${kept.length} recovered, ${lost.length} seen-but-lost (oldest ${Math.max(0, ...lost.map(([, at]) => log.killedAt - at))} ms before the kill)`
    )
  }, 60_000)

  it(`kills aimed at the summary write (${AIMED_KILLS.length}) leave no temp file after the next start and lose no entry`, async () => {
    const sessions = join(dir, 'sessions')
    const outcomes: string[] = []
    for (const { pauseMs, delayMs } of AIMED_KILLS) {
      let id = ''
      let temp = ''
      await runAndKill([sessions, 'summary', String(pauseMs), String(NOTES_BEFORE_FINISH)], (line, kill) => {
        const [what, value] = line.split(' ')
        if (what === 'id') id = value
        if (what === 'temp') {
          temp = relative(sessions, value)
          setTimeout(kill, delayMs)
        }
      })
      const left = await tempFilesUnder(sessions)
      // With the child paused before the rename, the kill certainly left the summary's temp file.
      if (pauseMs === HELD_BEFORE_RENAME_MS) expect(left).toEqual([temp])

      const store = new SessionStore(sessions)
      const report = await store.open()
      await store.dispose()
      expect(report.problem).toBeNull()
      expect(report.damaged).toEqual([])
      expect(report.removedTempFiles).toBe(left.length)
      expect(await tempFilesUnder(sessions)).toEqual([])
      const record = await store.get(id)
      if (!record.ok) throw new Error(record.error)
      if (pauseMs === HELD_BEFORE_RENAME_MS) expect(record.value.file.status).toBe('recovered')
      expect(record.value.entries.filter((e) => e.kind === 'note')).toHaveLength(NOTES_BEFORE_FINISH)
      outcomes.push(`${left.length} temp left, ${record.value.file.status}`)
    }
    console.log(`Aimed kills at the summary write: ${outcomes.join('; ')}`)
  }, 120_000)
})
