/**
 * Child process for the SIGKILL tests (sessionStore.crash.test.ts). Usage:
 *   node --import tsx src/main/sessions/crashChild.ts <sessionsFolder> journal
 *     records a session at ~100 entries per second until it is killed; prints "appended <i> <epochMs>"
 *     after each append and "durable <n>" after each flush reached the disk (n = entry lines so far).
 *   node --import tsx src/main/sessions/crashChild.ts <sessionsFolder> summary <pauseMs> <notes>
 *     records <notes> notes and finishes; prints "id <id>", then "temp <path>" once the summary's
 *     temp file is written, and waits pauseMs before the rename, so the kill can land there.
 */
import { SessionStore } from './sessionStore'
import { nodeStoreFs, writeFileAtomic, type StoreFs } from './storeFs'

/** One entry every 10 ms: many entries per flush, so a lost flush would show. */
const APPEND_EVERY_MS = 10

const [root, mode = 'journal', pause = '0', notes = '50'] = process.argv.slice(2)
if (!root) throw new Error('Usage: crashChild.ts <sessionsFolder> journal|summary [pauseMs notes]')

let durableLines = -1 // the header line is not an entry
const fs: StoreFs = {
  ...nodeStoreFs,
  async appendDurable(path, data) {
    await nodeStoreFs.appendDurable(path, data)
    durableLines += data.split('\n').length - 1
    process.stdout.write(`durable ${durableLines}\n`)
  },
  writeFileAtomic: (path, data) =>
    writeFileAtomic(path, data, async (temp) => {
      if (!path.endsWith('summary.json')) return
      process.stdout.write(`temp ${temp}\n`)
      await new Promise((r) => setTimeout(r, Number(pause)))
    })
}

const store = new SessionStore(root, { fs })
await store.open()
const started = await store.start({ title: 'Crash test', source: 'camera' })
if (!started.ok) throw new Error(started.error)
process.stdout.write(`id ${started.value.id}\n`)

if (mode === 'summary') {
  const at = Date.now()
  await store.append(
    started.value.id,
    Array.from({ length: Number(notes) }, (_, i) => ({ kind: 'note' as const, at: at + i, text: `n${i}` }))
  )
  await store.flushAll()
  await store.finish(started.value.id)
  process.stdout.write('finished\n')
  await new Promise((r) => setTimeout(r, 60_000)) // wait to be killed
} else {
  let i = 0
  setInterval(() => {
    const at = Date.now()
    void store.append(started.value.id, [{ kind: 'note', at, text: `n${i}` }])
    process.stdout.write(`appended ${i} ${at}\n`)
    i++
  }, APPEND_EVERY_MS)
}
