/**
 * `npm run bench`: how fast the pose pipeline runs on THIS machine, in headless Chromium, on a
 * real clip. For each model × available backend: frames/s through the worker, inference ms
 * p50/p95, frame-to-pose latency p50/p95 at a real-time 30 fps feed, peak browser memory; and the
 * peer, the official MediaPipe Tasks runtime (PoseLandmarker, CPU delegate, in a module worker) running
 * the same BlazePose Lite and Full networks on the same frames, right after our own run of each.
 * Ends with one `bench:` line for the default model, its frames/s against the peer's as a ratio.
 * Before them, the worker path against the same model run on the page (alternating rounds, same
 * run) for BlazePose Lite and Full. Flags: --quick (default model only), --threads (allow WASM
 * threads, as the app does, to measure what they buy; the page is built unminified like the app,
 * which threads need), --compare-only (just the worker/page comparison), --full-variants (what WASM
 * threads and a smaller input give BlazePose Full), --legacy-mediapipe (also the old `@mediapipe/pose`
 * solution, which needs WebGL: ~2 frames/s without a GPU, no fair reference).
 *
 * The peer's runtime posts usage telemetry to a Google endpoint: every request to a host other than
 * the bench's own server is aborted (Playwright route) and counted; its WASM and `.task` bundles
 * (tests/bench/tasksBundle.ts, cached in tests/.cache/tasks) are served locally.
 */
import { readFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import { dirname, resolve } from 'node:path'
import { launchChromium } from '../harness/browser'
import { buildPage } from '../harness/buildLive'
import { footageProblem, prepareClip } from '../harness/clips'
import { DEFAULT_ROOTS, REPO_ROOT, startHarnessServer } from '../harness/server'
import { DEFAULT_POSE_MODEL, POSE_MODEL_IDS, type PoseModelId } from '../../src/pose/catalogue'
import type { ComboRequest, ComboResult, CompareResult, PeerRunResult, Variant } from './page/bench'
import { ensurePoseTask, type PoseTaskVariant } from './tasksBundle'

const MODELS = POSE_MODEL_IDS
/** Frames and wall time per phase per combination: bounds the run to a few minutes on 2 cores. */
const THROUGHPUT_FRAMES = 90
const PHASE_BUDGET_MS = 8_000
const CLIP_FPS = 30
/** Targets for the default model: a 30 fps camera kept up with, cues within ~2 frames. */
const TARGET_FPS = 30
const TARGET_P95_LATENCY_MS = 70
/** MediaPipe's modelComplexity for the BlazePose variant of the same size. */
const MEDIAPIPE_COMPLEXITY: Record<PoseModelId, 0 | 1 | 2> = { 'blazepose-lite': 0, 'blazepose-full': 1, 'blazepose-heavy': 2, 'movenet-lightning': 0, 'movenet-thunder': 1 }
/** The peer's `.task` for the models it runs: the same BlazePose networks. */
const PEER_VARIANT: Partial<Record<PoseModelId, PoseTaskVariant>> = { 'blazepose-lite': 'lite', 'blazepose-full': 'full' }
const POSE_PACKAGE_DIR = resolve(REPO_ROOT, 'node_modules', '@mediapipe', 'pose')
const TASKS_WASM_DIR = resolve(REPO_ROOT, 'node_modules', '@mediapipe', 'tasks-vision', 'wasm')
const TASKS_CACHE_DIR = resolve(REPO_ROOT, 'tests', '.cache', 'tasks')

const quick = process.argv.includes('--quick')
const threads = process.argv.includes('--threads')
const compareOnly = process.argv.includes('--compare-only')
const fullVariants = process.argv.includes('--full-variants')
const legacyMediapipe = process.argv.includes('--legacy-mediapipe')
const parity = process.argv.includes('--parity')
/** Frames per source for --parity (each read twice and run through two detectors). */
const PARITY_FRAMES = 60
/**
 * Worker/page comparison: short alternating rounds, so both sides of a pair see the same load on a
 * shared machine; the ratio reported is the median of the pairs' ratios (a load burst hits one pair).
 */
const COMPARE_ROUNDS = 12
const COMPARE_FRAMES_PER_ROUND = 20
/** BlazePose Full variants for issue 12: WASM threads, and the widest input the model reads (px). */
const FULL_VARIANTS: Variant[] = [
  { label: '640 px, 1 thread (the app)', wasmThreads: false },
  { label: '640 px, 2 WASM threads (cap lifted)', wasmThreads: true, wasmThreadCount: 2 },
  { label: '480 px', wasmThreads: false, analysisWidth: 480 },
  { label: '320 px', wasmThreads: false, analysisWidth: 320 }
]
const VARIANT_ROUNDS = 6
const VARIANT_FRAMES_PER_ROUND = 20

/** Resident memory of the browser and all its child processes, in bytes (Linux /proc). */
function browserTreeRss(marker: string): number {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  const parent = new Map<string, string>()
  let root: string | null = null
  for (const pid of procs) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (root === null && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) root = pid
    } catch {
      // The process exited while we looked.
    }
  }
  if (root === null) return 0
  let total = 0
  for (const pid of procs) {
    let p: string | undefined = pid
    while (p && p !== root && p !== '1' && p !== '0') p = parent.get(p)
    if (p !== root) continue
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (rss) total += Number(rss[1]) * 1024
    } catch {
      // Gone.
    }
  }
  return total
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const fmt = (v: number | null | undefined, digits = 0) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits))
const mb = (bytes: number | null | undefined) => (bytes ? (bytes / 1048576).toFixed(0) : '–')

