/**
 * The guided workout end to end, in Debian Chromium against the built renderer served by the test
 * harness, with a fake camera playing real footage (converted to y4m with ffmpeg) through the real
 * pose worker and form engine, and `window.revup` backed by the real session store (the bridge).
 *
 * What a runner would check: the placement check turns green by itself; a squat set on real footage
 * counts reps and ends at the target; the rest timer runs down; the workout ends in a summary that
 * links to the saved session. On a clip with knees caving in, the cue is shown and spoken.
 * Screens are saved to test-results/screens/ to be looked at.
 *
 * Footage lives outside the repo (never committed). Missing footage fails under CI and skips otherwise.
 */
import { expect, test, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { getCue } from '../../src/shared/engine/cues'
import { NOT_JUDGED_REASONS } from '../../src/shared/engine/events'
import { cameraMessage, cueNotJudgedMessage, notJudgedMessage } from '../../src/shared/engine/judging'
import { getExercise } from '../../src/shared/exercises'
import { FOOTAGE_DIR } from '../harness/clips'
import { closeCoachApp, fakeCameraArgs, fakeCameraClip, openCoachApp, type CoachRun } from '../harness/coachApp'
import { SPEECH_SPY } from '../harness/speechSpy'
import { REPO_ROOT, startHarnessServer, type HarnessServer } from '../harness/server'

const SCREENS = resolve(REPO_ROOT, 'test-results', 'screens')

/** Six side-on squats in 13.5 s (labels.json: rep_count 6). The fake camera loops it. */
const SIDE_SQUAT = 'squat/squat_side_studio_istock_hanshitha.mp4'
/** Front view: three knees-caving reps, then correct ones after a cut at 6.6 s (labels.json faults). */
const VALGUS_SQUAT = 'squat/squat_front_kneevalgus_wrong_then_right_randy.mp4'

/** Side-on forearm plank: gets down at ~9 s, holds 10.6–19.9 s of a 21.6 s clip (labels.json holds). */
const PLANK = 'plank/plank_forearm_side_studio_wahoo_tomnotch.mp4'

/** The fake camera runs at 15 fps: half the CPU of 30 on a 2-core machine, still fine for squats. */
const FAKE_CAMERA_FPS = 15

/** Model load plus the first frames on a slow CPU-only machine. */
const PLACEMENT_TIMEOUT_MS = 120_000
/** A rep takes ~2.3 s in the side clip; allow several loops of slow inference. */
const REPS_TIMEOUT_MS = 90_000

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

/** On Home: only the squat, with the given sets, reps and rest. */
async function planSquat(page: Page, sets: number, reps: number, restSeconds: number): Promise<void> {
  await page.getByRole('button', { name: 'Clear' }).click()
  const card = page.getByTestId('exercise-squat')
  await card.getByRole('checkbox').check()
  await page.getByTestId('sets-squat').fill(String(sets))
  await page.getByTestId('reps-squat').fill(String(reps))
  await page.getByTestId('rest-squat').fill(String(restSeconds))
  await page.screenshot({ path: join(SCREENS, 'coach-home.png') })
  await page.getByTestId('start-workout').click()
}

/** On Home: only the plank, one set held for `holdSeconds`. */
async function planPlank(page: Page, holdSeconds: number): Promise<void> {
  await page.getByRole('button', { name: 'Clear' }).click()
  await page.getByTestId('exercise-plank').getByRole('checkbox').check()
  await page.getByTestId('sets-plank').fill('1')
  await page.getByTestId('hold-plank').fill(String(holdSeconds))
  await page.getByTestId('start-workout').click()
}

async function spoken(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)
}

