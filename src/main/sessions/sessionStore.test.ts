import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseJournal } from '../../shared/session/journal'
import type { JournalEntry, SessionStartInfo } from '../../shared/session/types'
import { SessionStore } from './sessionStore'
import { failingFs, makeTempDir, sampleWorkout, listOf } from './testSupport'

const INFO: SessionStartInfo = { title: 'Full routine', source: 'camera', model: 'blazepose-full' }
const T0 = Date.parse('2025-01-05T14:03:22.000Z')

let dir: string
let cleanup: () => Promise<void>
const stores: SessionStore[] = []

function makeStore(options: ConstructorParameters<typeof SessionStore>[1] = {}): SessionStore {
  const store = new SessionStore(join(dir, 'sessions'), { flushIntervalMs: 60_000, ...options })
  stores.push(store)
  return store
}

beforeEach(async () => {
  ;({ dir, cleanup } = await makeTempDir())
})

afterEach(async () => {
  for (const s of stores.splice(0)) await s.dispose()
  await cleanup()
})

async function startSession(store: SessionStore): Promise<string> {
  const started = await store.start(INFO)
  if (!started.ok) throw new Error(started.error)
  return started.value.id
}

describe('SessionStore: write, read, list, delete', () => {
  it('records a workout and summarises it', async () => {
    const store = makeStore({ now: () => T0 + 100_000 })
    await store.open()
    const id = await startSession(store)
    expect(id).toMatch(/^s-20250105-\d{6}-[a-z0-9]{6}$/)
    expect((await store.append(id, sampleWorkout(T0))).ok).toBe(true)
    expect((await listOf(store))[0]).toMatchObject({ state: 'active', id, title: 'Full routine' })

    const finished = await store.finish(id)
    if (!finished.ok) throw new Error(finished.error)
    const { summary } = finished.value
    expect(finished.value.status).toBe('complete')
    expect(summary.repCount).toBe(2)
    expect(summary.holdSeconds).toBe(30)
    expect(summary.sets.map((s) => [s.exercise, s.repCount, s.endReason])).toEqual([
      ['squat', 2, 'completed'],
      ['plank', 0, 'completed']
    ])
    expect(summary.sets[1].holds[0]).toMatchObject({ startMs: 10_000, endMs: 41_000, goodFormMs: 30_000, pauses: 1 })
    expect(summary.warnings).toEqual([{ id: 'knees-in', count: 1 }])
    expect(summary.notes[0].effort).toBe(6)

    const list = await listOf(store)
    expect(list).toEqual([
      expect.objectContaining({ state: 'complete', id, exercises: ['squat', 'plank'], repCount: 2, holdSeconds: 30, warningCount: 1 })
    ])

    const record = await store.get(id)
    if (!record.ok) throw new Error(record.error)
    expect(record.value.entries.some((e) => e.kind === 'pose')).toBe(false)
    expect(record.value.entries).toHaveLength(sampleWorkout(T0).length - 1)
    const withPoses = await store.get(id, { includePoses: true })
    expect(withPoses.ok && withPoses.value.entries).toHaveLength(sampleWorkout(T0).length)

    expect(await store.delete(id)).toEqual({ ok: true, value: null })
    expect(await listOf(store)).toEqual([])
    expect((await store.get(id)).ok).toBe(false)
  })

  it('refuses to append to a finished or unknown session, or to delete a running one', async () => {
    const store = makeStore()
    await store.open()
    const id = await startSession(store)
    expect(await store.delete(id)).toEqual({ ok: false, error: expect.stringContaining('finish it') })
    await store.finish(id)
    expect(await store.append(id, [])).toEqual({ ok: false, error: expect.stringContaining('already finished') })
    expect(await store.append('s-20990101-000000-aaaaaa', [])).toEqual({ ok: false, error: expect.stringContaining('no such session') })
  })

  it('flushes the journal to disk within a second without being asked', async () => {
    const store = new SessionStore(join(dir, 'sessions'))
    stores.push(store)
    await store.open()
    const id = await startSession(store)
    await store.append(id, sampleWorkout(T0).slice(0, 3))
    await new Promise((r) => setTimeout(r, 1000))
    const parsed = parseJournal(await readFile(join(dir, 'sessions', id, 'journal.jsonl'), 'utf8'))
    expect(parsed.ok && parsed.entries).toHaveLength(3)
  })
})

