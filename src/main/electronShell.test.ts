/**
 * The Electron-facing modules with `electron` mocked (the binary is not available to tests): the IPC
 * wrapper refuses foreign senders before a handler runs, the app:// handler serves files with the
 * isolation headers, and the session grants only the camera.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  privileged: [] as unknown[]
}))

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => electron.handlers.set(channel, fn),
    removeHandler: (channel: string) => electron.handlers.delete(channel)
  },
  protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => electron.privileged.push(...schemes) },
  shell: { openExternal: vi.fn() }
}))

const { registerIpcHandlers, UNTRUSTED_SENDER_MESSAGE } = await import('./ipc')
const { isolateDevServer, registerAppScheme, serveAppScheme } = await import('./protocol')
const { hardenAllContents, hardenSession } = await import('./security')
const { shell } = await import('electron')
const { IPC_CHANNELS, VERBS } = await import('../shared/ipc')
const { appOrigins } = await import('./securityPolicy')

const origins = appOrigins()

function fakeEvent(url: string | null, options: { subframe?: boolean; webContentsId?: number } = {}) {
  const mainFrame = { url }
  return {
    sender: { id: options.webContentsId ?? 7, mainFrame },
    senderFrame: url === null ? null : options.subframe ? { url } : mainFrame
  }
}

describe('registerIpcHandlers', () => {
  const calls: unknown[] = []
  const handlers = Object.fromEntries(VERBS.map((v) => [v, async (args: unknown) => (calls.push([v, args]), { ok: true, value: v })]))
  const windows = () => [{ webContents: { id: 7 } }] as never
  let unregister: () => void

  beforeAll(() => {
    unregister = registerIpcHandlers(handlers as never, windows, origins)
  })

  it('registers one handler per verb', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort())
  })

  it('passes calls from our window through, as an argument tuple', async () => {
    const answer = await electron.handlers.get('session:get')!(fakeEvent('app://revup/index.html'), 's-20250105-140322-k3j9x2', undefined)
    expect(answer).toEqual({ ok: true, value: 'getSession' })
    expect(calls.at(-1)).toEqual(['getSession', ['s-20250105-140322-k3j9x2', undefined]])
  })

  it.each([
    ['another origin', fakeEvent('https://evil.example/')],
    ['a subframe', fakeEvent('app://revup/index.html', { subframe: true })],
    ['another window', fakeEvent('app://revup/index.html', { webContentsId: 8 })],
    ['a destroyed frame', fakeEvent(null)]
  ])('refuses %s before the handler runs', async (_what, event) => {
    const before = calls.length
    expect(await electron.handlers.get('session:delete')!(event, 's-20250105-140322-k3j9x2')).toEqual({ ok: false, error: UNTRUSTED_SENDER_MESSAGE })
    expect(calls.length).toBe(before)
  })

  it('can be unregistered', () => {
    unregister()
    expect(electron.handlers.size).toBe(0)
  })
})

describe('app:// protocol', () => {
  let dir: string
  let handle: (request: Request) => Promise<Response>

  beforeAll(async () => {
    const base = await mkdtemp(join(tmpdir(), 'revup-proto-e-'))
    dir = join(base, 'renderer')
    await mkdir(dir)
    await writeFile(join(dir, 'index.html'), '<!doctype html>')
    await writeFile(join(base, 'secret.txt'), 'SECRET')
    registerAppScheme()
    const session = { protocol: { handle: (_scheme: string, fn: typeof handle) => (handle = fn) } }
    serveAppScheme(session as never, { rendererDir: dir, modelsDir: join(dir, 'models') })
  })

  afterAll(() => rm(join(dir, '..'), { recursive: true, force: true }))

  it('registers app:// as standard, secure and fetch-capable', () => {
    expect(electron.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true }) }
    ])
  })

  it('serves the page with COOP/COEP and the CSP, and nothing for other hosts or methods', async () => {
    const page = await handle(new Request('app://revup/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await page.text()).toBe('<!doctype html>')
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404)
    expect((await handle(new Request('app://revup/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
    // URL parsing already folds "..": what reaches the resolver stays inside the renderer folder.
    for (const sneaky of ['app://revup/%2e%2e/secret.txt', 'app://revup/../secret.txt', 'app://revup/a/..%2f..%2fsecret.txt']) {
      const res = await handle(new Request(sneaky))
      expect([400, 404]).toContain(res.status)
      expect(await res.text()).not.toContain('SECRET')
    }
  })
})

describe('hardenSession', () => {
  it('wires the permission policy: camera for our page only', () => {
    let request: (wc: unknown, permission: string, callback: (ok: boolean) => void, details: unknown) => void = () => {}
    let check: (wc: unknown, permission: string, origin: string, details: unknown) => boolean = () => true
    hardenSession({ setPermissionRequestHandler: (fn: typeof request) => (request = fn), setPermissionCheckHandler: (fn: typeof check) => (check = fn) } as never, origins)
    const answers: boolean[] = []
    request(null, 'media', (ok) => answers.push(ok), { requestingUrl: 'app://revup/index.html', isMainFrame: true, mediaTypes: ['video'] })
    request(null, 'media', (ok) => answers.push(ok), { requestingUrl: 'app://revup/index.html', isMainFrame: true, mediaTypes: ['audio'] })
    request(null, 'geolocation', (ok) => answers.push(ok), { requestingUrl: 'app://revup/index.html', isMainFrame: true })
    expect(answers).toEqual([true, false, false])
    expect(check(null, 'media', 'app://revup', { mediaType: 'video', isMainFrame: true })).toBe(true)
    expect(check(null, 'notifications', 'app://revup', { isMainFrame: true })).toBe(false)
  })
})

describe('hardenAllContents', () => {
  it('opens only the app’s own help links in the browser, and no window at all', () => {
    let created: (event: unknown, contents: unknown) => void = () => {}
    let openHandler: (details: { url: string }) => { action: string } = () => ({ action: '' })
    const contents = { on: () => undefined, setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn) }
    hardenAllContents({ on: (_name: string, fn: typeof created) => (created = fn) } as never, origins, ['https://help.revup.example/camera'])
    created({}, contents)
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(openHandler({ url: 'https://help.revup.example/camera' })).toEqual({ action: 'deny' })
    expect(vi.mocked(shell.openExternal).mock.calls).toEqual([['https://help.revup.example/camera']])
  })
})

describe('isolateDevServer', () => {
  it('adds COOP/COEP/CORP to dev-server responses only, keeping their other headers', () => {
    let filter: { urls: string[] } = { urls: [] }
    let listener: (details: unknown, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void = () => {}
    isolateDevServer({ webRequest: { onHeadersReceived: (f: typeof filter, l: typeof listener) => ((filter = f), (listener = l)) } } as never, 'http://localhost:5173')
    expect(filter.urls).toEqual(['http://localhost:5173/*'])
    let headers: Record<string, string[]> = {}
    listener({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders))
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Cross-Origin-Opener-Policy': ['same-origin'],
      'Cross-Origin-Embedder-Policy': ['require-corp'],
      'Cross-Origin-Resource-Policy': ['same-origin']
    })
  })
})
