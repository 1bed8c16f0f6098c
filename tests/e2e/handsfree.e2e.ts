/**
 * Issue 11 from the mat, in Debian Chromium against the built renderer with a fake camera playing real
 * footage at 30 fps (as a webcam delivers): the coach speaks placement, the 3-2-1, counts and what comes
 * next (asserted through a speechSynthesis spy); with no system voice the offline eSpeak NG voice
 * produces real audio; every text in the workout panels is at least 48 px at 1280×720; a denied camera
 * offers its ways out. Screens go to test-results/screens/ to be looked at.
 */
import { chromium, expect, test, type Browser, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import config, { CHROMIUM_PATH } from '../../playwright.config'
import { FOOTAGE_DIR } from '../harness/clips'
import { installPreloadBridge, type PreloadBridge } from '../harness/preloadBridge'
import { REPO_ROOT, startHarnessServer, type HarnessServer } from '../harness/server'
import { AUDIO_SPY, SPEECH_SPY } from '../harness/speechSpy'

const SCREENS = resolve(REPO_ROOT, 'test-results', 'screens')
const CACHE = resolve(REPO_ROOT, 'tests', '.cache', 'handsfree')
const SIDE_SQUAT = 'squat/squat_side_studio_istock_hanshitha.mp4'
/** The smallest text in the placement, countdown, set and rest panels at 1280×720 (coach.css). */
const MIN_TEXT_PX = 48

test.describe.configure({ mode: 'serial' })
test.setTimeout(420_000)

let server: HarnessServer
test.beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true })
  server = await startHarnessServer()
})
test.afterAll(async () => {
  await server?.close()
})

function camera30fps(clip: string): string | null {
  const source = join(FOOTAGE_DIR, clip)
  if (!existsSync(source)) {
    if (process.env.CI) throw new Error(`Footage missing: ${source}. Set REVUP_FOOTAGE_DIR.`)
    return null
  }
  mkdirSync(CACHE, { recursive: true })
  const target = join(CACHE, clip.replace(/[/.]/g, '_') + '_30fps.y4m')
  if (!existsSync(target) || statSync(target).mtimeMs < statSync(source).mtimeMs) {
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', source, '-vf', 'scale=640:360,fps=30', '-pix_fmt', 'yuv420p', target])
  }
  return target
}

interface Run { browser: Browser; page: Page; bridge: PreloadBridge; dataDir: string }