test('a squat workout on real footage: placement turns green, reps are counted, the rest runs, the summary links to the saved session', async () => {
  const y4m = fakeCameraClip(SIDE_SQUAT, { scale: '640:360', fps: FAKE_CAMERA_FPS })
  test.skip(y4m === null, `footage not found under ${FOOTAGE_DIR}`)
  let run: CoachRun | undefined
  try {
    run = await openCoachApp(server, { args: fakeCameraArgs(y4m!), initScripts: [SPEECH_SPY] })
    const { page, bridge } = run
    await planSquat(page, 2, 2, 8)

    const placement = page.getByTestId('placement')
    await expect(placement).toBeVisible()
    await page.screenshot({ path: join(SCREENS, 'coach-placement-waiting.png') })
    await expect(page.locator('[data-testid=placement][data-ok=true]')).toBeVisible({ timeout: PLACEMENT_TIMEOUT_MS })
    await page.screenshot({ path: join(SCREENS, 'coach-placement-green.png') })
    await expect(page.getByTestId('countdown')).toBeVisible({ timeout: 15_000 })
    await page.screenshot({ path: join(SCREENS, 'coach-countdown.png') })

    // Set 1: counted reps from the real clip end the set at the target, hands-free.
    await expect(page.getByTestId('set')).toBeVisible({ timeout: 15_000 })
    await expect(page.getByTestId('rep-count')).toHaveText('1', { timeout: REPS_TIMEOUT_MS })
    await screenFits(page, 'coach-set.png')

    // Rest: the timer runs down.
    await expect(page.getByTestId('rest')).toBeVisible({ timeout: REPS_TIMEOUT_MS })
    const first = await page.getByTestId('rest-time').textContent()
    await page.waitForTimeout(2200)
    const later = await page.getByTestId('rest-time').textContent()
    expect(seconds(later!)).toBeLessThan(seconds(first!))
    await expect(page.getByTestId('next-up')).toContainText('set 2 of 2')
    await page.screenshot({ path: join(SCREENS, 'coach-rest.png') })

    // Set 2 starts by itself after the rest and placement; two more reps end the workout.
    await expect(page.getByTestId('set')).toBeVisible({ timeout: PLACEMENT_TIMEOUT_MS })
    await expect(page.getByTestId('summary')).toBeVisible({ timeout: REPS_TIMEOUT_MS })
    await expect(page.getByTestId('summary-reps')).toHaveText('4')
    await expect(page.getByTestId('open-session')).toBeVisible({ timeout: 15_000 })
    await page.screenshot({ path: join(SCREENS, 'coach-summary.png') })
    // The rest is announced with what comes next (item 4): "Rest. Next: Squat, set 2 of 2."
    expect(await spoken(page)).toContain('Rest. Next: Squat, set 2 of 2.')

    // The saved session holds both sets with their reps.
    const listed = await bridge.store.list()
    const list = listed.ok ? listed.value : []
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ state: 'complete', repCount: 4, exercises: ['squat'] })
    await page.getByTestId('open-session').click()
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Workout done')
  } finally {
    await closeCoachApp(run)
  }
})

test('knees caving in on real footage: the cue is shown with its sentence and spoken', async () => {
  const y4m = fakeCameraClip(VALGUS_SQUAT, { scale: '360:640', fps: FAKE_CAMERA_FPS })
  test.skip(y4m === null, `footage not found under ${FOOTAGE_DIR}`)
  let run: CoachRun | undefined
  try {
    run = await openCoachApp(server, { args: fakeCameraArgs(y4m!), initScripts: [SPEECH_SPY] })
    const { page } = run
    await planSquat(page, 1, 20, 30)
    await expect(page.getByTestId('set')).toBeVisible({ timeout: PLACEMENT_TIMEOUT_MS })
    const cue = page.locator('[data-testid=cue][data-cue-id=squat-knees-caving]')
    await expect(cue).toBeVisible({ timeout: REPS_TIMEOUT_MS })
    const sentence = getCue('squat-knees-caving').text
    await expect(cue).toHaveText(sentence)
    await screenFits(page, 'coach-set-cue.png')
    await expect.poll(() => spoken(page)).toContain(sentence)
    // Esc asks first; a second Esc finishes.
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('confirm-end')).toBeVisible()
    await expect(page.getByTestId('set')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('summary')).toBeVisible()
  } finally {
    await closeCoachApp(run)
  }
})

test('a plank on real footage: placement asks the runner to get down, then the hold timer runs while the line is held', async () => {
  const y4m = fakeCameraClip(PLANK, { scale: '640:360', fps: FAKE_CAMERA_FPS })
  test.skip(y4m === null, `footage not found under ${FOOTAGE_DIR}`)
  let run: CoachRun | undefined
  try {
    run = await openCoachApp(server, { args: fakeCameraArgs(y4m!), initScripts: [SPEECH_SPY] })
    const { page } = run
    await planPlank(page, 5)
    await expect(page.getByTestId('placement-guidance')).toHaveText('Get down into your plank', { timeout: PLACEMENT_TIMEOUT_MS })
    await page.screenshot({ path: join(SCREENS, 'coach-placement-get-down.png') })
    await expect(page.getByTestId('set')).toBeVisible({ timeout: PLACEMENT_TIMEOUT_MS })
    await expect(page.getByTestId('hold-time')).toHaveText('0:02', { timeout: REPS_TIMEOUT_MS })
    await screenFits(page, 'coach-set-hold.png')
    await expect(page.getByTestId('summary')).toBeVisible({ timeout: REPS_TIMEOUT_MS })
    await page.screenshot({ path: join(SCREENS, 'coach-summary-hold.png') })
    await expect(page.getByTestId('summary')).toContainText('target met')
  } finally {
    await closeCoachApp(run)
  }
})

