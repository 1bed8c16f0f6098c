import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers, type Handlers } from './handlers'
import type { ChooseExportPath } from './sessions/exportSessions'
import { SessionStore } from './sessions/sessionStore'
import { makeTempDir, sampleWorkout } from './sessions/testSupport'
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
