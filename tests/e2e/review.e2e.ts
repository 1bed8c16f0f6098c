/**
 * Review and progress screens end to end, in Debian Chromium against the built renderer served by
 * the test harness, with `window.revup` backed by the real main-process session store (the bridge).
 *
 * A squat set is recorded through the bridge the way the coach records one: the form engine runs
 * over a committed keypoint fixture (real footage), and its events plus 15 fps sampled poses go into
 * the journal. The test then checks what a runner would: the session is listed with its reps, the
 * detail shows one table row per rep, the replay moves, the CSV export has one row per rep with the
 * engine's values, and a session whose summary is cut short is listed as damaged with the reason.
 */
import { expect, test, type Page } from '@playwright/test'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createEngine } from '../../src/shared/engine/engine'
import type { EngineEvent, ExerciseId } from '../../src/shared/engine/events'
import { decodePoses } from '../../src/shared/pose/compact'
import { CSV_LIST_SEPARATOR } from '../../src/shared/session/csv'
import { encodeJournalPose } from '../../src/shared/session/poseEntry'
import { PoseSampler } from '../../src/shared/session/poseSampler'
import type { JournalEntry } from '../../src/shared/session/types'
import { DEFAULT_ROOTS, REPO_ROOT, startHarnessServer, type HarnessServer } from '../harness/server'
import { parseCsv } from '../fixtures/csv'
import { installPreloadBridge, type PreloadBridge } from '../harness/preloadBridge'

const SQUAT_FIXTURE = resolve(REPO_ROOT, 'tests/fixtures/poses/squat/squat_frontangle_outdoor_amateur_myoxyn.json')
const PLANK_FIXTURE = resolve(REPO_ROOT, 'tests/fixtures/poses/plank/plank_forearm_side_studio_wahoo_tomnotch.json')
const SCREENS = resolve(REPO_ROOT, 'test-results/screens')
/** The session store accepts at most this many entries per append (src/shared/session/schema.ts). */
const APPEND_BATCH = 1000
/** A session id whose summary.json we cut short on disk. */
const DAMAGED_ID = 's-20240101-000000-broken'
/** A session the app "crashed" in: a journal and no summary, rebuilt by the store. */
const RECOVERED_ID = 's-20240102-070000-crash1'

type RepEvent = Extract<EngineEvent, { type: 'rep' }>

/**
 * Runs the form engine over a fixture and lays out the journal a coached set writes: set-start,
 * the engine's events, poses at ~15 fps (as the coach samples them), set-end. `at` is wall-clock ms.
 */
function recordSet(exercise: ExerciseId, fixture: string, variant: string, startedAt: number): { entries: JournalEntry[]; events: EngineEvent[]; endedAt: number } {
  const { frames } = decodePoses(JSON.parse(readFileSync(fixture, 'utf8')))
  const engine = createEngine(exercise, { variant })
  const at = (tMs: number) => Math.round(startedAt + tMs)
  const entries: JournalEntry[] = [{ kind: 'set-start', at: at(0), exercise, setIndex: 1, side: null, target: { reps: 10 }, variant }]
  const events: EngineEvent[] = []
  const record = (batch: EngineEvent[]) => {
    events.push(...batch)
    entries.push(...batch.map((event): JournalEntry => ({ kind: 'engine', at: at(event.t), exercise, setIndex: 1, event })))
  }
  const sampler = new PoseSampler()
  for (const frame of frames) {
    if (sampler.accept(frame.timestampMs)) {
      entries.push({ kind: 'pose', at: at(frame.timestampMs), exercise, setIndex: 1, frame: encodeJournalPose(frame) })
    }
    record(engine.push(frame))
  }
  const end = frames[frames.length - 1].timestampMs
  record(engine.finish())
  entries.push({ kind: 'set-end', at: at(end), exercise, setIndex: 1, side: null, reason: 'completed' })
  return { entries, events, endedAt: at(end) }
}

/**
 * Two clean sets of 10 push-ups from the knees, as engine rep events (no poses): the routine's
 * cue to move on to full push-ups.
 */