test('a plank on real footage: the hold timer stops and says why when the line is lost, and the set pauses (not ends) when the runner is gone', async () => {
  const y4m = fakeCameraClip(PLANK, { scale: '640:360', fps: FAKE_CAMERA_FPS })
  test.skip(y4m === null, `footage not found under ${FOOTAGE_DIR}`)
  let run: CoachRun | undefined
  try {
    run = await openCoachApp(server, { args: fakeCameraArgs(y4m!), initScripts: [SPEECH_SPY] })
    const { page } = run
    // A target the clip's ~9 s hold cannot meet: the set can only end by the runner leaving.
    await planPlank(page, 60)
    await expect(page.getByTestId('set')).toBeVisible({ timeout: PLACEMENT_TIMEOUT_MS })
    await expect(page.getByTestId('hold')).toHaveClass(/holding/, { timeout: REPS_TIMEOUT_MS })
    // The clip cuts from the hold to its end card: the timer stops, and the set line says why in one sentence:
    // the timer's reason, or, once nothing is judged at all, the notice saying why (which covers the timer too).
    await expect(page.getByTestId('hold')).toHaveClass(/stopped/, { timeout: REPS_TIMEOUT_MS })
    const line = page.getByTestId('set').getByRole('status')
    await expect(line).toHaveAttribute('data-testid', /^(hold-reason|not-judged)$/)
    await expect(line).not.toBeEmpty()
    if ((await line.getAttribute('data-testid')) === 'hold-reason') await expect(line).toHaveText(/^Timer stopped: \S/)
    const stoppedAt = seconds((await page.getByTestId('hold-time').textContent()) ?? '')
    expect(stoppedAt).toBeGreaterThan(0)
    await screenFits(page, 'coach-set-hold-stopped.png')
    // Which sentence stands here depends on the run; the longest a plank's set line can show must fit too
    // (a three-line notice pushed the hands-free hint off the bottom). Each is put in the line's own text
    // node, which React keeps (and the pause below unmounts); a resize event has the panel fit itself again,
    // as a new sentence from the app does.
    for (const sentence of longestPlankSentences().reverse()) {
      await line.evaluate((el, text) => {
        el.firstChild!.nodeValue = text
        window.dispatchEvent(new Event('resize'))
      }, sentence)
      expect(await overflowing(page), sentence).toEqual([])
    }
    await page.screenshot({ path: join(SCREENS, 'coach-set-hold-stopped-longest.png') }) // the longest, put in last
    // Then the title card: nobody in frame for ~6 s. Stepping out pauses the set (said aloud), it never ends it.
    await expect(page.getByTestId('paused')).toBeVisible({ timeout: REPS_TIMEOUT_MS })
    await expect.poll(() => spoken(page)).toContain("Paused. I'll go on when you're back in position.")
    await expect(page.getByTestId('set')).toBeVisible()
    // Said once on screen, by the banner, with how it ends (it showed "Paused" twice).
    await expect(page.getByTestId('paused')).toHaveText("Paused: I'll go on when you're back")
    expect((await page.locator('.workout').innerText()).match(/paused/gi)).toHaveLength(1)
    // One sentence, and nothing runs off the 1280×720 window (the timer's reason, the "nothing is judged"
    // notice and the pause banner were all shown and pushed the controls off the bottom).
    // While paused the banner is the set's one sentence ("I can't see anyone" stood beside it, saying less).
    await expect(page.getByTestId('set').locator('.cue')).toHaveCount(0)
    await screenFits(page, 'coach-set-stepped-out.png')
  } finally {
    await closeCoachApp(run)
  }
})

/** Saves the screen and checks that nothing on it runs off the 1280×720 window (overflowing). */
async function screenFits(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS, name) })
  expect(await overflowing(page), `${name}: outside the window`).toEqual([])
}

/**
 * The three longest sentences a plank's set line can show (its cues, every not-judged reason with all its
 * required joints out of the picture, a cue the view cannot show, a tilted camera), longest first.
 */
function longestPlankSentences(): string[] {
  const plank = getExercise('plank')
  const sentences = [
    ...plank.cueIds.map((id) => getCue(id).text),
    ...NOT_JUDGED_REASONS.map((reason) => notJudgedMessage(reason, plank.requiredJoints)),
    ...plank.cueIds.flatMap((id) => (['side', 'front', 'unknown'] as const).map((view) => cueNotJudgedMessage(id, view))),
    ...(['tilted', 'sideways'] as const).map((state) => cameraMessage(state) ?? '')
  ]
  return sentences.sort((a, b) => b.length - a.length).slice(0, 3)
}

/** Text, controls, the camera and the range-of-motion bar of the workout screen (both columns) that end outside the window (px), with their text; [] when all fit. */
async function overflowing(page: Page): Promise<string[]> {
  return page.locator('.workout').evaluate((workout) => {
    const out: string[] = []
    for (const el of workout.querySelectorAll<HTMLElement>('p, button, h1, h2, .counter, .rom-bar, .live-view')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 && r.height === 0) continue
      // Text running past its own box; the bar clips its target line's ends on purpose.
      const textSpills = !el.matches('.rom-bar, .live-view') && el.scrollWidth > el.clientWidth + 1
      if (r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5 || textSpills) {
        out.push(`${(el.textContent ?? '').trim().slice(0, 40)} (bottom ${Math.round(r.bottom)}, right ${Math.round(r.right)})`)
      }
    }
    return out
  })
}

function seconds(clockText: string): number {
  const [m, s] = clockText.split(':').map(Number)
  return m * 60 + s
}
