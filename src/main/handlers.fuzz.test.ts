import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { VERBS, type Verb } from '../shared/ipc'
import { SESSION_ID_PATTERN } from '../shared/session/types'
import { FUZZ_MARK, hostileShapes, mutate, pick, randomValue, seededRandom } from './fuzzValues'
import { createHandlers, type Handlers } from './handlers'
import { INDEX_FILE } from './sessions/sessionIndex'
import { SessionStore } from './sessions/sessionStore'
import { makeTempDir, sampleWorkout, snapshotTree } from './sessions/testSupport'
import { SettingsFile } from './settingsFile'

/** The brief asks for at least 1,000 hostile payloads per channel. */
const PAYLOADS_PER_VERB = 1_000
const SEED = 20_250_105
/** An error a runner reads is a sentence, not a stack trace or a dump of their payload. */
const MAX_ERROR_CHARS = 400
const SHAPES = hostileShapes()
const ALL_SHAPES = Object.values(SHAPES).flat()

let root: string
let cleanup: () => Promise<void>
let store: SessionStore
let handlers: Handlers
let liveId: string
let finishedId: string

// A fresh data folder per verb keeps each run independent (and exportAll from reading every other verb's sessions).
beforeEach(async () => {
  ;({ dir: root, cleanup } = await makeTempDir('revup-fuzz-'))
  const dataDir = join(root, 'data')
  await mkdir(join(root, 'outside'), { recursive: true })
  await writeFile(join(root, 'outside', 'canary.txt'), 'must not change')
  store = new SessionStore(join(dataDir, 'sessions'), { flushIntervalMs: 60_000 })
  await store.open()
  handlers = createHandlers({
    store,
    settings: new SettingsFile(dataDir),
    appInfo: () => ({ name: 'RevUp', version: 'test', shell: 'browser-harness', versions: {}, platform: 'linux', sessionsFolder: join(dataDir, 'sessions') }),
    chooseExportPath: async (name) => join(root, 'exports', name)
  })
  await mkdir(join(root, 'exports'))
  const a = await handlers.startSession([{ title: 'Live', source: 'camera' }])
  const b = await handlers.startSession([{ title: 'Done', source: 'video', videoName: `../../${FUZZ_MARK}.mp4` }])
  if (!a.ok || !b.ok) throw new Error('setup failed')
  liveId = a.value.id
  finishedId = b.value.id
  await handlers.appendToSession([finishedId, sampleWorkout(Date.now())])
  await handlers.finishSession([finishedId])
})

afterEach(async () => {
  await store.dispose()
  await cleanup()
})

/** A valid argument tuple per verb, the starting point for mutations. */
/** `fresh`: give finishSession a newly started session (only for calls that are sent unmodified). */
async function validArgs(verb: Verb, fresh = false): Promise<unknown[]> {
  const id = verb === 'appendToSession' ? liveId : finishedId
  switch (verb) {
    case 'startSession':
      return [{ title: 'Fuzz', source: 'camera', model: 'movenet-lightning' }]
    case 'appendToSession':
      return [id, sampleWorkout(Date.now())]
    case 'resumeSession':
      return [liveId]
    case 'finishSession':
      return [fresh ? await startFresh() : liveId]
    case 'deleteSession':
      return [id]
    case 'getSession':
      return [id, { includePoses: true }]
    case 'exportSession':
      return [id, 'csv']
    case 'exportAllSessions':
      return ['json']
    case 'saveSettings':
      return [{ model: 'blazepose-full', restSeconds: 60 }]
    case 'getAppInfo':
    case 'listSessions':
    case 'loadSettings':
      return []
  }
}

/** Files that may legitimately change: the sessions folder, settings.json, and export files named by main. */
function isAllowedChange(path: string): boolean {
  return (
    path === 'data/' ||
    path.startsWith('data/sessions/') ||
    path === 'data/sessions' ||
    /^data\/\.?settings\.json(\.[0-9a-f]+\.tmp)?$/.test(path) ||
    path === 'exports/' ||
    /^exports\/revup-(s-\d{8}-\d{6}-[a-z0-9]{6}|sessions-\d{4}-\d{2}-\d{2})\.(csv|json)$/.test(path)
  )
}

