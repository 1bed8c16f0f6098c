import { afterEach, describe, expect, it, vi } from 'vitest'
import type { JournalEntry } from '../../../shared/session/types'
import { describeEntries, DROP_NOTE, FINISH_ATTEMPTS, MAX_BATCH, MAX_BUFFERED, SessionRecorder, type RecorderApi, type RecorderStatus } from './sessionRecorder'

const ID = 's-20260101-120000-abcdef'
const note = (text: string): JournalEntry => ({ kind: 'note', at: 1, text })
const setStart: JournalEntry = { kind: 'set-start', at: 1, exercise: 'squat', setIndex: 1, side: null, target: { reps: 10 } }
const pose = (at: number) => ({ kind: 'pose', at, exercise: 'squat', setIndex: 1, frame: { w: 640, h: 480, r: [] } }) as unknown as JournalEntry

function fakeApi(failAppends = 0): RecorderApi & { appended: JournalEntry[][]; finished: string[] } {
  const appended: JournalEntry[][] = []
  const finished: string[] = []
  let failures = failAppends
  return {
    appended,
    finished,
    startSession: async () => ({ ok: true as const, value: { id: ID, startedAt: '2026-01-01T12:00:00Z', storageProblem: null } }),
    appendToSession: async (_id, entries) => {
      if (failures-- > 0) return { ok: false as const, error: 'The disk is full.' }
      appended.push(entries)
      return { ok: true as const, value: { accepted: entries.length, pending: 0, storageProblem: null } }
    },
    finishSession: async (id) => {
      finished.push(id)
      return { ok: true as const, value: {} as never }
    }
  }
}

afterEach(() => vi.useRealTimers())

