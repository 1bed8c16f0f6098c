/**
 * The session store against a hostile or broken data folder: a folder it cannot use, a pipe where a
 * file should be, appends racing finish, temp files left by kills, links and copied folders, and
 * the index that spares listing from reading every summary.
 */
import { execFileSync } from 'node:child_process'
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SessionStartInfo } from '../../shared/session/types'
import { INDEX_FILE } from './sessionIndex'
import { FINISHING_MESSAGE, SessionStore } from './sessionStore'
import { nodeStoreFs, type StoreFs } from './storeFs'
import { failingFs, makeTempDir, sampleWorkout, listOf } from './testSupport'

const INFO: SessionStartInfo = { title: 'Full routine', source: 'camera' }
const T0 = Date.parse('2025-01-05T14:03:22.000Z')

let dir: string
let root: string
let cleanup: () => Promise<void>
const stores: SessionStore[] = []

function makeStore(fs?: StoreFs): SessionStore {
  const store = new SessionStore(root, { flushIntervalMs: 60_000, fs })
  stores.push(store)
  return store
}

beforeEach(async () => {
  ;({ dir, cleanup } = await makeTempDir('revup-hardening-'))
  root = join(dir, 'data', 'sessions')
})

afterEach(async () => {
  for (const s of stores.splice(0)) await s.dispose()
  await cleanup()
})

async function recordFinished(store: SessionStore): Promise<string> {
  const started = await store.start(INFO)
  if (!started.ok) throw new Error(started.error)
  await store.append(started.value.id, sampleWorkout(T0))
  const finished = await store.finish(started.value.id)
  if (!finished.ok) throw new Error(finished.error)
  return started.value.id
}

/** The real file system, counting the files read. */
function countingFs(): { fs: StoreFs; reads: string[] } {
  const reads: string[] = []
  return { reads, fs: { ...nodeStoreFs, readFile: (path) => (reads.push(path), nodeStoreFs.readFile(path)) } }
}

describe('a sessions folder that cannot be used', () => {
  it('is answered with a sentence naming the folder and what to do, never a throw, and is tried again once fixed', async () => {
    await mkdir(join(dir, 'data'), { recursive: true })
    await writeFile(root, 'a file where the sessions folder should be')
    const store = makeStore()
    const report = await store.open()
    expect(report.problem).toBe(
      `RevUp cannot keep your sessions in ${root}: a file stands where RevUp expected a folder. Move or rename that file, then restart RevUp. Until then, workouts are not saved.`
    )
    expect(await store.list()).toEqual({ ok: false, error: report.problem })
    expect(await store.start(INFO)).toEqual({ ok: false, error: report.problem })

    await rm(root)
    expect(await store.list()).toEqual({ ok: true, value: [] })
    expect((await store.start(INFO)).ok).toBe(true)
  })

  it.each(['EACCES', 'EIO'])('a %s error on the folder itself becomes the same kind of sentence', async (code) => {
    const fs: StoreFs = { ...nodeStoreFs, listDir: async () => Promise.reject(Object.assign(new Error(code), { code })) }
    const report = await makeStore(fs).open()
    expect(report.problem).toMatch(new RegExp(`^RevUp cannot keep your sessions in ${root}: .+\\. .+, then restart RevUp\\.`))
    expect(report.problem).toMatch(code === 'EACCES' ? /not allowed to read or write/ : /read\/write error/)
  })

  it('a pipe named summary.json is refused at once, not waited on, and the session is listed as damaged', async () => {
    if (process.platform === 'win32') return
    const id = 's-20250101-080000-fifo00'
    await mkdir(join(root, id), { recursive: true })
    execFileSync('mkfifo', [join(root, id, 'summary.json')])
    const store = makeStore()
    const report = await store.open()
    expect(report.problem).toBeNull()
    expect(report.damaged).toEqual([{ id, reason: expect.stringMatching(/not a regular file \(a pipe or a device\)/) }])
    expect(await listOf(store)).toEqual([{ state: 'damaged', id, reason: report.damaged[0].reason }])
  })
})