describe('SessionStore: a workout interrupted and resumed (issue 11, item 8)', () => {
  const journalOf = async (id: string) => parseJournal(await readFile(join(dir, 'sessions', id, 'journal.jsonl'), 'utf8'))
  const repsIn = (entries: readonly JournalEntry[]) => entries.filter((e) => e.kind === 'engine' && e.event.type === 'rep').length

  it('a batch with a rep is on disk when append answers, without waiting for the timer', async () => {
    const store = makeStore() // the timer is a minute away
    await store.open()
    const id = await startSession(store)
    await store.append(id, sampleWorkout(T0).slice(0, 3))
    const parsed = await journalOf(id)
    expect(parsed.ok && repsIn(parsed.entries)).toBe(1)
  })

  it('a running session opens in review at any time, as saved so far, marked in progress', async () => {
    const store = makeStore({ now: () => T0 - 1000 })
    await store.open()
    const id = await startSession(store)
    await store.append(id, sampleWorkout(T0).slice(0, 5))
    const record = await store.get(id, { includePoses: true })
    if (!record.ok) throw new Error(record.error)
    expect(record.value.file).toMatchObject({ status: 'in-progress', endedAt: new Date(T0 + 4000).toISOString(), info: INFO })
    expect(record.value.file.summary.repCount).toBe(2)
    expect(record.value.entries.filter((e) => e.kind === 'pose')).toHaveLength(1)
    expect((await listOf(store))[0]).toMatchObject({ state: 'active', id })
  })

  it('resuming a session still running (the window reloaded) answers what it holds and takes more', async () => {
    const store = makeStore()
    await store.open()
    const started = await store.start({ ...INFO, plan: [{ exercise: 'squat', sets: 2, reps: 10, holdSeconds: null, restSeconds: 60 }] })
    const id = started.ok ? started.value.id : ''
    await store.append(id, sampleWorkout(T0).slice(0, 5))
    const resumed = await store.resume(id)
    if (!resumed.ok) throw new Error(resumed.error)
    expect(resumed.value.info.plan).toEqual([{ exercise: 'squat', sets: 2, reps: 10, holdSeconds: null, restSeconds: 60 }])
    expect(repsIn(resumed.value.entries)).toBe(2)
    await store.append(id, sampleWorkout(T0).slice(5))
    const finished = await store.finish(id)
    expect(finished.ok && finished.value.summary.repCount).toBe(2)
    expect((await store.resume(id)).ok).toBe(false)
  })

  it('resuming a recovered session (the app stopped) opens it again: appends go on after a half-written line is cut, finishing makes it complete', async () => {
    const first = makeStore()
    await first.open()
    const id = await startSession(first)
    await first.append(id, sampleWorkout(T0).slice(0, 3))
    const journal = join(dir, 'sessions', id, 'journal.jsonl')
    await writeFile(journal, `${await readFile(journal, 'utf8')}{"kind":"engine","at":17`)

    const second = makeStore()
    expect((await second.open()).recovered).toEqual([id])
    const resumed = await second.resume(id)
    if (!resumed.ok) throw new Error(resumed.error)
    expect(repsIn(resumed.value.entries)).toBe(1)
    expect((await listOf(second)).map((i) => [i.id, i.state])).toEqual([[id, 'active']])
    await second.append(id, sampleWorkout(T0).slice(3, 5))
    const finished = await second.finish(id)
    expect(finished.ok && finished.value).toMatchObject({ status: 'complete', summary: { repCount: 2 } })
    const parsed = await journalOf(id)
    expect(parsed.ok && parsed.droppedPartialLine).toBe(false)
    expect(parsed.ok && repsIn(parsed.entries)).toBe(2)
  })

  it('a finished session cannot be resumed', async () => {
    const store = makeStore()
    await store.open()
    const id = await startSession(store)
    await store.finish(id)
    expect(await store.resume(id)).toEqual({ ok: false, error: expect.stringContaining('already finished') })
    expect(await store.resume('s-20990101-000000-aaaaaa')).toEqual({ ok: false, error: expect.stringContaining('no such session') })
  })
})

