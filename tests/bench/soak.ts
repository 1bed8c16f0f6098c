/**
 * `npm run bench:soak -- --minutes N [--model <id>] [--wasm-threads N] [--heap-snapshots <dir>]`: what the runner gets over a long set (issue 12). The built app
 * (out/renderer, `npm run build` first) runs in headless Debian Chromium, served and bridged as in the
 * e2e tests (real session store, recording on), with the fake camera playing a real squat clip at
 * 30 fps in a loop: a front-view squat with knees caving in its first reps, so the form engine raises
 * cues every loop. The squat is planned as 10 sets of 100 reps with no rest, so the set screen runs
 * for about 36 minutes (~2.1 s a rep here); a workout that ends sooner is started again (a new pose worker; the row says).
 *
 * Every 30 s one row: camera frames/s, poses delivered/s, dropped frames, cues shown and their
 * frame-to-cue latency, page and pose-worker memory, renderer RSS, DOM nodes; every 2 minutes the page's V8 heap
 * split into compiled code and JS data (v8Heap.ts), so a warming JIT and a leak can be told apart. How each is measured is
 * in soakProbe.ts (in the page) and below (here); the arithmetic is in soakSummary.ts.
 *
 * Frame-to-cue latency: the engine's 'cue raised' event carries the capture time of the frame that
 * raised it (PoseFrame.timestampMs = the camera's captureTime, page clock) and is written to the
 * session journal on disk; the probe notes when the cue appeared on screen (next rendered frame,
 * same clock). The engine's deliberate 0.3 s persistence before raising a cue is not in it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import type { CDPSession, Page } from '@playwright/test'
import { JOURNAL_FILE } from '../../src/shared/session/journal'
import { POSE_MODEL_IDS, type PoseModelId } from '../../src/pose/catalogue'
import { WASM_THREAD_COUNT_KEY } from '../../src/renderer/src/pose/poseClient'
import { launchChromium } from '../harness/browser'
import { footageProblem, prepareClip } from '../harness/clips'
import { installPreloadBridge } from '../harness/preloadBridge'
import { DEFAULT_ROOTS, startHarnessServer } from '../harness/server'
import { SPEECH_SPY } from '../harness/speechSpy'
import type { ProbeReading } from './soakProbe'
import { SOAK_PROBE } from './soakProbe'
import { dumpPageHeap } from './v8Heap'
import { formatRow, matchCues, ROW_HEADER, SAMPLE_EVERY_MS, soakRows, summarise, summaryLine, verdictLine, type CueRaised, type CueShown, type SoakSample } from './soakSummary'

/** Front-view squats: knees caving on the first three reps, then correct ones (labels.json); 14.9 s a loop. */
const CLIP = 'squat/squat_front_kneevalgus_wrong_then_right_randy.mp4'
const CLIP_S = 15
/** A webcam's rate; the fake camera paces the file at its own rate. */
const CAMERA_FPS = 30
/** Portrait clip: 360 × 640, the e2e tests' size for it. */
const CLIP_WIDTH = 360
/** The most the plan allows (plan.ts LIMITS): the longest the set screen can run in one workout. */
const PLAN = { sets: 10, reps: 100, restSeconds: 0 }
/** The page's heap is split into code and data (v8Heap.ts) every this many readings (2 minutes). */
const HEAP_SPLIT_EVERY = 4
/** Model load, backend measurement and placement on a busy 2-core machine. */
const SET_START_TIMEOUT_MS = 240_000

/** `--model <id>`: the model the workout uses (chosen in Settings, as a runner would), else the app's own choice. */
function modelArg(): PoseModelId | null {
  const i = process.argv.indexOf('--model')
  if (i < 0) return null
  const model = process.argv[i + 1]
  if (!(POSE_MODEL_IDS as readonly string[]).includes(model)) throw new Error(`--model takes one of ${POSE_MODEL_IDS.join(', ')}; got "${model}".`)
  return model as PoseModelId
}

/** `--wasm-threads <n>`: XNNPACK threads asked of tfjs (the app's stored override, poseClient.ts), else tfjs's choice. */
function threadsArg(): number | null {
  const i = process.argv.indexOf('--wasm-threads')
  if (i < 0) return null
  const n = Number(process.argv[i + 1])
  if (!(Number.isInteger(n) && n >= 1 && n <= 8)) throw new Error(`--wasm-threads takes a whole number from 1 to 8; got "${process.argv[i + 1]}".`)
  return n
}