describe('finishing', () => {
  it('refuses an append that arrives while the summary is written, and loses nothing acknowledged', async () => {
    let release: () => void = () => {}
    const slowSummary: StoreFs = {
      ...nodeStoreFs,
      async writeFileAtomic(path, data) {
        if (path.endsWith('summary.json')) await new Promise<void>((r) => (release = r))
        return nodeStoreFs.writeFileAtomic(path, data)
      }
    }
    const store = makeStore(slowSummary)
    const started = await store.start(INFO)
    if (!started.ok) throw new Error(started.error)
    const id = started.value.id
    await store.append(id, sampleWorkout(T0))
    const finishing = store.finish(id)
    await new Promise((r) => setTimeout(r, 20)) // finish is now waiting in the summary write
    const late = await store.append(id, [{ kind: 'note', at: T0 + 100_000, text: 'late' }])
    expect(late).toEqual({ ok: false, error: FINISHING_MESSAGE })
    release()
    expect((await finishing).ok).toBe(true)
    const record = await store.get(id)
    expect(record.ok && record.value.entries.some((e) => e.kind === 'note' && e.text === 'late')).toBe(false)
  })

  it('succeeds on a healthy disk when a second caller appends during its journal flush', async () => {
    let release: () => void = () => {}
    let held = false
    const slowAppend: StoreFs = {
      ...nodeStoreFs,
      async appendDurable(path, data) {
        if (held) await new Promise<void>((r) => (release = r))
        return nodeStoreFs.appendDurable(path, data)
      }
    }
    const store = makeStore(slowAppend)
    const started = await store.start(INFO)
    if (!started.ok) throw new Error(started.error)
    const id = started.value.id
    await store.append(id, sampleWorkout(T0))
    // A batch with reps is written before append answers; a pose frame waits for the next flush, which finish makes.
    await store.append(id, sampleWorkout(T0).filter((e) => e.kind === 'pose'))
    held = true
    const finishing = store.finish(id)
    await new Promise((r) => setTimeout(r, 20))
    const racing = store.append(id, [{ kind: 'note', at: T0 + 100_000, text: 'racing' }])
    held = false
    release()
    expect(await racing).toEqual({ ok: false, error: FINISHING_MESSAGE })
    const finished = await finishing
    expect(finished.ok && finished.value.summary.repCount).toBe(2)
    // A second finish call while the first runs shares its answer; after it, the session is finished.
    expect(await store.finish(id)).toEqual({ ok: false, error: 'This session is already finished; start a new one to record more.' })
  })

  it('takes appends again after a finish that failed, so it can be retried', async () => {
    const { fs, setFailure } = failingFs()
    const store = makeStore(fs)
    const started = await store.start(INFO)
    if (!started.ok) throw new Error(started.error)
    setFailure({ code: 'ENOSPC' })
    expect((await store.finish(started.value.id)).ok).toBe(false)
    setFailure(null)
    expect((await store.append(started.value.id, sampleWorkout(T0))).ok).toBe(true)
    expect((await store.finish(started.value.id)).ok).toBe(true)
  })
})

