import { execFileSync, spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SessionStore } from './sessionStore'
import { makeTempDir } from './testSupport'

const CHILD = resolve(import.meta.dirname, 'crashChild.ts')
/** The store's promise: a crash loses at most the last second. */
const MAX_LOSS_MS = 1000
/** Long enough for several flushes to happen before the kill. */
const MIN_APPENDS_BEFORE_KILL = 150

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await makeTempDir('revup-crash-'))
})
afterEach(() => cleanup())

interface ChildLog {
  id: string
  appendedAt: Map<number, number>
  lastDurable: number
  killedAt: number
}

function runAndKill(sessions: string): Promise<ChildLog> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['tsx', CHILD, sessions], { stdio: ['ignore', 'pipe', 'pipe'], detached: false })
    const log: ChildLog = { id: '', appendedAt: new Map(), lastDurable: 0, killedAt: 0 }
    let buffer = ''
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        const [what, a, b] = line.split(' ')
        if (log.killedAt > 0) continue // the pipe may still hold lines printed before the kill landed
        if (what === 'id') log.id = a
        if (what === 'durable') log.lastDurable = Number(a)
        if (what === 'appended') log.appendedAt.set(Number(a), Number(b))
        if (log.appendedAt.size >= MIN_APPENDS_BEFORE_KILL && log.lastDurable > 0) {
          log.killedAt = Date.now()
          // npx runs tsx, which runs node: SIGKILL every process in that tree.
          killTree(child.pid!)
        }
      }
    })
    child.on('exit', () => (log.killedAt > 0 ? done(log) : fail(new Error(`Child exited before the kill: ${stderr}`))))
  })
}

/** SIGKILL the child and its descendants (npx → tsx → node), leaves first. */
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

describe('SessionStore: SIGKILL mid-session', () => {
  it('recovers every entry up to the last flush, losing at most the last second', async () => {
    const sessions = join(dir, 'sessions')
    const log = await runAndKill(sessions)
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
})