async function openApp(args: string[], initScripts: (() => void)[]): Promise<Run> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...(config.use?.launchOptions?.args ?? []), '--autoplay-policy=no-user-gesture-required', ...args] })
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const dataDir = await mkdtemp(join(tmpdir(), 'revup-handsfree-'))
  const bridge = await installPreloadBridge(context, { dataDir, allowedOrigin: server.origin })
  for (const script of initScripts) await context.addInitScript(script)
  const page = await context.newPage()
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`))
  await page.goto(`${server.origin}/index.html`)
  return { browser, page, bridge, dataDir }
}

async function closeApp(run: Run | undefined): Promise<void> {
  if (!run) return
  await run.browser.close()
  await run.bridge.dispose()
  await rm(run.dataDir, { recursive: true, force: true })
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)

/** Every visible text node's font size (px) inside the panel, with its text, smallest first. */
async function textSizes(page: Page, testId: string): Promise<{ px: number; text: string }[]> {
  return page.getByTestId(testId).evaluate((panel) => {
    const out: { px: number; text: string }[] = []
    const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || !n.textContent?.trim() || el.closest('button')) continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      out.push({ px: parseFloat(getComputedStyle(el).fontSize), text: n.textContent.trim().slice(0, 40) })
    }
    return out.sort((a, b) => a.px - b.px)
  })
}

async function expectReadable(page: Page, testId: string): Promise<void> {
  const sizes = await textSizes(page, testId)
  expect(sizes.length).toBeGreaterThan(0)
  expect(sizes.filter((s) => s.px < MIN_TEXT_PX), `${testId}: text under ${MIN_TEXT_PX} px`).toEqual([])
}

test('with no system voice, the offline eSpeak NG voice speaks: real audio is played, and Settings names it', async () => {
  let run: Run | undefined
  try {
    run = await openApp([], [AUDIO_SPY])
    const { page } = run
    expect(await page.evaluate(() => window.speechSynthesis.getVoices().length)).toBe(0)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
    await expect(page.getByTestId('voice-in-use')).toContainText('eSpeak NG')
    await page.getByTestId('test-voice').click()
    const played = () => page.evaluate(() => (window as unknown as { __played: { seconds: number; rms: number }[] }).__played)
    await expect.poll(played, { timeout: 30_000 }).toHaveLength(1)
    const [clip] = await played()
    console.log(`offline voice: ${clip.seconds.toFixed(2)} s of audio, RMS ${clip.rms.toFixed(3)}`)
    expect(clip.seconds).toBeGreaterThan(1)
    expect(clip.rms).toBeGreaterThan(0.02)
    await page.screenshot({ path: join(SCREENS, 'settings-voice.png') })
  } finally {
    await closeApp(run)
  }
})

test('a squat workout from the mat: placement, 3-2-1, counts and what comes next are spoken, and all text is at least 48 px', async () => {
  const y4m = camera30fps(SIDE_SQUAT)
  test.skip(y4m === null, `footage not found under ${FOOTAGE_DIR}`)
  let run: Run | undefined
  try {
    run = await openApp(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`, '--use-fake-ui-for-media-stream'], [SPEECH_SPY])
    const { page } = run
    await page.getByRole('button', { name: 'Clear' }).click()
    await page.getByTestId('exercise-squat').getByRole('checkbox').check()
    await page.getByTestId('sets-squat').fill('2')
    await page.getByTestId('reps-squat').fill('1')
    await page.getByTestId('rest-squat').fill('8')
    await page.getByTestId('start-workout').click()

    await expect(page.getByTestId('placement')).toBeVisible()
    await expectReadable(page, 'placement')
    await page.screenshot({ path: join(SCREENS, 'handsfree-placement.png') })
    await expect(page.getByTestId('countdown')).toBeVisible({ timeout: 120_000 })
    await expectReadable(page, 'placement')
    await expect(page.getByTestId('set')).toBeVisible({ timeout: 15_000 })
    await expectReadable(page, 'set')
    await page.screenshot({ path: join(SCREENS, 'handsfree-set.png') })
    await expect(page.getByTestId('rest')).toBeVisible({ timeout: 90_000 })
    await expectReadable(page, 'rest')
    await page.screenshot({ path: join(SCREENS, 'handsfree-rest.png') })
    const said = await spoken(page)
    expect(said).toContain('Good: hold still')
    expect(said.join('|')).toContain('Three|Two|One|Go.')
    expect(said).toContain('one')
    expect(said).toContain('Rest. Next: Squat, set 2 of 2.')
    await expect.poll(() => spoken(page), { timeout: 10_000 }).toContain('Five seconds left.')
    await expect(page.getByTestId('summary')).toBeVisible({ timeout: 180_000 })
    await page.screenshot({ path: join(SCREENS, 'handsfree-summary.png') })
  } finally {
    await closeApp(run)
  }
})

test('a denied camera mid-workout: the message comes with its ways out, and Finish leaves', async () => {
  let run: Run | undefined
  try {
    run = await openApp(['--use-fake-device-for-media-stream', '--deny-permission-prompts'], [SPEECH_SPY])
    const { page } = run
    await page.getByRole('button', { name: 'Clear' }).click()
    await page.getByTestId('exercise-squat').getByRole('checkbox').check()
    await page.getByTestId('start-workout').click()
    const problem = page.getByTestId('camera-problem')
    await expect(problem).toBeVisible({ timeout: 30_000 })
    for (const name of ['Start', 'Settings', 'Finish workout']) await expect(problem.getByRole('button', { name, exact: true })).toBeVisible()
    await expect(page.getByTestId('placement-guidance')).not.toHaveText('Starting the camera…')
    await page.screenshot({ path: join(SCREENS, 'handsfree-camera-denied.png') })
    await problem.getByRole('button', { name: 'Finish workout' }).click()
    await expect(page.getByTestId('summary')).toBeVisible()
  } finally {
    await closeApp(run)
  }
})