describe('temp files left by a kill', () => {
  it('are swept at start-up from the sessions folder and session folders only', async () => {
    const first = makeStore()
    const finished = await recordFinished(first)
    const unfinished = await first.start(INFO)
    if (!unfinished.ok) throw new Error(unfinished.error)
    await first.append(unfinished.value.id, sampleWorkout(T0))
    await first.flushAll()
    // The app dies mid-write: a summary temp file in the unfinished session, an index temp file in the root.
    await writeFile(join(root, unfinished.value.id, '.summary.json.0badf00d.tmp'), '{"schemaVersion":2,"id":')
    await writeFile(join(root, '.index.json.12345678.tmp'), '{"format":')
    const outside = join(dir, 'data', '.settings.json.abcdef01.tmp')
    await writeFile(outside, 'not the store’s to sweep')
    await writeFile(join(root, unfinished.value.id, 'notes.tmp'), 'not ours either')

    const second = makeStore()
    const report = await second.open()
    expect(report.removedTempFiles).toBe(2)
    expect(report.recovered).toEqual([unfinished.value.id])
    expect(await readdir(join(root, unfinished.value.id))).toEqual(['journal.jsonl', 'notes.tmp', 'summary.json'])
    expect((await readdir(root)).filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect(await readFile(outside, 'utf8')).toBe('not the store’s to sweep')
    expect((await listOf(second)).map((i) => [i.id, i.state])).toEqual(
      [
        [unfinished.value.id, 'recovered'],
        [finished, 'complete']
      ].sort((a, b) => (a[0] < b[0] ? 1 : -1))
    )
  })
})

describe('junk in the data folder', () => {
  it('never follows a session folder that is a link: it is listed as damaged and nothing is written where it points', async () => {
    const elsewhere = join(dir, 'elsewhere')
    const id = 's-20250101-080000-linked'
    await mkdir(elsewhere)
    const header = { kind: 'header', schemaVersion: 2, id, startedAt: '2025-01-01T08:00:00.000Z', info: INFO }
    await writeFile(join(elsewhere, 'journal.jsonl'), `${JSON.stringify(header)}\n`)
    await mkdir(root, { recursive: true })
    await symlink(elsewhere, join(root, id))

    const store = makeStore()
    const report = await store.open()
    expect(report.recovered).toEqual([])
    expect(report.damaged).toEqual([{ id, reason: expect.stringMatching(/^It is a link, not a folder, and RevUp does not follow links/) }])
    expect(await readdir(elsewhere)).toEqual(['journal.jsonl'])
    expect(await store.get(id)).toEqual({ ok: false, error: expect.stringMatching(/^This session cannot be opened\. It is a link/) })
    expect(await store.delete(id)).toEqual({ ok: true, value: null })
    expect(await readdir(root)).not.toContain(id)
    expect(await readdir(elsewhere)).toEqual(['journal.jsonl'])
  })

  it('takes the id from the folder name: a copied session folder is listed once as damaged and does not bring the original back after delete', async () => {
    const store = makeStore()
    const original = await recordFinished(store)
    const copy = 's-20250101-080000-copy00'
    await cp(join(root, original), join(root, copy), { recursive: true })

    const reopened = makeStore()
    await reopened.open()
    const list = await listOf(reopened)
    expect(list.map((i) => i.id).sort()).toEqual([copy, original].sort())
    expect(list.find((i) => i.id === copy)).toEqual({ state: 'damaged', id: copy, reason: expect.stringMatching(/belongs to session .+, not to this folder, so it is probably a copy/) })
    expect(await reopened.delete(original)).toEqual({ ok: true, value: null })
    expect((await listOf(reopened)).map((i) => i.id)).toEqual([copy])
    expect((await reopened.get(original)).ok).toBe(false)
  })
})

describe('the session index', () => {
  it('lets start-up and listing skip every summary.json, and is corrected by what is in the folder', async () => {
    const first = makeStore()
    const ids = [await recordFinished(first), await recordFinished(first), await recordFinished(first)].sort()
    await first.dispose()
    expect(await readdir(root)).toContain(INDEX_FILE)

    const { fs, reads } = countingFs()
    const store = makeStore(fs)
    await store.open()
    expect((await listOf(store)).map((i) => [i.id, i.state])).toEqual([...ids].reverse().map((id) => [id, 'complete']))
    expect(reads.filter((p) => p.endsWith('summary.json'))).toEqual([])

    // A folder removed by hand disappears; one added by hand is read and listed.
    await rm(join(root, ids[0]), { recursive: true })
    const added = 's-20200101-000000-added0'
    await cp(join(root, ids[1]), join(root, added), { recursive: true })
    await writeFile(join(root, added, 'summary.json'), (await readFile(join(root, ids[1], 'summary.json'), 'utf8')).replaceAll(ids[1], added))
    expect((await listOf(store)).map((i) => i.id)).toEqual([ids[2], ids[1], added])
  })

  it('is ignored and rebuilt when damaged', async () => {
    const first = makeStore()
    const id = await recordFinished(first)
    await first.dispose()
    await writeFile(join(root, INDEX_FILE), '{"format":"revup-session-index","version":1,"sessions":[{"id":')
    const store = makeStore()
    await store.open()
    expect((await listOf(store)).map((i) => i.id)).toEqual([id])
    expect(JSON.parse(await readFile(join(root, INDEX_FILE), 'utf8')).sessions.map((s: { id: string }) => s.id)).toEqual([id])
  })
})

describe('recovery wording', () => {
  it('a failed recovery says what to do without claiming a workout is kept in memory, and is tried again on the next list', async () => {
    const first = makeStore()
    const started = await first.start(INFO)
    if (!started.ok) throw new Error(started.error)
    await first.append(started.value.id, sampleWorkout(T0))
    await first.flushAll()

    let diskFull = true
    const full = Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })
    const store = makeStore({ ...nodeStoreFs, writeFileAtomic: (path, data) => (diskFull ? Promise.reject(full) : nodeStoreFs.writeFileAtomic(path, data)) })
    const report = await store.open()
    expect(report.damaged).toEqual([
      { id: started.value.id, reason: 'It was not finished, and saving the recovered summary failed: the disk is full. Free some space on it, then try again.' }
    ])
    diskFull = false
    expect((await listOf(store)).map((i) => [i.id, i.state])).toEqual([[started.value.id, 'recovered']])
  })
})
