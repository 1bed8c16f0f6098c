import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers, type Handlers } from './handlers'
import type { ChooseExportPath } from './sessions/exportSessions'
import { SessionStore } from './sessions/sessionStore'
import { nodeStoreFs } from './sessions/storeFs'
import { failingFs, makeTempDir, sampleWorkout } from './sessions/testSupport'
import { SettingsFile } from './settingsFile'

let dir: string
let cleanup: () => Promise<void>
let store: SessionStore
let handlers: Handlers
let choose: ChooseExportPath

beforeEach(async () => {
  ;({ dir, cleanup } = await makeTempDir('revup-handlers-'))
  store = new SessionStore(join(dir, 'sessions'), { flushIntervalMs: 60_000 })
  await store.open()
  choose = async (name) => join(dir, name)
  handlers = createHandlers({
    store,
    settings: new SettingsFile(dir),
    appInfo: () => ({ name: 'RevUp', version: '1.2.3', shell: 'browser-harness', versions: {}, platform: 'linux', sessionsFolder: join(dir, 'sessions') }),
    chooseExportPath: (name, format) => choose(name, format)
  })
})

afterEach(async () => {
  await store.dispose()
  await cleanup()
})

async function recordSession(): Promise<string> {
  const started = await handlers.startSession([{ title: 'Routine', source: 'camera' }])
  if (!started.ok) throw new Error(started.error)
  await handlers.appendToSession([started.value.id, sampleWorkout(Date.now())])
  await handlers.finishSession([started.value.id])
  return started.value.id
}

describe('handlers', () => {
  it('accepts the arguments exactly as the preload sends them (optional options as undefined)', async () => {
    const id = await recordSession()
    expect((await handlers.getSession([id, undefined])).ok).toBe(true)
    expect((await handlers.getSession([id])).ok).toBe(true)
    expect((await handlers.getAppInfo([])).ok).toBe(true)
  })

  it('answers bad arguments with a sentence naming the field and what was expected', async () => {
    expect(await handlers.deleteSession(['../../etc'])).toEqual({
      ok: false,
      error: 'The request to delete the session is not valid: argument 1: a session id looks like "s-20250105-140322-k3j9x2".'
    })
    const bad = await handlers.startSession([{ title: 'x', source: 'webcam' }])
    expect(bad.ok ? '' : bad.error).toMatch(/^The request to start a session is not valid: argument 1\.source: /)
    expect((await handlers.listSessions('not an array')).ok).toBe(false)
  })

  it('exports one session as JSON and all as CSV to the chosen path, and reports Cancel', async () => {
    const id = await recordSession()
    const one = await handlers.exportSession([id, 'json'])
    expect(one).toMatchObject({ ok: true, value: { cancelled: false, path: join(dir, `revup-${id}.json`), sessionCount: 1 } })
    expect(JSON.parse(await readFile(join(dir, `revup-${id}.json`), 'utf8')).sessions[0].file.id).toBe(id)

    const all = await handlers.exportAllSessions(['csv'])
    expect(all.ok && !all.value.cancelled && all.value.path).toMatch(/revup-sessions-\d{4}-\d{2}-\d{2}\.csv$/)

    choose = async () => null
    expect(await handlers.exportAllSessions(['csv'])).toEqual({ ok: true, value: { cancelled: true } })
  })

  it('says there is nothing to export before any session is finished', async () => {
    expect(await handlers.exportAllSessions(['json'])).toEqual({ ok: false, error: 'There are no finished sessions to export yet.' })
  })

  it('saves and loads settings, and reports a damaged settings file without replacing it', async () => {
    expect(await handlers.loadSettings([])).toEqual({ ok: true, value: null })
    expect(await handlers.saveSettings([{ model: 'movenet-thunder', voice: true }])).toEqual({ ok: true, value: null })
    expect(await handlers.loadSettings([])).toEqual({ ok: true, value: { model: 'movenet-thunder', voice: true } })
    await writeFile(join(dir, 'settings.json'), '{"schemaVersion":1,"sett')
    const damaged = await handlers.loadSettings([])
    expect(damaged.ok ? '' : damaged.error).toMatch(/cut short/)
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe('{"schemaVersion":1,"sett')
  })
})

/** A value nested `depth` levels deep: { a: { a: ... } }. */
function deeplyNested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {}
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

/** Wraps a value so the test can count how many of its elements or values were read. */
function countingReads<T extends object>(target: T): { proxy: T; reads: () => number } {
  let reads = 0
  const proxy = new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'string' && key !== 'length' && key !== 'constructor') reads++
      return Reflect.get(t, key, receiver) as unknown
    }
  })
  return { proxy, reads: () => reads }
}