describe('SessionStore: disk failures', () => {
  it.each(['ENOSPC', 'EACCES', 'EROFS'])('%s reaches the caller, keeps everything in memory, and retries', async (code) => {
    const { fs, setFailure } = failingFs()
    const store = makeStore({ fs })
    await store.open()
    const id = await startSession(store)
    const workout = sampleWorkout(T0)

    setFailure({ code, partial: true })
    await store.append(id, workout.slice(0, 5))
    await store.flushAll()
    const receipt = await store.append(id, workout.slice(5, 8))
    expect(receipt.ok && receipt.value.storageProblem).toMatch(/^Could not save the workout: /)
    expect(receipt.ok && receipt.value.pending).toBe(8) // every entry of both appends, none dropped
    const refused = await store.finish(id)
    expect(refused.ok).toBe(false)
    expect(refused.ok ? '' : refused.error).not.toMatch(/\/|\\/) // a sentence, no paths
    expect(store.unsavedSessions()).toEqual([id])

    setFailure(null)
    await store.append(id, workout.slice(8))
    const finished = await store.finish(id)
    expect(finished.ok).toBe(true)
    const record = await store.get(id, { includePoses: true })
    expect(record.ok && record.value.entries).toEqual(workout)
  })

  it('a session started while the disk refuses writes still runs, is listed, and is saved once the disk recovers', async () => {
    const { fs, setFailure } = failingFs()
    const store = makeStore({ fs })
    await store.open()
    setFailure({ code: 'EROFS' })
    const started = await store.start(INFO)
    expect(started.ok && started.value.storageProblem).toMatch(/read-only disk/)
    const id = started.ok ? started.value.id : ''
    expect((await listOf(store)).map((i) => [i.id, i.state])).toEqual([[id, 'active']])
    await store.append(id, sampleWorkout(T0))
    setFailure(null)
    const finished = await store.finish(id)
    expect(finished.ok && finished.value.summary.repCount).toBe(2)
  })

  it('a failing summary write leaves the session open so finish can be retried', async () => {
    const { fs, setFailure } = failingFs()
    const store = makeStore({ fs })
    await store.open()
    const id = await startSession(store)
    await store.append(id, sampleWorkout(T0))
    await store.flushAll()
    setFailure({ code: 'ENOSPC' })
    expect((await store.finish(id)).ok).toBe(false)
    setFailure(null)
    expect((await store.finish(id)).ok).toBe(true)
  })
})