function kneePushUps(startedAt: number): JournalEntry[] {
  const entries: JournalEntry[] = []
  for (let setIndex = 1; setIndex <= 2; setIndex++) {
    const t0 = (setIndex - 1) * 60_000
    entries.push({ kind: 'set-start', at: startedAt + t0, exercise: 'push-up', setIndex, side: null, target: { reps: 10 }, variant: 'knees' })
    for (let i = 0; i < 10; i++) {
      const startMs = t0 + i * 2_000
      const event: EngineEvent = {
        type: 'rep', t: startMs + 1_800, exercise: 'push-up', side: null, startMs, bottomMs: startMs + 900, endMs: startMs + 1_800,
        depthDeg: 88, rangeDeg: 75, durationMs: 1_800, tempo: { downMs: 900, upMs: 900 }, cues: [], variant: { fromKnees: true }
      }
      entries.push({ kind: 'engine', at: startedAt + event.t, exercise: 'push-up', setIndex, event })
    }
    entries.push({ kind: 'set-end', at: startedAt + t0 + 20_000, exercise: 'push-up', setIndex, side: null, reason: 'completed' })
  }
  return entries
}

/** Records a session through window.revup, as the renderer would; returns its id. */
async function recordThroughBridge(page: Page, entries: JournalEntry[], title: string): Promise<string> {
  const batches: JournalEntry[][] = []
  for (let i = 0; i < entries.length; i += APPEND_BATCH) batches.push(entries.slice(i, i + APPEND_BATCH))
  return page.evaluate(async ({ batches, title }) => {
    const api = window.revup!
    const started = await api.startSession({ title, source: 'video', model: 'blazepose-full', videoName: 'squat.mp4' })
    if (!started.ok) throw new Error(started.error)
    for (const batch of batches) {
      const r = await api.appendToSession(started.value.id, batch)
      if (!r.ok) throw new Error(r.error)
    }
    const finished = await api.finishSession(started.value.id)
    if (!finished.ok) throw new Error(finished.error)
    return started.value.id
  }, { batches, title })
}

let server: HarnessServer
let dataDir: string
let bridge: PreloadBridge | undefined

test.beforeAll(async () => {
  const { rendererDir } = DEFAULT_ROOTS
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`No built renderer at ${rendererDir}; run "npm run build" first.`)
  server = await startHarnessServer()
  mkdirSync(SCREENS, { recursive: true })
  dataDir = mkdtempSync(join(tmpdir(), 'revup-review-e2e-'))
})

