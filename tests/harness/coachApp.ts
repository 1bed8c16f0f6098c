/**
 * The built app in Debian Chromium as a runner meets it, for the coach e2e tests: a whole real clip as
 * the fake camera (looped by Chromium), `window.revup` backed by the real session store in a temp data
 * folder, and a 1280×720 window.
 *
 *   const y4m = fakeCameraClip(SIDE_SQUAT, { fps: 15 })        // null when footage is missing locally
 *   const run = await openCoachApp(server, { args: fakeCameraArgs(y4m!), initScripts: [SPEECH_SPY] })
 *   ... await closeCoachApp(run)
 */
import { chromium, type Browser, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import config, { CHROMIUM_PATH } from '../../playwright.config'
import { FOOTAGE_DIR } from './clips'
import { installPreloadBridge, type PreloadBridge } from './preloadBridge'
import { REPO_ROOT, type HarnessServer } from './server'

const CACHE = resolve(REPO_ROOT, 'tests', '.cache', 'coach')

export interface FakeCameraClipOptions {
  /** ffmpeg scale, width:height in pixels (default 640:360; portrait clips want 360:640). */
  scale?: string
  /** Frames per second the fake camera plays: 30 as a webcam delivers, 15 for half the CPU on 2 cores. */
  fps: number
}

/**
 * The whole clip (relative to the footage folder) as a y4m file for Chromium's fake camera, converted
 * once and cached in tests/.cache/coach. Null when the footage is missing (the test skips), except in
 * CI (process.env.CI), where a missing clip throws so a CI run can never pass by skipping.
 */
export function fakeCameraClip(clip: string, { scale = '640:360', fps }: FakeCameraClipOptions): string | null {
  const source = join(FOOTAGE_DIR, clip)
  if (!existsSync(source)) {
    if (process.env.CI) throw new Error(`Footage missing: ${source}. Set REVUP_FOOTAGE_DIR to the folder with labels.json and the clips (../shared/footage beside the repo).`)
    return null
  }
  mkdirSync(CACHE, { recursive: true })
  const target = join(CACHE, `${clip.replace(/[/.]/g, '_')}_${scale.replace(':', 'x')}_${fps}fps.y4m`)
  if (!existsSync(target) || statSync(target).mtimeMs < statSync(source).mtimeMs) {
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', source, '-vf', `scale=${scale},fps=${fps}`, '-pix_fmt', 'yuv420p', target])
  }
  return target
}

/** Chromium flags for a fake camera playing `y4m`, permission granted without a prompt. */
export function fakeCameraArgs(y4m: string): string[] {
  return ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`, '--use-fake-ui-for-media-stream']
}

export interface CoachRun {
  browser: Browser
  page: Page
  bridge: PreloadBridge
  /** The temp folder standing in for the app's userData (sessions/, settings.json). */
  dataDir: string
}

export interface OpenCoachAppOptions {
  /** Extra Chromium flags (fakeCameraArgs, '--deny-permission-prompts', ...). */
  args?: string[]
  /** Scripts run before any page script (speech or audio spies, stored settings). */
  initScripts?: (string | (() => void))[]
  /** Window size, pixels (default 1280×720: the size the coach's text is held to). */
  viewport?: { width: number; height: number }
}

/** Launches Chromium, installs the bridge and opens the app's Home (1280×720 unless `viewport` says). */
export async function openCoachApp(
  server: HarnessServer, { args = [], initScripts = [], viewport = { width: 1280, height: 720 } }: OpenCoachAppOptions = {}
): Promise<CoachRun> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...(config.use?.launchOptions?.args ?? []), '--autoplay-policy=no-user-gesture-required', ...args]
  })
  const context = await browser.newContext({ viewport })
  const dataDir = await mkdtemp(join(tmpdir(), 'revup-coach-'))
  const bridge = await installPreloadBridge(context, { dataDir, allowedOrigin: server.origin })
  for (const script of initScripts) await context.addInitScript(script)
  const page = await context.newPage()
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`))
  await page.goto(`${server.origin}/index.html`)
  return { browser, page, bridge, dataDir }
}

/** Closes the browser, flushes and stops the store, and removes the data folder. */
export async function closeCoachApp(run: CoachRun | undefined): Promise<void> {
  if (!run) return
  await run.browser.close()
  await run.bridge.dispose()
  await rm(run.dataDir, { recursive: true, force: true })
}