/** Calls the verb; fails the test on a throw, a non-Result, or an error that is not a short sentence. True when accepted. */
async function callChecked(verb: Verb, args: unknown, what: string): Promise<boolean> {
  let result: unknown
  try {
    result = await handlers[verb](args)
  } catch (error) {
    throw new Error(`${verb} threw on ${what} (seed ${SEED}): ${String(error)}`, { cause: error })
  }
  expect(result).toEqual(expect.objectContaining({ ok: expect.any(Boolean) }))
  const answer = result as { ok: boolean; error?: string }
  if (!answer.ok) {
    expect(typeof answer.error).toBe('string')
    expect(answer.error!.length).toBeGreaterThan(10)
    expect(answer.error!.length, `${verb} on ${what}: ${answer.error!.slice(0, 100)}…`).toBeLessThanOrEqual(MAX_ERROR_CHARS)
  }
  // Keep one finished session around for the verbs that need it.
  if (verb === 'deleteSession' && answer.ok) finishedId = await startFresh(true)
  return answer.ok
}

describe('IPC handlers under hostile payloads', () => {
  it.each(VERBS)(`%s: every hostile shape (${Object.keys(SHAPES).join(', ')}) and ${PAYLOADS_PER_VERB} random and mutated payloads never throw, answer at most ${MAX_ERROR_CHARS} characters, and touch no file outside the data folder`, async (verb) => {
    const random = seededRandom(SEED + VERBS.indexOf(verb))
    const before = await snapshotTree(root)
    let accepted = 0

    // Every hostile shape, for every verb: as the whole argument list, as each argument, and deep inside a valid call.
    for (const [kind, shapes] of Object.entries(SHAPES)) {
      for (const [n, shape] of shapes.entries()) {
        const valid = await validArgs(verb)
        const placements = [shape, [shape], ...valid.map((_, i) => valid.map((a, j) => (i === j ? shape : a))), mutate(random, valid, () => shape)]
        for (const [p, args] of placements.entries()) {
          if (await callChecked(verb, args, `${kind} shape #${n}, placement ${p}`)) accepted++
        }
      }
    }

    for (let i = 0; i < PAYLOADS_PER_VERB; i++) {
      const r = random()
      // 10% untouched valid calls keep the store busy and prove the mix does not break real work.
      const args =
        r < 0.1
          ? await validArgs(verb, true)
          : r < 0.25
            ? randomValue(random)
            : r < 0.35
              ? [randomValue(random), randomValue(random)]
              : r < 0.5
                ? mutate(random, await validArgs(verb), () => pick(random, ALL_SHAPES))
                : mutate(random, await validArgs(verb))
      if (await callChecked(verb, args, `payload #${i}`)) accepted++
    }

    const after = await snapshotTree(root)
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p))
    expect(changed.filter((p) => !isAllowedChange(p))).toEqual([])
    for (const name of await readdir(join(root, 'data', 'sessions'))) {
      if (name === INDEX_FILE) continue
      expect(name).toMatch(SESSION_ID_PATTERN)
      for (const file of await readdir(join(root, 'data', 'sessions', name))) expect(['journal.jsonl', 'summary.json']).toContain(file)
    }
    expect([...after.keys()].filter((p) => p.includes(FUZZ_MARK))).toEqual([])
    expect((await readdir(process.cwd())).filter((p) => p.includes(FUZZ_MARK))).toEqual([])
    // Some payloads must get through, or the fuzzer only tested the argument check.
    expect(accepted).toBeGreaterThanOrEqual(PAYLOADS_PER_VERB * 0.05)
  }, 120_000)
})

async function startFresh(finish = false): Promise<string> {
  const started = await handlers.startSession([{ title: 'Again', source: 'camera' }])
  if (!started.ok) throw new Error(started.error)
  if (finish) await handlers.finishSession([started.value.id])
  return started.value.id
}