test.afterAll(async () => {
  await bridge?.dispose()
  await server?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

test('a recorded session is listed, opened, replayed and exported; damaged and recovered ones are listed as such; delete asks first', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  // Failed loads are reported by URL below; the browser's own favicon probe is not the app's.
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()))
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`))
  await page.setViewportSize({ width: 1280, height: 900 })
  bridge = await installPreloadBridge(page, { dataDir, allowedOrigin: server.origin })
  const sessionsDir = join(dataDir, 'sessions')
  await page.goto(`${server.origin}/index.html`)

  const squat = recordSet('squat', SQUAT_FIXTURE, 'bodyweight', Date.now() - 120_000)
  const plank = recordSet('plank', PLANK_FIXTURE, 'forearm', squat.endedAt + 30_000)
  const reps = squat.events.filter((e): e is RepEvent => e.type === 'rep')
  expect(reps.length, 'the engine should count the fixture clip\'s squats').toBeGreaterThan(0)
  expect(plank.events.some((e) => e.type === 'hold' && e.phase === 'ended'), 'the engine should time the fixture clip\'s plank').toBe(true)
  const pushUpId = await recordThroughBridge(page, kneePushUps(Date.now() - 300_000), 'Knee push-ups')
  const id = await recordThroughBridge(page, [...squat.entries, ...plank.entries], 'Squat and plank')

  // A session whose summary.json was cut short (e.g. the disk filled mid-write).
  mkdirSync(join(sessionsDir, DAMAGED_ID), { recursive: true })
  writeFileSync(join(sessionsDir, DAMAGED_ID, 'summary.json'), '{"schemaVersion": 2, "id": "s-2024')
  // A session the app stopped in: its journal (header + the squat set) and no summary.
  const header = { kind: 'header', schemaVersion: 2, id: RECOVERED_ID, startedAt: '2024-01-02T07:00:00.000Z', info: { title: 'Morning squats', source: 'camera' } }
  mkdirSync(join(sessionsDir, RECOVERED_ID), { recursive: true })
  writeFileSync(join(sessionsDir, RECOVERED_ID, 'journal.jsonl'), [header, ...squat.entries].map((line) => `${JSON.stringify(line)}\n`).join(''))

  // The list: the session with its reps, the damaged one with its reason.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sessions' }).click()
  const row = page.locator(`tr[data-session-id="${id}"]`)
  await expect(row).toContainText('Squat and plank')
  await expect(row.locator('td.num').first()).toHaveText(String(reps.length))
  const damaged = page.locator(`tr[data-session-id="${DAMAGED_ID}"]`)
  await expect(damaged).toContainText('Damaged')
  await expect(damaged).toContainText('summary.json')
  const recovered = page.locator(`tr[data-session-id="${RECOVERED_ID}"]`)
  await expect(recovered).toContainText('Recovered')
  await expect(recovered.locator('td.num').first()).toHaveText(String(reps.length))
  await page.screenshot({ path: join(SCREENS, 'review-list.png'), fullPage: true })

  // Delete asks first; "Keep" keeps it, "Yes, delete" removes the folder.
  await damaged.getByRole('button', { name: 'Delete' }).click()
  await damaged.getByRole('button', { name: 'Keep' }).click()
  await expect(damaged).toBeVisible()
  await damaged.getByRole('button', { name: 'Delete' }).click()
  await damaged.getByRole('button', { name: 'Yes, delete' }).click()
  await expect(damaged).toHaveCount(0)
  expect(existsSync(join(sessionsDir, DAMAGED_ID))).toBe(false)

  // The detail: one row per rep, with the engine's depth.
  await row.getByRole('button', { name: 'Open' }).click()
  const repRows = page.locator('section[data-set-key="squat#1"] table.review-reps tbody tr')
  await expect(repRows).toHaveCount(reps.length)
  for (let i = 0; i < reps.length; i++) {
    const depth = reps[i].depthDeg
    await expect(repRows.nth(i).locator('td').nth(3)).toHaveText(depth === null ? '–' : `${Math.round(depth)}°`)
  }
  await expect(page.getByTestId('angle-chart').locator('canvas')).toHaveCount(2)
  // The plank set: a hold with its good-form time, as the engine timed it.
  const holdEnd = plank.events.findLast((e) => e.type === 'hold' && e.phase === 'ended')
  const plankSet = page.locator('section[data-set-key="plank#1"]')
  await expect(plankSet.locator('.review-hold')).toHaveCount(plank.events.filter((e) => e.type === 'hold' && e.phase === 'started').length)
  await expect(plankSet.locator('.review-hold-bar .stretch').first()).toBeVisible()
  expect(holdEnd?.type === 'hold' && holdEnd.goodFormMs).toBeGreaterThan(0)
  await page.screenshot({ path: join(SCREENS, 'review-detail.png'), fullPage: true })
  await plankSet.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SCREENS, 'review-hold.png'), fullPage: true })

  // The replay of the last rep: the scrubber moves and the canvas changes while playing.
  const squatSet = page.locator('section[data-set-key="squat#1"]')
  await repRows.last().getByRole('button', { name: /^Replay rep/ }).click()
  const scrubber = squatSet.getByTestId('replay-scrubber')
  const canvas = squatSet.getByTestId('replay-canvas')
  const before = { value: Number(await scrubber.inputValue()), image: await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL()) }
  await squatSet.getByRole('button', { name: 'Play', exact: true }).click()
  await page.waitForTimeout(700)
  const during = { value: Number(await scrubber.inputValue()), image: await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL()) }
  expect(during.value).toBeGreaterThan(before.value)
  expect(during.image).not.toBe(before.image)
  await canvas.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SCREENS, 'review-replay.png') })

  // CSV export: one row per rep, with the engine's times, depth and cues.
  await page.getByRole('button', { name: 'Export this session as CSV' }).click()
  const status = page.getByRole('status')
  await expect(status).toContainText('Saved 1 session as CSV to ')
  const path = (await status.textContent())!.replace(/^Saved 1 session as CSV to /, '').replace(/\.$/, '')
  expect(bridge.exports).toEqual([path])
  const [head, ...body] = parseCsv(readFileSync(path, 'utf8'))
  const col = (name: string) => head.indexOf(name)
  const repLines = body.filter((r) => r[col('kind')] === 'rep')
  expect(repLines).toHaveLength(reps.length)
  repLines.forEach((line, i) => {
    const rep = reps[i]
    expect(line[col('session_id')]).toBe(id)
    expect(line[col('exercise')]).toBe('squat')
    expect(Number(line[col('number')])).toBe(i + 1)
    expect(Number(line[col('start_s')])).toBeCloseTo(rep.startMs / 1000, 2)
    expect(Number(line[col('bottom_s')])).toBeCloseTo(rep.bottomMs / 1000, 2)
    expect(Number(line[col('end_s')])).toBeCloseTo(rep.endMs / 1000, 2)
    expect(Number(line[col('depth_deg')])).toBeCloseTo(rep.depthDeg ?? Number.NaN, 0)
    expect(line[col('cues')]).toBe(rep.cues.join(CSV_LIST_SEPARATOR))
  })

  // Progress: both exercises charted; 2×10 clean from the knees earns full push-ups, citing that session.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' }).click()
  for (const exercise of ['squat', 'plank', 'push-up']) await expect(page.locator(`article[data-exercise="${exercise}"]`)).toBeVisible()
  const suggestion = page.locator('li[data-suggestion-id="push-up:full"]')
  await expect(suggestion).toContainText('try full push-ups')
  await expect(page.locator('li[data-suggestion-id^="squat"]')).toHaveCount(0)
  await page.screenshot({ path: join(SCREENS, 'progress.png'), fullPage: true })
  await suggestion.getByRole('button').click()
  await expect(page.getByRole('heading', { name: 'Knee push-ups' })).toBeVisible()
  await expect(page.locator('table.review-reps tbody tr')).toHaveCount(20)
  expect(pushUpId).toMatch(/^s-/)

  expect(errors).toEqual([])
})

test('a workout still running (In progress) opens from the list with what is saved so far, and the workout can still write to it', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.setViewportSize({ width: 1280, height: 900 })
  const runningDir = mkdtempSync(join(tmpdir(), 'revup-review-running-'))
  const running = await installPreloadBridge(page, { dataDir: runningDir, allowedOrigin: server.origin })
  try {
    await page.goto(`${server.origin}/index.html`)
    // Mid-set: the squat set's start, its reps and poses so far, no set-end and no finish (the coach's tab reloaded or crashed).
    const squat = recordSet('squat', SQUAT_FIXTURE, 'bodyweight', Date.now() - 60_000)
    const soFar = squat.entries.slice(0, -1)
    const reps = squat.events.filter((e): e is RepEvent => e.type === 'rep')
    expect(reps.length, 'the engine should count the fixture clip\'s squats').toBeGreaterThan(0)
    const batches: JournalEntry[][] = []
    for (let i = 0; i < soFar.length; i += APPEND_BATCH) batches.push(soFar.slice(i, i + APPEND_BATCH))
    const id = await page.evaluate(async (batches) => {
      const api = window.revup!
      const started = await api.startSession({ title: 'Squats on the mat', source: 'camera', model: 'blazepose-lite' })
      if (!started.ok) throw new Error(started.error)
      for (const batch of batches) {
        const appended = await api.appendToSession(started.value.id, batch)
        if (!appended.ok) throw new Error(appended.error)
      }
      return started.value.id
    }, batches)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sessions' }).click()
    const row = page.locator(`tr[data-session-id="${id}"]`)
    await expect(row).toContainText('Squats on the mat')
    await expect(row).toContainText('In progress')
    await row.getByRole('button', { name: 'Open' }).click()

    await expect(page.getByRole('heading', { level: 1 })).toContainText('Squats on the mat')
    await expect(page.getByTestId('in-progress')).toHaveText('In progress')
    await expect(page.getByText('This workout has not been finished: this is what is saved so far.')).toBeVisible()
    await expect(page.locator('section[data-set-key="squat#1"] table.review-reps tbody tr')).toHaveCount(reps.length)
    await page.screenshot({ path: join(SCREENS, 'review-in-progress.png'), fullPage: true })

    // Looking at it did not close it: the workout's next lines are taken, and it finishes as a complete session.
    const after = await page.evaluate(async ({ id, last }) => {
      const api = window.revup!
      const appended = await api.appendToSession(id, [last])
      const finished = await api.finishSession(id)
      const listed = await api.listSessions()
      return { appended: appended.ok, finished: finished.ok, state: listed.ok ? listed.value.find((s) => s.id === id)?.state : null }
    }, { id, last: squat.entries[squat.entries.length - 1] })
    expect(after).toEqual({ appended: true, finished: true, state: 'complete' })
    expect(errors).toEqual([])
  } finally {
    await running.dispose()
    rmSync(runningDir, { recursive: true, force: true })
  }
})

test('without the app bridge (a plain browser tab) the screens say why there is nothing to show', async ({ page }) => {
  await page.goto(`${server.origin}/index.html`)
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('button', { name: 'Sessions' }).click()
  await expect(page.getByRole('alert')).toContainText('needs the RevUp desktop app')
  await nav.getByRole('button', { name: 'Progress' }).click()
  await expect(page.getByRole('alert')).toContainText('needs the RevUp desktop app')
})
