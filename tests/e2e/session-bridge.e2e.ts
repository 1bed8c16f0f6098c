/**
 * The browser-harness bridge end to end: a page served by the harness server (same headers as the
 * app) calls window.revup, and the real session store writes to a temp folder.
 */
import { expect, test } from '@playwright/test'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { installPreloadBridge, type PreloadBridge } from '../harness/preloadBridge'
import { startHarnessServer, type HarnessServer } from '../harness/server'

/**
 * What the threaded tfjs WASM backend does at start-up: a blob worker that importScripts() another
 * blob. Served as a file, since the CSP forbids inline scripts.
 */
const CSP_PROBE = `window.threadBootstrap = new Promise((resolve) => {
  const inner = URL.createObjectURL(new Blob(['self.fromBlob = 42'], { type: 'text/javascript' }))
  const src = 'try { importScripts(' + JSON.stringify(inner) + '); postMessage("ok " + self.fromBlob) } catch (e) { postMessage("fail " + e) }'
  const worker = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })))
  worker.onmessage = (e) => resolve(e.data)
  worker.onerror = (e) => resolve('worker error ' + e.message)
})`

let server: HarnessServer
let dataDir: string
let pageDir: string
let bridge: PreloadBridge | undefined

test.beforeAll(async () => {
  pageDir = await mkdtemp(join(tmpdir(), 'revup-bridge-page-'))
  await writeFile(join(pageDir, 'index.html'), '<!doctype html><title>bridge</title><p>blank</p>')
  await writeFile(join(pageDir, 'csp.html'), '<!doctype html><title>csp</title><script src="./csp.js"></script><script>window.inlineRan = true</script>')
  await writeFile(join(pageDir, 'csp.js'), CSP_PROBE)
  server = await startHarnessServer({ extraRoots: { '/blank/': pageDir } })
})

test.afterAll(async () => {
  await server.close()
  await rm(pageDir, { recursive: true, force: true })
})

test.beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'revup-bridge-data-'))
})

test.afterEach(async () => {
  await bridge?.dispose()
  bridge = undefined
  await rm(dataDir, { recursive: true, force: true })
})

test('window.revup records, lists, exports and deletes a session through the real store', async ({ page }) => {
  bridge = await installPreloadBridge(page, { dataDir, allowedOrigin: server.origin })
  await page.goto(`${server.origin}/blank/index.html`)

  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true)
  expect(await page.evaluate(() => Object.keys(window.revup ?? {}).sort())).toContain('startSession')
  expect(await page.evaluate(() => '__revupBridgeInvoke' in window && typeof (window as never)['__revupBridgeInvoke'] === 'function')).toBe(false)

  const result = await page.evaluate(async () => {
    const api = window.revup!
    const started = await api.startSession({ title: 'Bridge test', source: 'camera' })
    if (!started.ok) return { error: started.error }
    const id = started.value.id
    const at = Date.now()
    const appended = await api.appendToSession(id, [
      { kind: 'set-start', at, exercise: 'push-up', setIndex: 1, side: null, target: { reps: 10 } },
      {
        kind: 'engine',
        at: at + 1500,
        exercise: 'push-up',
        setIndex: 1,
        event: { type: 'rep', t: 1500, exercise: 'push-up', side: null, startMs: 0, bottomMs: 700, endMs: 1500, depthDeg: 88, rangeDeg: 70, durationMs: 1500, tempo: { downMs: 700, upMs: 800 }, cues: ['hips-sag'], variant: { fromKnees: true } }
      },
      { kind: 'set-end', at: at + 2000, exercise: 'push-up', setIndex: 1, side: null, reason: 'completed' }
    ])
    const finished = await api.finishSession(id)
    const list = await api.listSessions()
    const exported = await api.exportSession(id, 'csv')
    const bad = await api.getSession('../../etc/passwd')
    const deleted = await api.deleteSession(id)
    const after = await api.listSessions()
    return { id, appended, finished, list, exported, bad, deleted, after }
  })

  expect(result).not.toHaveProperty('error')
  expect(result.appended).toMatchObject({ ok: true, value: { accepted: 3, storageProblem: null } })
  expect(result.finished).toMatchObject({ ok: true, value: { status: 'complete', summary: { repCount: 1 } } })
  expect(result.list).toMatchObject({ ok: true, value: [{ state: 'complete', id: result.id, repCount: 1 }] })
  expect(result.exported).toMatchObject({ ok: true, value: { cancelled: false, sessionCount: 1, format: 'csv' } })
  expect(result.bad).toMatchObject({ ok: false, error: expect.stringContaining('session id') })
  expect(result.deleted).toEqual({ ok: true, value: null })
  expect(result.after).toEqual({ ok: true, value: [] })

  const csv = await readFile(bridge.exports[0], 'utf8')
  expect(csv.split('\r\n')[1]).toContain(',push-up,1,,rep,1,')
  expect(csv).toContain('fromKnees=true')
})

test('a page from another origin is refused', async ({ page }) => {
  bridge = await installPreloadBridge(page, { dataDir, allowedOrigin: 'http://127.0.0.1:1' })
  await page.goto(`${server.origin}/blank/index.html`)
  const answer = await page.evaluate(() => window.revup!.listSessions())
  expect(answer).toEqual({ ok: false, error: expect.stringContaining('did not come from the RevUp window') })
})

test('the app headers isolate the page, let WASM threads bootstrap from blobs, and block inline scripts', async ({ page }) => {
  await page.goto(`${server.origin}/blank/csp.html`)
  expect(await page.evaluate(() => self.crossOriginIsolated && typeof SharedArrayBuffer === 'function')).toBe(true)
  expect(await page.evaluate(() => (window as unknown as { threadBootstrap: Promise<string> }).threadBootstrap)).toBe('ok 42')
  expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined()
})