/** `--heap-snapshots <dir>`: the page's V8 heap snapshot as the set began (the reading before the first row) and at the last row, written there (for heapDiff.ts). */
function heapSnapshotsArg(): string | null {
  const i = process.argv.indexOf('--heap-snapshots')
  if (i < 0) return null
  const dir = process.argv[i + 1]
  if (!dir || dir.startsWith('--')) throw new Error('--heap-snapshots takes a folder to write the two snapshots to.')
  return resolve(dir)
}

/** The page's JS heap as a .heapsnapshot file (CDP HeapProfiler; the snapshot collects garbage first). */
async function writeHeapSnapshot(cdp: CDPSession, path: string): Promise<void> {
  const chunks: string[] = []
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  }
  await writeFile(path, chunks.join(''))
}

function minutesArg(): number {
  const i = process.argv.indexOf('--minutes')
  const minutes = i >= 0 ? Number(process.argv[i + 1]) : 3
  if (!(minutes > 0 && minutes <= 240)) throw new Error(`--minutes takes a number of minutes above 0 and at most 240; got "${process.argv[i + 1]}".`)
  return minutes
}

/** The built renderer, or why it cannot be used. */
function builtRendererProblem(): string | null {
  const index = resolve(DEFAULT_ROOTS.rendererDir, 'index.html')
  if (!existsSync(index)) return `No built renderer at ${DEFAULT_ROOTS.rendererDir}: run \`npm run build\` first.`
  return null
}

/** Resident memory of the browser's renderer processes, bytes (Linux /proc; the pose worker lives in the page's renderer). */
function rendererRss(marker: string): number | null {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  const info = new Map<string, { parent: string; cmdline: string }>()
  for (const pid of procs) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      info.set(pid, { parent: stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1], cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8') })
    } catch {
      // Exited while we looked.
    }
  }
  const root = [...info].find(([, p]) => p.cmdline.includes(marker))?.[0]
  if (!root) return null
  let total = 0
  for (const [pid, p] of info) {
    if (!p.cmdline.includes('--type=renderer')) continue
    let up: string | undefined = pid
    while (up && up !== root && up !== '1' && up !== '0') up = info.get(up)?.parent
    if (up !== root) continue
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (rss) total += Number(rss[1]) * 1024
    } catch {
      // Gone.
    }
  }
  return total
}

/**
 * Reads the cue raises the sessions' journals gained since the last call: only whole new lines, from
 * where the last read stopped (a journal grows by ~15 poses a second; it is never read whole again).
 */
class JournalCues {
  private readonly offsets = new Map<string, number>()
  constructor(private readonly sessionsDir: string) {}

  read(): CueRaised[] {
    if (!existsSync(this.sessionsDir)) return []
    const found: CueRaised[] = []
    for (const name of readdirSync(this.sessionsDir)) {
      const path = join(this.sessionsDir, name, JOURNAL_FILE)
      if (!existsSync(path)) continue
      const from = this.offsets.get(path) ?? 0
      const size = statSync(path).size
      if (size <= from) continue
      const buffer = Buffer.alloc(size - from)
      const fd = openSync(path, 'r')
      try {
        readSync(fd, buffer, 0, buffer.length, from)
      } finally {
        closeSync(fd)
      }
      const text = buffer.toString('utf8')
      const end = text.lastIndexOf('\n') + 1
      this.offsets.set(path, from + Buffer.byteLength(text.slice(0, end)))
      for (const line of text.slice(0, end).split('\n')) {
        if (!line.includes('"raised"')) continue
        const entry = JSON.parse(line) as { kind?: string; event?: { type?: string; phase?: string; id?: string; t?: number } }
        if (entry.kind === 'engine' && entry.event?.type === 'cue' && entry.event.phase === 'raised' && entry.event.id && typeof entry.event.t === 'number') {
          found.push({ id: entry.event.id, frameMs: entry.event.t })
        }
      }
    }
    return found
  }
}

