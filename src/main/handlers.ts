/**
 * The IPC handlers as plain async functions of `unknown` arguments, with no electron import: main's
 * ipc.ts wraps them with the sender check, and the Playwright bridge calls them directly. Every call's
 * arguments are sized up against the verb's budget (src/shared/ipcPayload.ts), then parsed with the
 * contract's schema; nothing a handler does, checks included, can throw out of it, and every error
 * sentence is at most MAX_ERROR_CHARS long.
 */
import {
  fail,
  ok,
  VERB_DESCRIPTIONS,
  type AppInfo,
  type Result,
  type Verb,
  type VerbArgs,
  type VerbResult
} from '../shared/ipc'
import { oversizePayloadError } from '../shared/ipcPayload'
import { describeIssue } from '../shared/session/schema'
import { limitSentence } from '../shared/text'
import { IPC_ARGS } from './ipcArgs'
import { exportSessions, type ChooseExportPath } from './sessions/exportSessions'
import type { SessionStore } from './sessions/sessionStore'
import { describeStorageError } from './sessions/storageErrors'
import type { SettingsFile } from './settingsFile'

export interface HandlerDeps {
  store: SessionStore
  settings: SettingsFile
  appInfo: () => AppInfo
  chooseExportPath: ChooseExportPath
}

export type Handler<V extends Verb> = (args: unknown) => Promise<VerbResult<V>>
export type Handlers = { [V in Verb]: Handler<V> }

type Implementations = { [V in Verb]: (...args: VerbArgs<V>) => Promise<VerbResult<V>> }

export function createHandlers(deps: HandlerDeps): Handlers {
  const { store, settings } = deps
  const impl: Implementations = {
    getAppInfo: async () => ok(deps.appInfo()),
    startSession: (info) => store.start(info),
    resumeSession: (id) => store.resume(id),
    appendToSession: (id, entries) => store.append(id, entries),
    finishSession: (id) => store.finish(id),
    listSessions: () => store.list(),
    getSession: (id, options) => store.get(id, options),
    deleteSession: (id) => store.delete(id),
    exportSession: (id, format) => exportSessions(store, { id, format }, deps.chooseExportPath),
    exportAllSessions: (format) => exportSessions(store, { format }, deps.chooseExportPath),
    loadSettings: () => settings.load(),
    saveSettings: (value) => settings.save(value)
  }
  const handlers = {} as Record<Verb, Handler<Verb>>
  for (const verb of Object.keys(impl) as Verb[]) handlers[verb] = guard(verb, impl[verb] as (...a: unknown[]) => Promise<Result<unknown>>)
  return handlers as Handlers
}

/**
 * Checks the argument tuple's size, parses it from `unknown`, runs the verb, and turns any throw (in
 * the checks too) into a failed Result whose sentence is cut to MAX_ERROR_CHARS.
 */
function guard<V extends Verb>(verb: V, run: (...a: unknown[]) => Promise<Result<unknown>>): Handler<V> {
  const schema = IPC_ARGS[verb]
  const request = `The request to ${VERB_DESCRIPTIONS[verb]}`
  const answer = async (args: unknown): Promise<Result<unknown>> => {
    try {
      const oversize = oversizePayloadError(verb, args)
      if (oversize !== null) return fail(oversize)
      const parsed = schema.safeParse(args)
      if (!parsed.success) return fail(describeIssue(parsed.error, request, { argumentList: true }))
      return await run(...(parsed.data as unknown[]))
    } catch (error) {
      return fail(`Could not ${VERB_DESCRIPTIONS[verb]}: ${describeStorageError(error)}`)
    }
  }
  return async (args: unknown) => {
    const result = await answer(args)
    return (result.ok ? result : fail(limitSentence(result.error))) as VerbResult<V>
  }
}