describe('SessionRecorder', () => {
  it('buffers entries added before the session id arrives, then sends them and finishes', async () => {
    const api = fakeApi()
    const rec = new SessionRecorder(api, () => undefined)
    rec.start({ title: 'Squat', source: 'camera' })
    rec.add(note('a'))
    rec.add(setStart)
    await rec.flush()
    rec.add(note('b'))
    expect(await rec.finish()).toBe(ID)
    expect(api.appended.flat().map((e) => (e.kind === 'note' ? e.text : e.kind))).toEqual(['a', 'set-start', 'b'])
    expect(api.finished).toEqual([ID])
  })

  it('sends a rep at once (no timer tick), while pose frames wait for the next tick; one counted during an unanswered append is sent without waiting for it', async () => {
    vi.useFakeTimers()
    const api = fakeApi()
    const rec = new SessionRecorder(api, () => undefined)
    rec.start({ title: 'Squat', source: 'camera' })
    rec.add(setStart)
    await vi.advanceTimersByTimeAsync(0)
    expect(api.appended.flat().map((e) => e.kind)).toEqual(['set-start'])
    rec.add(pose(2))
    await vi.advanceTimersByTimeAsync(0)
    expect(api.appended.flat()).toHaveLength(1)
    const rep: JournalEntry = { kind: 'engine', at: 3, exercise: 'squat', setIndex: 1, event: { type: 'rep', t: 3, exercise: 'squat', side: null, startMs: 0, bottomMs: 1, endMs: 3, depthDeg: 80, rangeDeg: 90, durationMs: 3, tempo: { downMs: 1, upMs: 2 }, cues: [] } }
    // Main takes each append as it is sent (the order of the calls), and answers later: the renderer may reload in between.
    const sentInOrder: string[] = []
    const appended = api.appendToSession
    const answers: (() => void)[] = []
    api.appendToSession = (id, entries) => {
      sentInOrder.push(...entries.map((e) => e.kind))
      return new Promise((r) => answers.push(() => r(appended(id, entries))))
    }
    rec.add(pose(4))
    void rec.flush() // an append in flight...
    rec.add(rep) // ...when the rep is counted
    expect(sentInOrder).toEqual(['pose', 'pose', 'engine'])
    api.appendToSession = appended
    for (const answer of answers) answer()
    await vi.advanceTimersByTimeAsync(0)
    expect(api.appended.flat().map((e) => e.kind)).toEqual(['set-start', 'pose', 'pose', 'engine'])
    expect(await rec.finish()).toBe(ID)
    expect(api.appended.flat()).toHaveLength(4)
  })

  it('goes on recording into a resumed session without starting a new one', async () => {
    const api = fakeApi()
    let starts = 0
    api.startSession = async () => (starts++, { ok: false as const, error: 'no' })
    const rec = new SessionRecorder(api, () => undefined)
    rec.resume('s-20251231-080000-zzzzzz')
    rec.add(setStart)
    expect(rec.started).toBe(true)
    expect(await rec.finish()).toBe('s-20251231-080000-zzzzzz')
    expect(starts).toBe(0)
    expect(api.appended.flat().map((e) => e.kind)).toEqual(['set-start'])
    expect(api.finished).toEqual(['s-20251231-080000-zzzzzz'])
  })

  it('reports a failed save as a sentence, keeps the entries and retries', async () => {
    const api = fakeApi(1)
    const statuses: RecorderStatus[] = []
    const rec = new SessionRecorder(api, (s) => statuses.push(s))
    rec.start({ title: 'Squat', source: 'camera' })
    rec.add(setStart)
    await rec.flush()
    expect(statuses.at(-1)?.problem).toBe('Could not save the workout so far: The disk is full.')
    await rec.flush()
    expect(statuses.at(-1)?.problem).toBeNull()
    expect(api.appended).toHaveLength(1)
    rec.dispose()
  })

  it('says it is not saving when the bridge is missing, and finish answers null', async () => {
    const statuses: RecorderStatus[] = []
    const api: RecorderApi = {
      ...fakeApi(),
      startSession: async () => ({ ok: false as const, error: 'Saving and loading sessions needs the RevUp desktop app.' })
    }
    const rec = new SessionRecorder(api, (s) => statuses.push(s))
    rec.start({ title: 'Squat', source: 'camera' })
    rec.add(setStart)
    expect(await rec.finish()).toBeNull()
    expect(statuses[0].problem).toMatch(/^Not saving this workout: Saving and loading sessions needs/)
  })

  it('while saving keeps failing, memory stays bounded: the oldest pose frames go first, every other entry is kept, and the runner is told', async () => {
    const api = fakeApi(Number.POSITIVE_INFINITY)
    const statuses: RecorderStatus[] = []
    const rec = new SessionRecorder(api, (s) => statuses.push(s))
    rec.start({ title: 'Squat', source: 'camera' })
    rec.add(setStart)
    rec.add(note('first'))
    for (let i = 0; i < MAX_BUFFERED + 300; i++) {
      rec.add(pose(i))
      if (i % 10 === 0) rec.add(note(`n${i}`))
    }
    await rec.flush()
    expect(rec.droppedPoseFrames).toBeGreaterThan(0)
    expect(statuses.at(-1)?.problem).toBe(`Could not save the workout so far: The disk is full. ${DROP_NOTE}`)

    const healthy = fakeApi()
    Object.assign(api, { appendToSession: healthy.appendToSession })
    await rec.finish()
    const sent = healthy.appended.flat()
    expect(sent.length).toBeLessThanOrEqual(MAX_BUFFERED + 1)
    const notes = sent.filter((e) => e.kind === 'note')
    expect(notes).toHaveLength(1 + Math.ceil((MAX_BUFFERED + 300) / 10))
    const poseTimes = sent.filter((e) => e.kind === 'pose').map((e) => e.at)
    expect(poseTimes.at(-1)).toBe(MAX_BUFFERED + 299)
    expect(poseTimes[0]).toBeGreaterThan(0)
  })

  it('finish sends every buffered entry while a save problem shows, batch after batch', async () => {
    const api = fakeApi()
    // Main took the entries but its disk is full: a problem shows, and finishing must still send everything.
    api.appendToSession = async (_id, entries) => {
      api.appended.push(entries)
      return { ok: true as const, value: { accepted: entries.length, pending: entries.length, storageProblem: 'Could not save the workout: the disk is full.' } }
    }
    const statuses: RecorderStatus[] = []
    const rec = new SessionRecorder(api, (s) => statuses.push(s), 0)
    rec.start({ title: 'Squat', source: 'camera' })
    rec.add(setStart)
    for (let i = 0; i < 1_199; i++) rec.add(pose(i))
    await rec.flush()
    expect(statuses.at(-1)?.problem).toMatch(/^Saving is delayed/)
    await rec.finish()
    expect(api.appended.flat()).toHaveLength(1_200)
    expect(api.appended.every((batch) => batch.length <= MAX_BATCH)).toBe(true)
    expect(api.finished).toEqual([ID])
  })

  it('tells the runner exactly what could not be saved when appends keep failing at finish', async () => {
    const api = fakeApi(Number.POSITIVE_INFINITY)
    const statuses: RecorderStatus[] = []
    const rec = new SessionRecorder(api, (s) => statuses.push(s), 0)
    rec.start({ title: 'Squat', source: 'camera' })
    rec.add(setStart)
    for (let i = 0; i < 3; i++) {
      rec.add({ kind: 'engine', at: 2, exercise: 'squat', setIndex: 1, event: { type: 'rep', t: i, exercise: 'squat', side: null, startMs: 0, bottomMs: 1, endMs: 2, depthDeg: 90, rangeDeg: 80, durationMs: 2, tempo: { downMs: 1, upMs: 1 }, cues: [] } })
    }
    for (let i = 0; i < 1_197; i++) rec.add(pose(i))
    await rec.flush() // the reps' own send has failed once already; finish makes its own attempts
    let appends = 0
    const failing = api.appendToSession
    api.appendToSession = (id, entries) => (appends++, failing(id, entries))
    expect(await rec.finish()).toBe(ID)
    expect(appends).toBe(FINISH_ATTEMPTS)
    expect(statuses.at(-1)?.problem).toBe('Could not save the end of this workout: 1 set start, 3 reps and 1,197 replay frames were not saved. The disk is full.')
    expect(api.finished).toEqual([ID])
  })

  it('a workout left before any set is not a session: nothing is started, appended or finished (issue 11, item 11)', async () => {
    const api = fakeApi()
    let starts = 0
    const start = api.startSession
    api.startSession = (info) => (starts++, start(info))
    const rec = new SessionRecorder(api, () => undefined)
    rec.start({ title: 'Squat', source: 'camera' })
    rec.add(note('placement took a while'))
    await rec.flush()
    expect(await rec.finish()).toBeNull()
    expect([starts, api.appended.length, api.finished.length]).toEqual([0, 0, 0])
  })

  it('describes entries in the runner’s words', () => {
    expect(describeEntries([note('a')])).toBe('1 note')
    expect(describeEntries([])).toBe('no entries')
  })
})
