/**
 * The pose pipeline in real Chromium on real footage: the Camera check screen fed by the fake
 * camera and by a video file, through the real pose worker and model files, served with the app's
 * headers. Footage missing: skipped locally, failed in CI.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { launchChromium } from '../harness/browser'
import { brokenModelsDir } from '../harness/brokenModels'
import { buildLiveHarness } from '../harness/buildLive'
import { footageProblem, prepareClip } from '../harness/clips'
import { DEFAULT_ROOTS, startHarnessServer, type HarnessServer } from '../harness/server'

const problem = footageProblem()
test.skip(problem !== null && !process.env.CI, `Skipping pose e2e: ${problem}`)
test.describe.configure({ mode: 'serial' })

let liveDir = ''
let y4m = ''
let mp4 = ''
const servers: HarnessServer[] = []
const browsers: Browser[] = []

test.beforeAll(async () => {
  if (problem !== null) throw new Error(`CI needs the footage: ${problem}`)
  y4m = prepareClip({ format: 'y4m', durationS: 5, width: 640 })
  mp4 = prepareClip({ format: 'mp4', durationS: 5, width: 640 })
  liveDir = await buildLiveHarness()
})

test.afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()))
  await Promise.all(servers.map((s) => s.close()))
})

async function serve(modelsDir = DEFAULT_ROOTS.modelsDir): Promise<HarnessServer> {
  const server = await startHarnessServer({ roots: { rendererDir: liveDir, modelsDir } })
  servers.push(server)
  return server
}

async function open(browser: Browser, server: HarnessServer, model = 'blazepose-lite'): Promise<Page> {
  browsers.push(browser)
  const page = await browser.newPage()
  // The model choice lives in the app store's persisted settings (store/index.ts PERSIST_KEY).
  await page.addInitScript((m) => localStorage.setItem('revup.settings', JSON.stringify({ state: { settings: { model: m, backend: 'auto' } }, version: 1 })), model)
  await page.goto(`${server.origin}/index.html`)
  await expect(page.getByRole('heading', { name: 'Camera check' })).toBeVisible()
  return page
}

/** Numbers the live view publishes as data attributes (no React state involved). */
async function liveNumbers(page: Page) {
  return page.getByTestId('live-view').evaluate((el: HTMLElement) => ({
    poses: Number(el.dataset.poses ?? 0),
    withPerson: Number(el.dataset.withPerson ?? 0),
    dropped: Number(el.dataset.dropped ?? 0),
    tensors: el.dataset.tensors === undefined ? null : Number(el.dataset.tensors),
    backend: el.dataset.backend ?? null
  }))
}

async function waitForPoses(page: Page, count: number, timeoutMs = 120_000) {
  await expect.poll(async () => (await liveNumbers(page)).poses, { timeout: timeoutMs, intervals: [500] }).toBeGreaterThanOrEqual(count)
  return liveNumbers(page)
}

/** Opaque pixels the overlay canvas holds (the skeleton drawn over the video). */
function overlayInk(page: Page): Promise<number> {
  return page.getByTestId('live-overlay').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    let ink = 0
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++
    return ink
  })
}

