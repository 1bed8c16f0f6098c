/**
 * Child process for the SIGKILL recovery test (sessionStore.crash.test.ts): records a session at
 * ~100 entries per second until it is killed. Prints "appended <i> <epochMs>" after each append and
 * "durable <n>" after each flush reached the disk (n = entry lines written so far).
 * Usage: npx tsx src/main/sessions/crashChild.ts <sessionsFolder>
 */
import { SessionStore } from './sessionStore'
import { nodeStoreFs, type StoreFs } from './storeFs'

/** One entry every 10 ms: many entries per flush, so a lost flush would show. */
const APPEND_EVERY_MS = 10

const root = process.argv[2]
if (!root) throw new Error('Usage: crashChild.ts <sessionsFolder>')

let durableLines = -1 // the header line is not an entry
const fs: StoreFs = {
  ...nodeStoreFs,
  async appendDurable(path, data) {
    await nodeStoreFs.appendDurable(path, data)
    durableLines += data.split('\n').length - 1
    process.stdout.write(`durable ${durableLines}\n`)
  }
}

const store = new SessionStore(root, { fs })
await store.open()
const started = await store.start({ title: 'Crash test', source: 'camera' })
if (!started.ok) throw new Error(started.error)
process.stdout.write(`id ${started.value.id}\n`)

let i = 0
setInterval(() => {
  const at = Date.now()
  void store.append(started.value.id, [{ kind: 'note', at, text: `n${i}` }])
  process.stdout.write(`appended ${i} ${at}\n`)
  i++
}, APPEND_EVERY_MS)
