/**
 * The renderer's only way to main: typed access to `window.revup` (exposed by the preload in the app,
 * and by the Playwright bridge in tests). In a plain browser tab there is no `window.revup`; every
 * verb then answers a Result with a sentence saying why, instead of throwing.
 */
import type { RevUpApi, Result, Verb, VerbArgs, VerbResult } from '../../shared/ipc'
import { VERBS } from '../../shared/ipc'

declare global {
  interface Window {
    /** Present in the desktop app and the test harness; absent in a plain browser tab. */
    revup?: RevUpApi
  }
}

export const NOT_AVAILABLE_MESSAGE =
  'Saving and loading sessions needs the RevUp desktop app; this browser window cannot reach it.'

/** Whether the app's storage is reachable (false in a plain browser tab). */
export function isApiAvailable(): boolean {
  return typeof window !== 'undefined' && window.revup !== undefined
}

async function call<V extends Verb>(verb: V, ...args: VerbArgs<V>): Promise<VerbResult<V>> {
  const bridge = typeof window !== 'undefined' ? window.revup : undefined
  if (!bridge) return { ok: false, error: NOT_AVAILABLE_MESSAGE } as VerbResult<V>
  try {
    const fn = bridge[verb] as (...a: VerbArgs<V>) => Promise<VerbResult<V>>
    return await fn(...args)
  } catch (error) {
    // The bridge answers Results itself; a throw means the channel broke (e.g. main went away).
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, error: `The app did not answer (${reason}). Try again, or restart RevUp.` } as VerbResult<V>
  }
}

/** Typed verbs, one per IPC channel. Use these, never `window.revup` directly. */
export const api: RevUpApi = Object.fromEntries(
  VERBS.map((verb) => [verb, (...args: unknown[]) => call(verb, ...(args as VerbArgs<typeof verb>))])
) as unknown as RevUpApi

/** For UI: the error sentence of a failed Result, or null. */
export function errorOf<T>(result: Result<T>): string | null {
  return result.ok ? null : result.error
}
