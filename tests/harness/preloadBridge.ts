/**
 * `window.revup` for Playwright tests in plain Chromium: the same verbs as the Electron preload,
 * backed by the real main-process modules (session store, settings file, argument validation via
 * createHandlers), so everything but the Electron shell itself is real. The save dialog is replaced
 * by a folder (or a function) the test chooses.
 *
 *   const bridge = await installPreloadBridge(page, { dataDir })
 *   await page.goto(`${server.origin}/index.html`)
 *   ... await bridge.dispose()
 */
import type { BrowserContext, Page } from '@playwright/test'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { AppInfo, Verb } from '../../src/shared/ipc'
import { VERBS } from '../../src/shared/ipc'
import { createHandlers, type Handlers } from '../../src/main/handlers'
import type { ChooseExportPath } from '../../src/main/sessions/exportSessions'
import { SessionStore, type RecoveryReport, type SessionStoreOptions } from '../../src/main/sessions/sessionStore'
import { SettingsFile } from '../../src/main/settingsFile'
import { isTrustedSender, originOf } from '../../src/main/securityPolicy'

/** Name of the binding the init script wraps; not part of the contract, do not call it from app code. */
const BINDING = '__revupBridgeInvoke'

export interface PreloadBridgeOptions {
  /** Stands in for app.getPath('userData'): sessions go to <dataDir>/sessions, settings to <dataDir>/settings.json. */
  dataDir: string
  /** Where exports are written (the "save dialog" answer). Default <dataDir>/exports/<suggested name>. */
  exportDir?: string
  /** Replace the save dialog entirely, e.g. `async () => null` to simulate Cancel. */
  chooseExportPath?: ChooseExportPath
  /** Only pages on this origin (e.g. server.origin) may call; default: any main frame on http://127.0.0.1. */
  allowedOrigin?: string
  store?: SessionStoreOptions
}

export interface PreloadBridge {
  store: SessionStore
  /** What opening the store recovered or found damaged (as the app does at start-up). */
  recovery: RecoveryReport
  /** Every export file written, in order. */
  exports: string[]
  /** Every call the page made: verb and whether it succeeded. */
  calls: { verb: Verb; ok: boolean }[]
  /** Flushes and stops the store; call in afterEach. */
  dispose(): Promise<void>
}

/**
 * Exposes the bridge on a page (or a whole context) before any page script runs. Call it before
 * page.goto. Unlike Electron there is no sandbox boundary here, so it checks what it can: the caller
 * must be a main frame on the allowed origin.
 */
export async function installPreloadBridge(target: Page | BrowserContext, options: PreloadBridgeOptions): Promise<PreloadBridge> {
  const sessionsFolder = join(options.dataDir, 'sessions')
  await mkdir(options.dataDir, { recursive: true })
  const store = new SessionStore(sessionsFolder, options.store)
  const recovery = await store.open()
  const exports: string[] = []
  const calls: PreloadBridge['calls'] = []

  const exportDir = options.exportDir ?? join(options.dataDir, 'exports')
  const choose: ChooseExportPath = options.chooseExportPath ?? (async (suggestedName) => {
    await mkdir(exportDir, { recursive: true })
    return join(exportDir, suggestedName)
  })
  const chooseAndRecord: ChooseExportPath = async (name, format) => {
    const path = await choose(name, format)
    if (path !== null) exports.push(path)
    return path
  }

  const appInfo = (): AppInfo => ({
    name: 'RevUp',
    version: process.env.npm_package_version ?? '0.0.0-test',
    shell: 'browser-harness',
    versions: { node: process.versions.node },
    platform: process.platform,
    sessionsFolder
  })
  const handlers: Handlers = createHandlers({ store, settings: new SettingsFile(options.dataDir), appInfo, chooseExportPath: chooseAndRecord })

  await target.exposeBinding(BINDING, async (source, verb: unknown, args: unknown) => {
    const frameUrl = source.frame.url()
    const origins = [options.allowedOrigin ?? originOf(frameUrl) ?? '']
    const trusted =
      isTrustedSender({ frameUrl, isMainFrame: source.frame === source.page.mainFrame(), webContentsId: 0 }, [0], origins) &&
      (options.allowedOrigin !== undefined || frameUrl.startsWith('http://127.0.0.1:'))
    if (!trusted) return { ok: false, error: 'This request did not come from the RevUp window, so it was refused.' }
    if (typeof verb !== 'string' || !(VERBS as string[]).includes(verb)) {
      return { ok: false, error: `"${String(verb)}" is not a RevUp verb.` }
    }
    const result = await handlers[verb as Verb](args)
    calls.push({ verb: verb as Verb, ok: result.ok })
    return result
  })

  // The page sees only the named verbs, like the real preload; the binding itself is hidden.
  await target.addInitScript(
    ({ binding, verbs }: { binding: string; verbs: string[] }) => {
      const w = window as unknown as Record<string, unknown>
      const invoke = w[binding] as (verb: string, args: unknown[]) => Promise<unknown>
      if (typeof invoke !== 'function') return
      const api = Object.fromEntries(verbs.map((verb) => [verb, (...args: unknown[]) => invoke(verb, args)]))
      Object.defineProperty(window, 'revup', { value: Object.freeze(api), enumerable: true })
      try {
        Object.defineProperty(window, binding, { value: undefined })
      } catch {
        // Some Playwright versions define the binding non-configurable; it stays, unused by the app.
      }
    },
    { binding: BINDING, verbs: [...VERBS] }
  )

  return {
    store,
    recovery,
    exports,
    calls,
    dispose: () => store.dispose()
  }
}
