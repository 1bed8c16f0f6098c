/**
 * `npm run bench:sessions`: how long the session store takes with many sessions on THIS machine,
 * printed as a table (a measurement, not a test: nothing here passes or fails). A temp folder is
 * filled with copies of one real finished session (the store's own files, ids rewritten), then:
 * start-up with and without the index, the list the Sessions screen asks for (through the IPC
 * handler, plus the structured-clone copy IPC makes of the answer), opening one session, and how
 * fast over-size IPC payloads are refused. Flags: --sessions N (default 10,000), --runs N (default 5).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os, { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { createHandlers } from '../../src/main/handlers'
import { INDEX_FILE } from '../../src/main/sessions/sessionIndex'
import { SessionStore } from '../../src/main/sessions/sessionStore'
import { sampleWorkout } from '../../src/main/sessions/testSupport'
import { SettingsFile } from '../../src/main/settingsFile'
import { makeApi } from '../../src/preload/api'

const sessions = numberFlag('--sessions', 10_000)
const runs = numberFlag('--runs', 5)
/** The target for the Sessions screen at 10,000 sessions. */
const TARGET_LIST_MS = 200

function numberFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now()
  const value = await run()
  return { ms: performance.now() - t0, value }
}

/** Median and worst of `runs` timings of `run` (after `setup` each time, untimed). */
async function measure(run: () => Promise<unknown> | unknown, setup: () => Promise<unknown> | unknown = () => undefined): Promise<string> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    await setup()
    times.push((await timed(run)).ms)
  }
  times.sort((a, b) => a - b)
  return `${times[Math.floor(times.length / 2)].toFixed(0)} / ${times.at(-1)!.toFixed(0)}`
}

/** "s-20250105-140322-000042": a valid id per index, in start-time order. */
function idFor(i: number, template: string): string {
  const suffix = i.toString(36).padStart(6, '0')
  return `${template.slice(0, 18)}${suffix}`
}

async function fill(root: string): Promise<string[]> {
  const store = new SessionStore(root, { flushIntervalMs: 60_000 })
  const started = await store.start({ title: 'Full routine', source: 'camera', model: 'blazepose-lite' })
  if (!started.ok) throw new Error(started.error)
  const template = started.value.id
  await store.append(template, sampleWorkout(Date.now()))
  const finished = await store.finish(template)
  if (!finished.ok) throw new Error(finished.error)
  await store.dispose()
  const summary = await readFile(join(root, template, 'summary.json'), 'utf8')
  const journal = await readFile(join(root, template, 'journal.jsonl'), 'utf8')
  const ids = Array.from({ length: sessions }, (_, i) => idFor(i, template))
  for (let i = 0; i < ids.length; i += 200) {
    await Promise.all(
      ids.slice(i, i + 200).map(async (id) => {
        await cp(join(root, template), join(root, id), { recursive: true })
        await writeFile(join(root, id, 'summary.json'), summary.replaceAll(template, id))
        await writeFile(join(root, id, 'journal.jsonl'), journal.replaceAll(template, id))
      })
    )
  }
  await rm(join(root, template), { recursive: true })
  await rm(join(root, INDEX_FILE), { force: true })
  return ids
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'revup-bench-sessions-'))
  const root = join(dataDir, 'sessions')
  try {
    process.stderr.write(`bench:sessions: writing ${sessions} sessions to ${root}…\n`)
    const ids = await fill(root)
    const rows: [string, string][] = []
    const opened = async () => {
      const store = new SessionStore(root, { flushIntervalMs: 60_000 })
      const report = await store.open()
      if (report.problem !== null) throw new Error(report.problem)
      await store.dispose()
    }

    rows.push(['start-up, no index (first start; every summary.json read, as every list did before)', await measure(opened, () => rm(join(root, INDEX_FILE), { force: true }))])
    rows.push(['start-up with the index', await measure(opened)])

    const store = new SessionStore(root, { flushIntervalMs: 60_000 })
    await store.open()
    const handlers = createHandlers({ store, settings: new SettingsFile(dataDir), appInfo: () => ({}) as never, chooseExportPath: async () => null })
    const listed = await handlers.listSessions([])
    if (!listed.ok || listed.value.length !== sessions) throw new Error(`listed ${listed.ok ? listed.value.length : listed.error}`)
    const listMs = await measure(() => handlers.listSessions([]))
    rows.push([`list (listSessions handler, ${sessions} rows)`, listMs])
    rows.push(['list answer copied as IPC copies it (structured clone)', await measure(() => deserialize(serialize(listed.value)))])
    rows.push(['open one session (getSession handler, no poses)', await measure(() => handlers.getSession([ids[Math.floor(ids.length / 2)]]))])

    const manyKeys = Object.fromEntries(Array.from({ length: 1_000_000 }, (_, i) => [`k${i}`, i]))
    const longRow = { kind: 'pose', at: 1, exercise: 'squat', setIndex: 1, frame: { w: 640, h: 480, r: new Array<number>(10_000_000).fill(0.5) } }
    const liveId = await store.start({ title: 'Bench', source: 'camera' }).then((r) => (r.ok ? r.value.id : ''))
    rows.push(['saveSettings refused in main: 10^6 keys', await measure(() => handlers.saveSettings([manyKeys]))])
    rows.push(['appendToSession refused in main: a 10^7-number pose row', await measure(() => handlers.appendToSession([liveId, [longRow]]))])
    const preload = makeApi(async () => ({ ok: true, value: null }))
    rows.push(['the same 10^6-key settings refused by the preload (never sent)', await measure(() => preload.saveSettings(manyKeys))])
    await store.dispose()

    const load = os.loadavg()[0]
    console.log(`\nSession store with ${sessions} sessions, ${runs} runs each; ${os.cpus().length} CPU cores, load average ${load.toFixed(1)} at the end\n`)
    console.log('| what | median / worst ms |')
    console.log('|---|---|')
    for (const [what, ms] of rows) console.log(`| ${what} | ${ms} |`)
    const listMedian = Number(listMs.split(' / ')[0])
    console.log(`\nbench:sessions sessions=${sessions} listMedianMs=${listMedian} target<${TARGET_LIST_MS} ${listMedian < TARGET_LIST_MS ? 'met' : 'MISSED'}`)
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

await main()