describe('SessionStore: recovery, damage, migration', () => {
  it('recovers a session that was never finished', async () => {
    const first = makeStore({ now: () => T0 })
    await first.open()
    const id = await startSession(first)
    await first.append(id, sampleWorkout(T0).slice(0, 6))
    await first.flushAll()
    // The app dies here: no finish, no dispose.

    const second = makeStore()
    const report = await second.open()
    expect(report).toEqual({ recovered: [id], damaged: [], removedTempFiles: 0, problem: null })
    const list = await listOf(second)
    expect(list[0]).toMatchObject({ state: 'recovered', id, repCount: 2 })
    const record = await second.get(id)
    expect(record.ok && record.value.file.recovery).toEqual({ droppedPartialLine: false, entryCount: 6 })
    expect(record.ok && record.value.file.endedAt).toBe(new Date(T0 + 4500).toISOString())
  })

  it('drops a half-written last line and keeps the rest', async () => {
    const store = makeStore()
    await store.open()
    const id = await startSession(store)
    await store.append(id, sampleWorkout(T0).slice(0, 3))
    await store.flushAll()
    const journal = join(dir, 'sessions', id, 'journal.jsonl')
    await writeFile(journal, `${await readFile(journal, 'utf8')}{"kind":"engine","at":17`)
    await store.dispose()

    const again = makeStore()
    expect((await again.open()).recovered).toEqual([id])
    const record = await again.get(id)
    expect(record.ok && record.value.file.recovery?.droppedPartialLine).toBe(true)
    expect(record.ok && record.value.entries).toHaveLength(3)
  })

  it('lists damaged files with the reason, never rewrites them, and still loads the others', async () => {
    const store = makeStore({ now: () => T0 })
    await store.open()
    const good = await startSession(store)
    await store.append(good, sampleWorkout(T0))
    await store.finish(good)

    const root = join(dir, 'sessions')
    const cutSummary = 's-20250101-080000-aaaaaa'
    await mkdir(join(root, cutSummary))
    await writeFile(join(root, cutSummary, 'summary.json'), '{"schemaVersion":2,"id":"s-2025')
    const badJournal = 's-20250102-080000-bbbbbb'
    await mkdir(join(root, badJournal))
    await writeFile(
      join(root, badJournal, 'journal.jsonl'),
      `${JSON.stringify({ kind: 'header', schemaVersion: 2, id: badJournal, startedAt: '2025-01-02T08:00:00.000Z', info: INFO })}\nnot json\n{"kind":"note","at":1,"text":"x"}\n`
    )
    const future = 's-20250103-080000-cccccc'
    await mkdir(join(root, future))
    await writeFile(join(root, future, 'summary.json'), JSON.stringify({ schemaVersion: 9, id: future }))
    const empty = 's-20250104-080000-dddddd'
    await mkdir(join(root, empty))
    const before = await Promise.all([cutSummary, badJournal, future].map((id) => readdir(join(root, id))))

    const reopened = makeStore()
    const report = await reopened.open()
    expect(report.recovered).toEqual([])
    // Every folder that cannot be read is reported at start-up, not only the unfinished ones.
    expect(report.damaged.map((d) => d.id).sort()).toEqual([cutSummary, badJournal, future, empty])
    const list = await listOf(reopened)
    expect(list.map((i) => [i.id, i.state])).toEqual([
      [good, 'complete'],
      [empty, 'damaged'],
      [future, 'damaged'],
      [badJournal, 'damaged'],
      [cutSummary, 'damaged']
    ])
    const reasons = Object.fromEntries(list.map((i) => [i.id, i.state === 'damaged' ? i.reason : '']))
    expect(reasons[cutSummary]).toMatch(/summary\.json is cut short/)
    expect(reasons[badJournal]).toMatch(/Line 2 of the journal is not valid JSON/)
    expect(reasons[future]).toMatch(/newer RevUp \(schema version 9/)
    expect(reasons[empty]).toMatch(/neither a summary\.json nor a journal\.jsonl/)
    expect(await Promise.all([cutSummary, badJournal, future].map((id) => readdir(join(root, id))))).toEqual(before)
    expect(await readFile(join(root, cutSummary, 'summary.json'), 'utf8')).toBe('{"schemaVersion":2,"id":"s-2025')
    expect((await reopened.get(cutSummary)).ok).toBe(false)
    expect((await reopened.get(good)).ok).toBe(true)
  })

  it('reads version 1 files (exerciseId, epoch-ms times, top-level title) through the migration', async () => {
    const root = join(dir, 'sessions')
    const id = 's-20240601-070000-v1v1v1'
    await mkdir(join(root, id), { recursive: true })
    const v1Header = { kind: 'header', schemaVersion: 1, id, startedAtMs: Date.parse('2024-06-01T07:00:00Z'), title: 'Old routine', source: 'camera' }
    const v1Entries = [
      { kind: 'set-start', at: 1, exerciseId: 'lunge', setIndex: 1, side: 'left', target: { reps: 8 } },
      { kind: 'engine', at: 2, exerciseId: 'lunge', setIndex: 1, event: { type: 'rep', t: 2, exercise: 'lunge', side: 'left', startMs: 0, bottomMs: 1, endMs: 2, depthDeg: 90, rangeDeg: 70, durationMs: 2, cues: [] } }
    ]
    await writeFile(join(root, id, 'journal.jsonl'), [v1Header, ...v1Entries].map((l) => `${JSON.stringify(l)}\n`).join(''))

    const store = makeStore()
    expect((await store.open()).recovered).toEqual([id])
    const record = await store.get(id)
    if (!record.ok) throw new Error(record.error)
    expect(record.value.file.info.title).toBe('Old routine')
    expect(record.value.file.startedAt).toBe('2024-06-01T07:00:00.000Z')
    expect(record.value.entries[0]).toMatchObject({ kind: 'set-start', exercise: 'lunge' })
    expect(record.value.file.summary.sets[0]).toMatchObject({ exercise: 'lunge', side: 'left', repCount: 1 })
  })
})

describe('SessionStore: ids', () => {
  it('makes a fresh id per session and never reuses one on disk', async () => {
    const store = makeStore({ now: () => T0 })
    await store.open()
    const ids = new Set<string>()
    for (let i = 0; i < 20; i++) ids.add(await startSession(store))
    expect(ids.size).toBe(20)
    const entries: JournalEntry[] = []
    for (const id of ids) expect((await store.append(id, entries)).ok).toBe(true)
  })
})
