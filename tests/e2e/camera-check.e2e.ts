/**
 * Issue 11, item 11: the Camera check at 1366×768 ran the preview off the bottom, gave no "whole body in
 * frame" verdict and showed backend jargon. The built app in Chromium, the fake camera playing a real
 * side-on squat (head to toe in the picture), at 1366×768 and 1280×720: the preview's bottom lies inside
 * the window, the verdict says "Whole body in the picture", the model/backend line is out of sight until
 * "Technical details" is opened. Screenshots: test-results/screens/camera-check-*.png.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { footageProblem, prepareClip } from '../harness/clips'
import { closeCoachApp, fakeCameraArgs, openCoachApp } from '../harness/coachApp'
import { REPO_ROOT, startHarnessServer, type HarnessServer } from '../harness/server'

const SCREENS = resolve(REPO_ROOT, 'test-results', 'screens')
const problem = footageProblem()
test.skip(problem !== null && !process.env.CI, `Skipping camera check e2e: ${problem}`)
test.describe.configure({ mode: 'serial' })
test.setTimeout(240_000)

let server: HarnessServer
let y4m = ''

test.beforeAll(async () => {
  if (problem !== null) throw new Error(`CI needs the footage: ${problem}`)
  mkdirSync(SCREENS, { recursive: true })
  // The side-on studio squat (harness default clip), 5 s, 640 px wide at 30 fps: the whole body in every frame.
  y4m = prepareClip({ format: 'y4m', durationS: 5, width: 640 })
  server = await startHarnessServer()
})

test.afterAll(async () => {
  await server?.close()
})

for (const [width, height] of [[1366, 768], [1280, 720]] as const) {
  test(`camera check at ${width}×${height}: preview inside the window, a plain verdict, jargon behind details`, async () => {
    const run = await openCoachApp(server, {
      args: fakeCameraArgs(y4m),
      initScripts: [() => localStorage.setItem('revup.settings', JSON.stringify({ state: { settings: { model: 'blazepose-lite', backend: 'auto' } }, version: 1 }))],
      viewport: { width, height }
    })
    try {
      const { page } = run
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Camera check' }).click()
      await expect(page.getByRole('heading', { name: 'Camera check' })).toBeVisible()
      await page.getByRole('button', { name: 'Start camera' }).click()

      const verdict = page.getByTestId('framing-verdict')
      await expect(verdict).toHaveAttribute('data-ok', 'true', { timeout: 150_000 })
      await expect(verdict).toHaveText(/Whole body in the picture/)

      // The preview (video and skeleton) ends inside the window, without scrolling.
      const stage = page.locator('.live-stage')
      await expect(stage).toBeVisible()
      const box = await stage.boundingBox()
      expect(box, 'the preview has a box').not.toBeNull()
      expect(box!.y + box!.height).toBeLessThanOrEqual(height)
      expect(box!.height).toBeGreaterThan(height * 0.3)
      expect(await page.evaluate(() => window.scrollY)).toBe(0)

      // No model or backend words on the screen until "Technical details" is opened.
      await expect(page.getByTestId('pose-status')).toBeHidden()
      await expect(page.getByRole('combobox', { name: /^Backend/ })).toBeHidden()
      const shown = await page.locator('main, .app-main').first().innerText()
      expect(shown).not.toMatch(/wasm|webgl|webgpu|backend|ms per frame|inference/i)
      await page.screenshot({ path: join(SCREENS, `camera-check-${width}x${height}.png`) })

      await page.getByText('Technical details').click()
      await expect(page.getByTestId('pose-status')).toBeVisible()
      await expect(page.getByRole('combobox', { name: /^Backend/ })).toBeVisible()
    } finally {
      await closeCoachApp(run)
    }
  })
}