describe('handlers: failure wording', () => {
  const withSettings = (settings: SettingsFile) => createHandlers({ store, settings, appInfo: () => ({}) as never, chooseExportPath: async () => null })

  it('a settings failure says what to do, without claiming a workout is kept in memory', async () => {
    const { fs, setFailure } = failingFs()
    setFailure({ code: 'ENOSPC' })
    expect(await withSettings(new SettingsFile(dir, fs)).saveSettings([{ voice: true }])).toEqual({
      ok: false,
      error: 'Could not save your settings: the disk is full. Free some space on it, then try again.'
    })
  })

  it('an unexpected error is named by its code, never by a message full of paths', async () => {
    const fs = {
      ...nodeStoreFs,
      writeFileAtomic: async (path: string) => {
        throw Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${path}.tmp' -> '${path}'`), { code: 'EXDEV' })
      }
    }
    const answer = await withSettings(new SettingsFile(dir, fs)).saveSettings([{ voice: true }])
    expect(answer).toEqual({ ok: false, error: 'Could not save your settings: something unexpected went wrong (EXDEV). Try again; if it keeps happening, restart RevUp.' })
  })
})

describe('handlers: hostile shapes and sizes', () => {
  it('answers a BigInt, a circular and a 10,000-deep settings payload with a failed result, never a throw', async () => {
    const circular: Record<string, unknown> = { model: 'blazepose-full' }
    circular.self = circular
    const cases: [unknown, RegExp][] = [
      [{ restSeconds: 10n }, /argument 1\.restSeconds: a BigInt/],
      [circular, /argument 1\.self: it contains itself/],
      [deeplyNested(10_000), /nested more than \d+ levels deep/]
    ]
    for (const [settings, expected] of cases) {
      const answer = await handlers.saveSettings([settings])
      expect(answer).toEqual({ ok: false, error: expect.stringMatching(expected) })
      expect(answer.ok ? '' : answer.error).toMatch(/^The request to save your settings is not valid: /)
    }
    expect(await readFile(join(dir, 'settings.json'), 'utf8').catch(() => 'none')).toBe('none')
  })

  it('names the field of a 1,000,000-character key and cuts it, in a sentence of at most 400 characters', async () => {
    const hugeKey = 'k'.repeat(1_000_000)
    const id = await recordSession()
    const answers = [
      await handlers.saveSettings([{ [hugeKey]: 1 }]),
      await handlers.startSession([{ title: 'x', source: 'camera', [hugeKey]: 1 }]),
      await handlers.getSession([id, { [hugeKey]: true }])
    ]
    for (const answer of answers) {
      const error = answer.ok ? '' : answer.error
      expect(error).toMatch(/a key of 1,000,000 characters \("k+…", at most 200\)/)
      expect(error.length).toBeLessThanOrEqual(400)
    }
  })

  it('refuses an over-size pose row or settings object after reading its size, without reading its values', async () => {
    const started = await handlers.startSession([{ title: 'Big', source: 'camera' }])
    if (!started.ok) throw new Error(started.error)
    const row = countingReads(new Array<number>(10_000_000).fill(0.5))
    const pose = { kind: 'pose', at: Date.now(), exercise: 'squat', setIndex: 1, frame: { w: 640, h: 480, r: row.proxy } }
    const append = await handlers.appendToSession([started.value.id, [pose]])
    expect(append).toEqual({ ok: false, error: expect.stringMatching(/argument 2\.0\.frame\.r: a list of 10,000,000 items \(at most 2,000\)/) })
    expect(row.reads()).toBe(0)

    const manyKeys: Record<string, number> = {}
    for (let i = 0; i < 1_000_000; i++) manyKeys[`k${i}`] = i
    const settings = countingReads(manyKeys)
    const save = await handlers.saveSettings([settings.proxy])
    expect(save).toEqual({ ok: false, error: expect.stringMatching(/argument 1: an object with 1,000,000 keys \(at most 200\)/) })
    expect(settings.reads()).toBe(0)
  })

  it('refuses numbers sent as strings, naming the field', async () => {
    const started = await handlers.startSession([{ title: 'Strings', source: 'camera' }])
    if (!started.ok) throw new Error(started.error)
    const entry = { kind: 'note', at: String(Date.now()), text: 'x', effort: '7' }
    expect(await handlers.appendToSession([started.value.id, [entry]])).toEqual({
      ok: false,
      error: expect.stringMatching(/^The request to save the workout so far is not valid: argument 2\.0\.at: /)
    })
  })
})