test('the built app renderer loads over the harness server', async () => {
  const built = resolve(DEFAULT_ROOTS.rendererDir, 'index.html')
  test.skip(!existsSync(built), 'out/renderer is not built: run `npx electron-vite build` first (npm test does).')
  const server = await startHarnessServer()
  servers.push(server)
  const browser = await launchChromium()
  browsers.push(browser)
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${server.origin}/index.html`)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
  expect(errors).toEqual([])
})

/** Set by PoseClient when threaded WASM failed and it restarted the worker single-threaded. */
const THREADS_FAILED_KEY = 'revup.wasmThreadsFailed'

test('built app: threaded WASM starts in the pose worker without falling back to one thread', async () => {
  const built = resolve(DEFAULT_ROOTS.rendererDir, 'index.html')
  test.skip(!existsSync(built), 'out/renderer is not built: run `npx electron-vite build` first (npm test does).')
  const server = await startHarnessServer()
  servers.push(server)
  const browser = await launchChromium({ fakeCameraY4m: y4m })
  browsers.push(browser)
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.addInitScript(() => localStorage.setItem('revup.settings', JSON.stringify({ state: { settings: { model: 'blazepose-lite', backend: 'wasm' } }, version: 1 })))
  await page.goto(`${server.origin}/index.html`)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Camera check' }).click()
  await page.getByRole('button', { name: 'Start camera' }).click()
  await waitForPoses(page, 10)
  await expect(page.getByTestId('pose-status')).toHaveAttribute('data-phase', 'ready')
  // A broken thread bootstrap (CSP without blob: scripts, a minified factory) shows up as worker
  // errors on the page and a single-threaded restart the client remembers.
  expect(errors).toEqual([])
  expect(await page.evaluate((key) => localStorage.getItem(key), THREADS_FAILED_KEY)).toBeNull()
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
})

test('fake camera: the worker returns poses for the frames and the overlay draws; tensors stay flat; unplugging is reported', async () => {
  const page = await open(await launchChromium({ fakeCameraY4m: y4m }), await serve())
  await page.getByRole('button', { name: 'Start camera' }).click()
  const first = await waitForPoses(page, 30)
  // Every frame of the clip shows the whole person, so nearly every pose must find them.
  expect(first.withPerson / first.poses).toBeGreaterThan(0.9)
  expect(await overlayInk(page)).toBeGreaterThan(500)
  await expect(page.getByTestId('pose-status')).toHaveAttribute('data-phase', 'ready')
  // The harness page is built like the app (unminified), so WASM threads start here too.
  expect(await page.evaluate((key) => localStorage.getItem(key), THREADS_FAILED_KEY)).toBeNull()

  const t0 = Date.now()
  const later = await waitForPoses(page, first.poses + 300, 150_000)
  const fps = (later.poses - first.poses) / ((Date.now() - t0) / 1000)
  console.log(`fake camera: ${later.poses} poses, ${later.withPerson} with a person, ~${fps.toFixed(1)} poses/s, tensors ${first.tensors} -> ${later.tensors}, backend ${later.backend}`)
  expect(later.tensors).toBe(first.tensors)

  // Unplugging: the browser ends the track. Simulate that event; the screen must say so and stay usable.
  await page.evaluate(() => {
    const stream = document.querySelector('video')!.srcObject as MediaStream
    stream.getVideoTracks()[0].dispatchEvent(new Event('ended'))
  })
  await expect(page.getByTestId('source-error')).toHaveAttribute('data-problem', 'unplugged')
  await expect(page.getByRole('button', { name: 'Start camera' })).toBeEnabled()
})

test('video file source: an mp4 chosen with the file input is analysed; a broken file is named', async () => {
  const page = await open(await launchChromium(), await serve())
  await page.getByTestId('video-file-input').setInputFiles(mp4)
  const numbers = await waitForPoses(page, 30)
  expect(numbers.withPerson / numbers.poses).toBeGreaterThan(0.9)
  expect(await overlayInk(page)).toBeGreaterThan(500)

  await page.getByTestId('video-file-input').setInputFiles({ name: 'broken-clip.mp4', mimeType: 'video/mp4', buffer: Buffer.from('this is not a video') })
  await expect(page.getByTestId('source-error')).toContainText('broken-clip.mp4')
  await expect(page.getByRole('button', { name: 'Start camera' })).toBeEnabled()
})

test('video file source, as fast as possible: the whole file is analysed to its end', async () => {
  const page = await open(await launchChromium(), await serve())
  await page.getByLabel('Playback').selectOption('fast')
  await page.getByTestId('video-file-input').setInputFiles(mp4)
  await expect(page.getByTestId('file-ended')).toBeVisible({ timeout: 120_000 })
  await page.waitForTimeout(500) // the readout attributes refresh every 250 ms
  const numbers = await liveNumbers(page)
  console.log(`fast file mode: ${numbers.poses} poses from a 150-frame clip, ${numbers.dropped} dropped for a slow model`)
  // Fast mode stops on every frame until the worker has room, so a slow model almost never costs a frame
  // (0-2 of 150 replaced in the slot across runs; the cause of the rare one is not found yet), and a frame
  // can slip past when the whole page stalls after play(): 138-150 of 150 analysed, depending on load.
  expect(numbers.dropped).toBeLessThanOrEqual(3)
  expect(numbers.poses).toBeGreaterThanOrEqual(120)
  expect(numbers.withPerson / numbers.poses).toBeGreaterThan(0.9)
})

test('a denied camera shows its message and the screen stays usable', async () => {
  const page = await open(await launchChromium({ fakeCameraY4m: y4m, grantCamera: false }), await serve())
  await page.getByRole('button', { name: 'Start camera' }).click()
  await expect(page.getByTestId('source-error')).toHaveAttribute('data-problem', 'denied')
  await expect(page.getByTestId('source-error')).toContainText('permission was denied')
  await expect(page.getByTestId('video-file-input')).toBeEnabled()
})

test('switching the model mid-stream keeps the camera running into the new worker', async () => {
  const page = await open(await launchChromium({ fakeCameraY4m: y4m }), await serve())
  await page.getByRole('button', { name: 'Start camera' }).click()
  await waitForPoses(page, 10)
  // The model choice sits behind "Technical details" (issue 11, item 11).
  await page.getByText('Technical details').click()
  await page.getByRole('combobox', { name: /^Model/ }).selectOption('movenet-lightning')
  await expect(page.getByTestId('live-view')).toHaveAttribute('data-model', 'movenet-lightning', { timeout: 60_000 })
  const before = (await liveNumbers(page)).poses
  await waitForPoses(page, before + 10)
})

test('no camera at all: the screen says so and the file source stays usable', async () => {
  // No fake device: this headless Chromium then has no camera to offer.
  const page = await open(await launchChromium({ extraArgs: ['--use-fake-ui-for-media-stream'] }), await serve())
  await page.getByRole('button', { name: 'Start camera' }).click()
  await expect(page.getByTestId('source-error')).toHaveAttribute('data-problem', 'no-camera')
  await expect(page.getByTestId('source-error')).toContainText('No camera was found')
  await expect(page.getByTestId('video-file-input')).toBeEnabled()
})

test('offline: with every non-local request aborted, poses are still detected', async () => {
  const browser = await launchChromium({ fakeCameraY4m: y4m })
  browsers.push(browser)
  const server = await serve()
  const context = await browser.newContext()
  const aborted: string[] = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(server.origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue()
    aborted.push(url)
    return route.abort('internetdisconnected')
  })
  const page = await context.newPage()
  await page.goto(`${server.origin}/index.html`)
  await page.getByRole('button', { name: 'Start camera' }).click()
  const numbers = await waitForPoses(page, 30)
  expect(numbers.withPerson).toBeGreaterThan(25)
  console.log(`offline: aborted ${aborted.length} non-local requests ${aborted.slice(0, 3).join(' ')}`)
})

test('a missing model file shows an error naming the file', async () => {
  const page = await open(await launchChromium(), await serve(brokenModelsDir('human/blazepose-lite.json', 'missing')))
  await expect(page.getByTestId('pose-error')).toContainText('models/human/blazepose-lite.json', { timeout: 60_000 })
})

test('a corrupt (truncated) model file shows an error naming the file', async () => {
  const page = await open(await launchChromium(), await serve(brokenModelsDir('human/blazepose-lite.bin', 'truncated')))
  await expect(page.getByTestId('pose-error')).toContainText('models/human/blazepose-lite.bin', { timeout: 60_000 })
})