/** On Home: the squat alone, as PLAN; then Start. */
async function planSquat(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Clear' }).click()
  await page.getByTestId('exercise-squat').getByRole('checkbox').check()
  await page.getByTestId('sets-squat').fill(String(PLAN.sets))
  await page.getByTestId('reps-squat').fill(String(PLAN.reps))
  await page.getByTestId('rest-squat').fill(String(PLAN.restSeconds))
  await page.getByTestId('start-workout').click()
  await page.getByTestId('set').waitFor({ state: 'visible', timeout: SET_START_TIMEOUT_MS })
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

async function main() {
  const minutes = minutesArg()
  const problem = footageProblem(CLIP) ?? builtRendererProblem()
  if (problem) throw new Error(`bench:soak cannot run. ${problem}`)
  const y4m = prepareClip({ clip: CLIP, durationS: CLIP_S, width: CLIP_WIDTH, fps: CAMERA_FPS, format: 'y4m' })
  const server = await startHarnessServer()
  const dataDir = await mkdtemp(join(os.tmpdir(), 'revup-soak-'))
  const marker = `--revup-soak=${process.pid}`
  const browser = await launchChromium({ fakeCameraY4m: y4m, extraArgs: ['--enable-blink-features=ForceEagerMeasureMemory', '--autoplay-policy=no-user-gesture-required', marker] })
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const bridge = await installPreloadBridge(context, { dataDir, allowedOrigin: server.origin })
  try {
    // A system voice that says nothing (as a runner's OS voice would, outside the renderer), and the probe.
    await context.addInitScript(SPEECH_SPY)
    const [model, threads] = [modelArg(), threadsArg()]
    if (model) {
      await context.addInitScript((m) => localStorage.setItem('revup.settings', JSON.stringify({ state: { settings: { model: m, modelChoice: 'manual', backend: 'wasm' } }, version: 1 })), model)
    }
    if (threads) await context.addInitScript(([key, n]) => localStorage.setItem(key, n), [WASM_THREAD_COUNT_KEY, String(threads)] as const)
    // tsx names the probe's inner functions with an `__name` helper the page lacks: give it a no-op one.
    await context.addInitScript({ content: `var __name = (f) => f;\n(${SOAK_PROBE.toString()})()` })
    const page = await context.newPage()
    page.on('pageerror', (e) => console.error(`  page error: ${e.message}`))
    const cdp = await context.newCDPSession(page)
    const browserCdp = await browser.newBrowserCDPSession()
    await cdp.send('Performance.enable')
    await page.goto(`${server.origin}/index.html`)
    console.log(`bench:soak ${minutes} min, ${CLIP} (${CLIP_WIDTH} px wide, ${CAMERA_FPS} fps y4m, looped by the fake camera); squat planned ${PLAN.sets} × ${PLAN.reps}, rest ${PLAN.restSeconds} s`)
    console.log(`bench:soak ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at start; WASM threads ${threads ?? "tfjs's choice"}`)
    const t0 = Date.now()
    await planSquat(page)
    const live = page.getByTestId('live-view')
    console.log(`bench:soak set screen after ${((Date.now() - t0) / 1000).toFixed(0)} s (${await live.getAttribute('data-model')} on ${await live.getAttribute('data-backend')})`)

    const journal = new JournalCues(join(dataDir, 'sessions'))
    const shown: CueShown[] = []
    const raised: CueRaised[] = []
    const samples: SoakSample[] = []
    let memoryNote: string | undefined
    let heapSplitNote: string | undefined
    let restarts = 0
    const start = Date.now()
    const pageStartMs = await page.evaluate(() => (window as unknown as { __soak: { now(): number } }).__soak.now())
    // The heap split forces a full collection in every isolate (the pose worker's too): ~1% of frames dropped
    // when taken every row, so it is taken every HEAP_SPLIT_EVERY readings, always including the first row's and the last.
    const take = async (withHeapSplit: boolean) => {
      const atMs = Date.now() - start
      const r = await page.evaluate(() => (window as unknown as { __soak: { sample(): Promise<ProbeReading> } }).__soak.sample())
      const metrics = await cdp.send('Performance.getMetrics')
      const rssBytes = rendererRss(marker) // before the dump's forced collection, like every other row's
      const split = withHeapSplit ? await dumpPageHeap(browserCdp) : null
      const heap = split && 'error' in split ? null : split
      if (split && 'error' in split) heapSplitNote ??= split.error
      memoryNote ??= r.memoryError
      shown.push(...r.shown)
      raised.push(...journal.read())
      samples.push({
        atMs, poses: r.poses, workerDropped: r.workerDropped, countsAtMs: r.countsAtMs, cameraFrames: r.cameraFrames, cameraAtMs: r.cameraAtMs,
        phase: restarts > 0 ? `${r.phase} (workout ${restarts + 1})` : r.phase,
        pageBytes: r.pageBytes, workerBytes: r.workerBytes, pageCodeBytes: heap?.codeBytes ?? null, pageDataBytes: heap?.dataBytes ?? null, rendererRssBytes: rssBytes,
        domNodes: metrics.metrics.find((m) => m.name === 'Nodes')?.value ?? null, load: os.loadavg()[0]
      })
    }

    await take(false)
    const snapshots = heapSnapshotsArg()
    if (snapshots) {
      await mkdir(snapshots, { recursive: true })
      await writeHeapSnapshot(cdp, join(snapshots, 'first.heapsnapshot'))
    }
    const endMs = minutes * 60_000
    for (let next = SAMPLE_EVERY_MS; next <= endMs; next += SAMPLE_EVERY_MS) {
      while (Date.now() - start < next) {
        await sleep(1000)
        // All sets done: start the workout again, so the soak goes on (a new live view and pose worker).
        if (await page.getByTestId('summary').isVisible()) {
          restarts++
          console.log(`bench:soak workout ${restarts} ended at ${((Date.now() - start) / 60_000).toFixed(1)} min; starting another`)
          await page.getByRole('button', { name: 'Back to Home' }).click()
          await planSquat(page)
        }
      }
      await take(samples.length % HEAP_SPLIT_EVERY === 1 || next + SAMPLE_EVERY_MS > endMs)
      const [a, b] = samples.slice(-2)
      console.log(`  ${(b.atMs / 60_000).toFixed(1)} min: ${b.phase}, ${(((b.poses - a.poses) * 1000) / Math.max(1, b.countsAtMs - a.countsAtMs)).toFixed(1)} poses/s, ${shown.length} cues shown so far`)
    }

    if (snapshots) {
      await writeHeapSnapshot(cdp, join(snapshots, 'last.heapsnapshot'))
      console.log(`bench:soak heap snapshots of the page as the set began and at the last row: ${snapshots} (npx tsx tests/bench/heapDiff.ts ${snapshots}/first.heapsnapshot ${snapshots}/last.heapsnapshot [top] [--code])`)
    }
    const cues = matchCues(raised, shown)
    const summary = summarise(samples, cues)
    console.log(`\n${ROW_HEADER}`)
    for (const row of soakRows(samples, cues.latencies, pageStartMs)) console.log(formatRow(row))
    const reps = await page.getByTestId('rep-count').textContent().catch(() => null)
    console.log(`\nbench:soak memory: page and pose worker = measureUserAgentSpecificMemory() by realm${memoryNote ? ` (${memoryNote})` : ''}; page code / data = the page isolate's V8 spaces in a memory-infra dump (v8Heap.ts${heapSplitNote ? `; a dump failed: ${heapSplitNote}` : ''}), whose forced collection costs the next row ~1-2% of its frames; renderer RSS = /proc VmRSS of the renderer process(es); DOM nodes = CDP Performance.getMetrics`)
    console.log(`bench:soak camera fps = the camera track's stats.totalFrames${samples.some((s) => s.cameraFrames === null) ? ' (not available in this browser: dropped frames not measured)' : ''}; delivered = the live view's pose counter; cue latency = frame capture (journal) → cue on screen (next rendered frame)`)
    const mbAt = (b: number | null | undefined) => (b ? `${(b / 1048576).toFixed(1)} MB` : '–')
    console.log(`bench:soak memory as the set began (before the first row, not counted as growth): page ${mbAt(samples[0]?.pageBytes)}, pose worker ${mbAt(samples[0]?.workerBytes)}`)
    console.log(`bench:soak reps on screen at the end: ${reps ?? '–'}; workouts started: ${restarts + 1}; load average ${os.loadavg()[0].toFixed(1)} at the end`)
    const ids = [...new Set(raised.map((r) => r.id))]
    console.log(`bench:soak cues raised (shown with a latency): ${ids.map((id) => `${id} ${raised.filter((r) => r.id === id).length} (${cues.latencies.filter((l) => l.id === id).length})`).join(', ') || 'none'}`)
    console.log(summaryLine(summary))
    console.log(verdictLine(summary))
  } finally {
    await browser.close()
    await bridge.dispose()
    await server.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(`bench:soak failed: ${(err as Error).stack ?? String(err)}`)
  process.exit(1)
})