async function main() {
  const problem = footageProblem()
  if (problem) throw new Error(`bench needs the footage: ${problem}`)
  const started = Date.now()
  const clip = prepareClip({ format: 'mp4', durationS: 5, width: 640, fps: CLIP_FPS })
  const pageDir = await buildPage(resolve(REPO_ROOT, 'tests', 'bench', 'page'), resolve(REPO_ROOT, 'tests', '.cache', 'bench'), ['mediapipe.html'])
  const tasks = Object.fromEntries(Object.values(PEER_VARIANT).map((v) => [v, ensurePoseTask(v, POSE_PACKAGE_DIR, TASKS_CACHE_DIR)]))
  const server = await startHarnessServer({
    roots: { rendererDir: pageDir, modelsDir: DEFAULT_ROOTS.modelsDir },
    extraRoots: { '/clips/': dirname(clip), '/tasks-vision/': TASKS_WASM_DIR, '/tasks/': TASKS_CACHE_DIR }
  })
  const marker = `--revup-bench=${process.pid}`
  const browser = await launchChromium({ extraArgs: ['--enable-blink-features=ForceEagerMeasureMemory', marker] })
  const clipUrl = `${server.origin}/clips/${clip.split('/').pop()}`
  // Nothing leaves the machine: the peer's telemetry (and anything else for another host) is aborted.
  const blocked: string[] = []
  const context = await browser.newContext()
  await context.route((url) => url.origin !== server.origin, (route) => {
    blocked.push(new URL(route.request().url()).host)
    return route.abort('blockedbyclient')
  })
  try {
    const page = await context.newPage()
    page.on('pageerror', (e) => console.error(`  page error: ${e.message}`))
    await page.goto(`${server.origin}/index.html`)
    await page.waitForSelector('body[data-ready=true]', { state: 'attached' })
    const frameCount = await page.evaluate(([url, n]) => window.bench.loadFrames(url, n), [clipUrl, 150] as const)
    const hasWebGpu = await page.evaluate(async () => {
      const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu
      return gpu ? (await gpu.requestAdapter()) !== null : false
    })
    const backends: ('wasm' | 'webgl' | 'webgpu')[] = ['wasm', 'webgl', ...(hasWebGpu ? (['webgpu'] as const) : [])]
    const load = () => (os.loadavg()[0]).toFixed(1)
    console.log(`bench: load average ${load()} on ${os.cpus().length} cores at start (other processes share the CPU; numbers scale with it)`)
    const isolated = await page.evaluate(() => window.bench.isolation())
    console.log(`bench: cross-origin isolated: page ${isolated.page}, module worker ${isolated.worker.crossOriginIsolated} (SharedArrayBuffer ${isolated.worker.sharedArrayBuffer}, ${isolated.worker.cores} logical cores)`)
    console.log(`bench: ${frameCount} frames of ${clip.split('/').pop()}, ${backends.join('/')} (webgpu ${hasWebGpu ? 'present' : 'absent'}), WASM threads ${threads ? 'allowed' : 'off'}`)

    // What automatic model choice measures in the app (its own worker, tracking mode, synthetic frame): every model timed.
    const timed = await page.evaluate(() => window.bench.timeModels(true)).catch((err: Error) => ({ error: err.message }))
    console.log('error' in timed
      ? `bench: model timing failed — ${timed.error}`
      : `bench: model timing (app's automatic choice, ${timed.backend}): ${timed.timings.map((t) => `${t.model} ${t.msPerFrame !== undefined ? `${fmt(t.msPerFrame, 1)} ms` : t.error}`).join(', ')}`)

    if (parity) {
      // The worker's input path (copyTo RGBA, its own tensor, its Transform) against the canvas read, tfjs fromPixels and the C++ Transform, same frames.
      console.log('\n| model | frames | format | colour bytes differing | max byte diff | keypoint shift max / mean px | person found differs | tensors grown |\n|---|---|---|---|---|---|---|---|')
      for (const model of ['blazepose-lite', 'blazepose-full'] as const) {
        for (const source of ['bitmap', 'yuv'] as const) {
          const r = await page.evaluate(([m, s, n]) => window.bench.checkInputParity(m, s, n), [model, source, PARITY_FRAMES] as const)
          console.log(`| ${model} | ${r.frames} ${source === 'bitmap' ? "(the bench's, RGB)" : '(from <video>)'} | ${r.format} | ${r.bytesDiffering} | ${r.maxByteDiff} | ${fmt(r.maxKeypointShiftPx, 3)} / ${fmt(r.meanKeypointShiftPx, 3)} | ${r.personMismatches} | ${r.tensorGrowth} |`)
        }
      }
    }

    const compared: CompareResult[] = []
    for (const model of quick ? [DEFAULT_POSE_MODEL] : (['blazepose-lite', 'blazepose-full'] as const)) {
      const r = await page.evaluate((req) => window.bench.comparePageWorker(req), { model, wasmThreads: threads, rounds: COMPARE_ROUNDS, framesPerRound: COMPARE_FRAMES_PER_ROUND })
      compared.push(r)
      console.log(r.ok
        ? `  ${model} worker ${fmt(r.workerFps, 1)} vs page ${fmt(r.pageFps, 1)} frames/s (rounds page/worker: ${r.rounds!.map((x) => `${fmt(x.pageFps, 1)}/${fmt(x.workerFps, 1)}`).join(', ')})`
        : `  ${model} worker vs page: not measured — ${r.error}`)
    }
    const pairRatio = (r: CompareResult) => median(r.rounds!.map((x) => x.workerFps / x.pageFps))
    console.log('\n| model (wasm) | worker frames/s | page frames/s | worker/page (all frames) | worker/page (median of pairs) |\n|---|---|---|---|---|')
    for (const r of compared) console.log(`| ${r.model} | ${fmt(r.workerFps, 1)} | ${fmt(r.pageFps, 1)} | ${r.ok ? fmt(r.workerFps! / r.pageFps!, 3) : r.error} | ${r.ok ? fmt(pairRatio(r), 3) : ''} |`)
    console.log('\n| model (wasm) | worker: read p50 ms | worker: estimatePoses p50 ms | page: per frame p50 ms (read included) | page: read alone p50 ms |\n|---|---|---|---|---|')
    for (const r of compared) if (r.ok) console.log(`| ${r.model} | ${fmt(r.workerReadP50, 2)} | ${fmt(r.workerInferenceP50, 1)} | ${fmt(r.pageFrameP50, 1)} | ${fmt(r.pageReadP50, 2)} |`)
    console.log('\n| model (wasm) | worker: wait | read | tensor | estimatePoses | pose | sum | per frame (1000 / frames/s) | rest | page: fromPixels + cast p50 ms |\n|---|---|---|---|---|---|---|---|---|---|')
    for (const r of compared) {
      const s = r.ok ? r.workerStagesMean : null
      if (!s) continue
      const sum = s.waitMs + s.readMs + s.tensorMs + s.estimateMs + s.poseMs
      const perFrame = 1000 / r.workerFps!
      console.log(`| ${r.model} (mean ms) | ${fmt(s.waitMs, 2)} | ${fmt(s.readMs, 2)} | ${fmt(s.tensorMs, 2)} | ${fmt(s.estimateMs, 1)} | ${fmt(s.poseMs, 2)} | ${fmt(sum, 1)} | ${fmt(perFrame, 1)} | ${fmt(perFrame - sum, 2)} | ${fmt(r.pageTensorP50, 2)} |`)
    }
    for (const r of compared) if (r.ok) console.log(`bench: worker-vs-page model=${r.model} workerFps=${fmt(r.workerFps, 1)} pageFps=${fmt(r.pageFps, 1)} ratio=${fmt(pairRatio(r), 3)}`)

    if (fullVariants) {
      const variants = await page.evaluate(([v, r, n]) => window.bench.compareVariants('blazepose-full', v, r, n), [FULL_VARIANTS, VARIANT_ROUNDS, VARIANT_FRAMES_PER_ROUND] as const)
      console.log('\n| blazepose-full (wasm, worker) | threads in use | frames/s (one at a time) | inference p50 ms | vs first (median of rounds) | keypoint shift vs 640 px, px |\n|---|---|---|---|---|---|')
      for (const r of variants) {
        console.log(r.ok
          ? `| ${r.label} | ${r.wasmThreads ?? '–'} | ${fmt(r.fps, 1)} | ${fmt(r.inferenceP50)} | ${fmt(r.ratio, 3)} | ${fmt(r.meanShiftPx, 1)} |`
          : `| ${r.label} | – | – | – | – | ${r.error} |`)
      }
      // Threads take both cores: what a camera-rate feed gets (frames offered at 30 fps, the newest kept).
      console.log('\n| blazepose-full, 30 fps offered | threads in use | throughput frames/s | real-time fps | latency p50/p95 ms | dropped |\n|---|---|---|---|---|---|')
      for (const v of FULL_VARIANTS.slice(0, 2)) {
        const request: ComboRequest = { model: 'blazepose-full', backend: 'wasm', throughputFrames: THROUGHPUT_FRAMES, phaseBudgetMs: PHASE_BUDGET_MS, realtimeFps: CLIP_FPS, wasmThreads: v.wasmThreads, ...(v.wasmThreadCount ? { wasmThreadCount: v.wasmThreadCount } : {}) }
        const r = await page.evaluate((req) => window.bench.runCombo(req), request)
        console.log(r.ok
          ? `| ${v.label} | ${r.wasmThreads ?? '–'} | ${fmt(r.fps, 1)} | ${fmt(r.realtimeFps, 1)} | ${fmt(r.latencyP50)}/${fmt(r.latencyP95)} | ${r.dropped ?? '–'} |`
          : `| ${v.label} | – | – | – | – | ${r.error} |`)
      }
    }
    if (compareOnly) return

    const results: (ComboResult & { peakRssBytes: number })[] = []
    const peers = new Map<PoseModelId, PeerRunResult & { peakRssBytes: number }>()
    for (const model of quick ? [DEFAULT_POSE_MODEL] : MODELS) {
      for (const backend of backends) {
        let peak = 0
        const sampler = setInterval(() => (peak = Math.max(peak, browserTreeRss(marker))), 500)
        const request: ComboRequest = { model, backend, wasmThreads: threads, throughputFrames: THROUGHPUT_FRAMES, phaseBudgetMs: PHASE_BUDGET_MS, realtimeFps: CLIP_FPS }
        const result = await page.evaluate((req) => window.bench.runCombo(req), request)
        clearInterval(sampler)
        if (result.ok && result.backend !== backend) Object.assign(result, { ok: false, error: `${backend} did not start; the worker fell back to ${result.backend}` })
        results.push({ ...result, backend, peakRssBytes: peak })
        console.log(result.ok
          ? `  ${model} on ${backend}: ${fmt(result.fps, 1)} frames/s, inference p50 ${fmt(result.inferenceP50)} ms, latency p95 ${fmt(result.latencyP95)} ms`
          : `  ${model} on ${backend}: not measured — ${result.error}`)
      }
      // The peer on the same network, right after ours, so both see much the same load.
      const variant = PEER_VARIANT[model]
      if (variant) {
        let peak = 0
        const sampler = setInterval(() => (peak = Math.max(peak, browserTreeRss(marker))), 500)
        const taskUrl = `/tasks/${tasks[variant].split('/').pop()}`
        const r = await page.evaluate((req) => window.bench.runPeer(req), { variant, taskUrl, wasmBase: '/tasks-vision', throughputFrames: THROUGHPUT_FRAMES, phaseBudgetMs: PHASE_BUDGET_MS })
        clearInterval(sampler)
        peers.set(model, { ...r, peakRssBytes: peak })
        console.log(r.ok
          ? `  ${model} on the MediaPipe Tasks peer: ${fmt(r.fps, 1)} frames/s, inference p50 ${fmt(r.inferenceP50)} ms (loaded in ${fmt(r.loadMs)} ms)`
          : `  ${model} on the MediaPipe Tasks peer: not measured — ${r.error}`)
      }
    }

    const mediapipe: Record<number, { fps: number; p50: number | null; p95: number | null; personRate: number; peakRssBytes: number; memoryBytes: number | null } | { error: string }> = {}
    const complexities = !legacyMediapipe ? [] : quick ? [MEDIAPIPE_COMPLEXITY[DEFAULT_POSE_MODEL]] : [0, 1, 2]
    const mp = legacyMediapipe ? await context.newPage() : null
    if (mp) {
      mp.on('pageerror', (e) => console.error(`  mediapipe page error: ${e.message}`))
      await mp.goto(`${server.origin}/mediapipe.html`)
      await mp.waitForSelector('body[data-ready=true]', { state: 'attached' })
    }
    for (const c of complexities) {
      let peak = 0
      const sampler = setInterval(() => (peak = Math.max(peak, browserTreeRss(marker))), 500)
      try {
        const r = await mp!.evaluate(([cx, n, budget, url]) => window.mediapipeBench.run(cx as 0 | 1 | 2, n as number, budget as number, url as string), [c, THROUGHPUT_FRAMES, PHASE_BUDGET_MS, clipUrl] as const)
        mediapipe[c] = { ...r, peakRssBytes: peak }
        console.log(`  mediapipe complexity ${c}: ${fmt(r.fps, 1)} frames/s, p50 ${fmt(r.p50)} ms`)
      } catch (err) {
        mediapipe[c] = { error: (err as Error).message.split('\n')[0] }
        console.log(`  mediapipe complexity ${c}: failed — ${(mediapipe[c] as { error: string }).error}`)
      } finally {
        clearInterval(sampler)
      }
    }

    console.log('\n| model | backend | frames/s | inference p50/p95 ms | real-time fps (30 offered) | latency p50/p95 ms | person found | JS+WASM heap MB | peak browser RSS MB |')
    console.log('|---|---|---|---|---|---|---|---|---|')
    for (const r of results) {
      console.log(r.ok
        ? `| ${r.model} | ${r.backend}${r.wasmThreads && r.wasmThreads > 1 ? ` (${r.wasmThreads} threads)` : ''} | ${fmt(r.fps, 1)} | ${fmt(r.inferenceP50)}/${fmt(r.inferenceP95)} | ${fmt(r.realtimeFps, 1)} | ${fmt(r.latencyP50)}/${fmt(r.latencyP95)} | ${fmt((r.personRate ?? 0) * 100)}% | ${mb(r.memoryBytes)} | ${mb(r.peakRssBytes)} |`
        : `| ${r.model} | ${r.backend} | – | – | – | – | – | – | ${r.error} |`)
    }
    for (const [model, r] of peers) {
      console.log(r.ok
        ? `| ${model} on MediaPipe Tasks (peer) | wasm (XNNPACK, CPU delegate), module worker | ${fmt(r.fps, 1)} | ${fmt(r.inferenceP50)}/${fmt(r.inferenceP95)} | – | – | ${fmt((r.personRate ?? 0) * 100)}% | ${mb(r.memoryBytes)} | ${mb(r.peakRssBytes)} |`
        : `| ${model} on MediaPipe Tasks (peer) | wasm, module worker | – | – | – | – | – | – | ${r.error} |`)
    }
    for (const [c, r] of Object.entries(mediapipe)) {
      console.log('error' in r
        ? `| mediapipe (official, complexity ${c}) | wasm+webgl, main thread | failed: ${r.error} | | | | | | |`
        : `| mediapipe (official, complexity ${c}) | wasm+webgl, main thread | ${fmt(r.fps, 1)} | ${fmt(r.p50)}/${fmt(r.p95)} | – | (sequential) ${fmt(r.p50)}/${fmt(r.p95)} | ${fmt(r.personRate * 100)}% | ${mb(r.memoryBytes)} | ${mb(r.peakRssBytes)} |`)
    }

    // The default model's line: on the backend 'auto' would pick (fastest measured).
    const candidates = results.filter((r) => r.model === DEFAULT_POSE_MODEL && r.ok).sort((a, b) => (b.fps ?? 0) - (a.fps ?? 0))
    const best = candidates[0]
    const peerFpsOf = (model: PoseModelId) => {
      const p = peers.get(model)
      return p?.ok ? (p.fps ?? null) : null
    }
    const peerFps = peerFpsOf(DEFAULT_POSE_MODEL)
    const ratio = (ours: number | undefined, peer: number | null) => (ours !== undefined && peer ? ours / peer : null)
    console.log(`\nbench took ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${load()} at the end`)
    const telemetry = blocked.filter((h) => h.endsWith('googleapis.com')).length
    const refused = [...peers.values()].flatMap((p) => p.blockedByCsp ?? [])
    console.log(`bench: requests to other hosts aborted: ${blocked.length} (${telemetry} to Google's telemetry endpoint${blocked.length > 0 ? `; hosts: ${[...new Set(blocked)].join(', ')}` : ''}); refused earlier by the peer worker's CSP: ${refused.length}${refused.length > 0 ? ` (${[...new Set(refused)].join(', ')})` : ''}`)
    for (const model of peers.keys()) {
      const ours = results.filter((r) => r.model === model && r.ok).sort((a, b) => (b.fps ?? 0) - (a.fps ?? 0))[0]
      console.log(`bench: peer model=${model} backend=${ours?.backend ?? 'none'} fps=${fmt(ours?.fps, 1)} peerFps=${fmt(peerFpsOf(model), 1)} ratio=${fmt(ratio(ours?.fps, peerFpsOf(model)), 3)}`)
    }
    if (best) {
      const gaps = [
        (best.fps ?? 0) < TARGET_FPS ? `frames/s ${fmt(best.fps, 1)} < ${TARGET_FPS}` : null,
        (best.latencyP95 ?? Infinity) >= TARGET_P95_LATENCY_MS ? `p95 latency ${fmt(best.latencyP95)} ms >= ${TARGET_P95_LATENCY_MS} ms` : null,
        peerFps !== null && (best.fps ?? 0) < peerFps ? `slower than the MediaPipe Tasks peer (${fmt(peerFps, 1)} frames/s)` : null
      ].filter(Boolean)
      console.log(gaps.length === 0 ? 'bench: the default model meets every target' : `bench: default model misses: ${gaps.join('; ')}`)
    }
    console.log(`bench: model=${DEFAULT_POSE_MODEL} backend=${best?.backend ?? 'none'} fps=${fmt(best?.fps, 1)} p95LatencyMs=${fmt(best?.latencyP95)} peerFps=${fmt(peerFps, 1)} ratio=${fmt(ratio(best?.fps, peerFps), 3)}`)
  } finally {
    await browser.close()
    await server.close()
  }
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${(err as Error).stack ?? String(err)}`)
  process.exit(1)
})
