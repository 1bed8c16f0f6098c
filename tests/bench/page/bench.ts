/**
 * Bench page: runs one model × backend through the app's own PoseClient and pose worker on
 * pre-decoded clip frames. Two phases: throughput (the next frame is offered as soon as a pose
 * returns, one waiting, as the app's slot allows) and real time (frames offered at the clip's
 * 30 fps; latency = offer to pose on this thread). Frames reach the worker as the app's do: a
 * VideoFrame transferred (each submit sends a clone: a new handle on the same pixels, no copy).
 * comparePageWorker runs the same model on this page too, in alternating rounds, for the
 * worker/page ratio. Driven by tests/bench/bench.ts.
 */
import * as tf from '@tensorflow/tfjs-core'
import { PoseClient, type PoseClientStatus, type PoseResult } from '../../../src/renderer/src/pose/poseClient'
import { ESTIMATION_CONFIG, createDetector, type PoseModelId } from '../../../src/pose/models'
import { activateBackend } from '../../../src/renderer/src/pose/backends'
import { checkedModelHandler } from '../../../src/renderer/src/pose/modelFiles'
import { InputTensorBuilder } from '../../../src/renderer/src/pose/inputTensor'
import { installWasmTransform, restoreWasmTransform } from '../../../src/renderer/src/pose/wasmTransform'
import type { BackendChoice, FrameStages, ModelTimingsReply } from '../../../src/renderer/src/pose/protocol'
import { timeModelsInWorker } from '../../../src/renderer/src/pose/modelTimingClient'
import { frameBudgetMs, timingOrder } from '../../../src/renderer/src/pose/modelChoice'
import { agentMemoryBytes, decodeClip, percentile } from './clipFrames'
import type { PeerReply, PeerRequest } from './peer.worker'

export interface ComboRequest {
  model: PoseModelId
  backend: BackendChoice
  wasmThreads: boolean
  throughputFrames: number
  phaseBudgetMs: number
  realtimeFps: number
  /** WASM threads to ask for (default tfjs's: half the logical cores). */
  wasmThreadCount?: number
  /** Widest image the model reads, px (default 640). */
  analysisWidth?: number
}

export interface ComboResult {
  model: string
  backend: string
  ok: boolean
  error?: string
  loadMs?: number
  wasmThreads?: number | null
  fps?: number
  inferenceP50?: number | null
  inferenceP95?: number | null
  realtimeFps?: number
  latencyP50?: number | null
  latencyP95?: number | null
  dropped?: number
  personRate?: number
  memoryBytes?: number | null
  tensorBytes?: number
}

let frames: ImageBitmap[] = []
let videoFrames: VideoFrame[] = []
let clipUrl = ''

async function loadFrames(url: string, maxFrames: number): Promise<number> {
  clipUrl = url
  frames = await decodeClip(url, maxFrames)
  videoFrames = frames.map((bitmap, i) => new VideoFrame(bitmap, { timestamp: Math.round((i * 1e6) / 30) }))
  return frames.length
}

function waitForStatus(client: PoseClient, timeoutMs: number): Promise<PoseClientStatus> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ phase: 'error', model: client.status.model, message: `not ready after ${timeoutMs} ms` }), timeoutMs)
    const off = client.onStatus((s) => {
      if (s.phase === 'loading') return
      clearTimeout(timer)
      queueMicrotask(() => off())
      resolve(s)
    })
  })
}

/** Frame i as the app's frame pump hands it over: a VideoFrame handle to transfer (no pixel copy). */
async function copy(i: number): Promise<VideoFrame> {
  return videoFrames[i % videoFrames.length].clone()
}

function clientFor(req: Pick<ComboRequest, 'model' | 'backend' | 'wasmThreads' | 'wasmThreadCount' | 'analysisWidth'>): PoseClient {
  return new PoseClient({
    model: req.model, backend: req.backend, storage: null, wasmThreads: req.wasmThreads,
    ...(req.wasmThreadCount !== undefined ? { wasmThreadCount: req.wasmThreadCount } : {}),
    ...(req.analysisWidth !== undefined ? { analysisWidth: req.analysisWidth } : {})
  })
}

async function runCombo(req: ComboRequest): Promise<ComboResult> {
  const base = { model: req.model, backend: req.backend }
  const client = clientFor(req)
  try {
    // Explicit backends are ready without a frame; 'auto' measures on the first one.
    if (req.backend === 'auto') client.submit(await copy(0), 0)
    const status = await waitForStatus(client, 180_000)
    if (status.phase !== 'ready') return { ...base, ok: false, error: status.phase === 'error' ? status.message : 'not ready' }
    const results: PoseResult[] = []
    let waiter: (() => void) | null = null
    client.onPose((r) => {
      results.push(r)
      waiter?.()
    })
    const nextPose = () => new Promise<void>((resolve) => (waiter = resolve))
    // Warm-up: first inferences compile kernels / shaders.
    for (let i = 0; i < 3; i++) {
      const got = nextPose()
      client.submit(await copy(i), i)
      await got
    }

    // Throughput: keep the worker fed (one in flight + one waiting).
    results.length = 0
    let t = 100
    const t0 = performance.now()
    client.submit(await copy(t), t++)
    while (results.length < req.throughputFrames && performance.now() - t0 < req.phaseBudgetMs) {
      const got = nextPose()
      while (!client.saturated) client.submit(await copy(t), t++)
      await got
    }
    const elapsed = performance.now() - t0
    const fps = (results.length / elapsed) * 1000
    const inference = results.map((r) => r.frame.inferenceMs ?? 0)
    const personRate = results.filter((r) => r.frame.keypoints.length > 0).length / Math.max(1, results.length)
    await new Promise((r) => setTimeout(r, 300))

    // Real time: offer frames on the clip's clock; the slot drops what the model cannot keep up with.
    results.length = 0
    const period = 1000 / req.realtimeFps
    const offered = Math.min(frames.length, Math.ceil((req.phaseBudgetMs / 1000) * req.realtimeFps))
    const droppedBefore = client.droppedFrames
    const r0 = performance.now()
    for (let i = 0; i < offered; i++) {
      const due = r0 + i * period
      const wait = due - performance.now()
      if (wait > 0) await new Promise((r) => setTimeout(r, wait))
      const bitmap = await copy(i)
      client.submit(bitmap, 100_000 + i * period, due)
    }
    await new Promise((r) => setTimeout(r, 1000))
    const realtimeFps = (results.length / (offered * period)) * 1000
    const latency = results.map((r) => r.latencyMs)
    const memory = await client.memory()
    return {
      ...base, backend: status.backend, ok: true, loadMs: status.loadMs, wasmThreads: status.wasmThreads,
      fps, inferenceP50: percentile(inference, 50), inferenceP95: percentile(inference, 95),
      realtimeFps, latencyP50: percentile(latency, 50), latencyP95: percentile(latency, 95),
      dropped: client.droppedFrames - droppedBefore, personRate,
      memoryBytes: await agentMemoryBytes(), tensorBytes: memory.numBytes
    }
  } catch (err) {
    return { ...base, ok: false, error: (err as Error).message }
  } finally {
    client.dispose()
  }
}

export interface CompareRequest {
  model: PoseModelId
  wasmThreads: boolean
  rounds: number
  framesPerRound: number
}

export interface CompareResult {
  model: string
  ok: boolean
  error?: string
  /** Frames/s of the app's worker path (PoseClient, transferred VideoFrames, one waiting). */
  workerFps?: number
  /** Frames/s of the same model on this page: estimatePoses on each decoded frame in turn, no worker. */
  pageFps?: number
  /** Frames/s per round, page then worker, to show the drift of the machine's load. */
  rounds?: { pageFps: number; workerFps: number }[]
  /** Worker: p50 ms to read a frame's pixels, and p50 ms inside estimatePoses. */
  workerReadP50?: number | null
  workerInferenceP50?: number | null
  /** Worker: mean ms per stage over the rounds' frames (FrameStages), where the worker says. */
  workerStagesMean?: FrameStages | null
  /** Page: p50 ms per estimatePoses (its own pixel read included), and p50 ms of that read alone (draw + getImageData). */
  pageFrameP50?: number | null
  pageReadP50?: number | null
  /** Page: p50 ms of what estimatePoses does first with a bitmap there: fromPixels (the read included) and the cast to float32. */
  pageTensorP50?: number | null
}

/**
 * The worker path against the same model run on this page (what a page without a worker would do),
 * on WASM, in alternating rounds so that both see the same load on a shared machine.
 */
async function comparePageWorker(req: CompareRequest): Promise<CompareResult> {
  const base = { model: req.model }
  const modelsBaseUrl = new URL('/models/', location.href).href
  const client = clientFor({ model: req.model, backend: 'wasm', wasmThreads: req.wasmThreads })
  try {
    await activateBackend('wasm', modelsBaseUrl, req.wasmThreads)
    const detector = await createDetector(req.model, (file) => checkedModelHandler(modelsBaseUrl, file))
    const status = await waitForStatus(client, 180_000)
    if (status.phase !== 'ready') return { ...base, ok: false, error: status.phase === 'error' ? status.message : 'not ready' }
    let poses = 0
    let waiter: (() => void) | null = null
    const workerRead: number[] = []
    const workerInference: number[] = []
    const workerStages: FrameStages[] = []
    const pageFrame: number[] = []
    let measuring = false
    client.onPose((r) => {
      poses++
      if (r.stages !== undefined) workerRead.push(r.stages.readMs)
      workerInference.push(r.frame.inferenceMs ?? 0)
      // The first frame of a round waited for the page's round, not for the worker.
      if (measuring && r.stages !== undefined && poses > 1) workerStages.push(r.stages)
      waiter?.()
    })
    const nextPose = () => new Promise<void>((resolve) => (waiter = resolve))
    for (let i = 0; i < 3; i++) {
      await detector.estimatePoses(frames[i], ESTIMATION_CONFIG, i)
      const got = nextPose()
      client.submit(await copy(i), i)
      await got
    }
    const rounds: { pageFps: number; workerFps: number }[] = []
    let t = 100
    for (let round = 0; round < req.rounds; round++) {
      const p0 = performance.now()
      for (let i = 0; i < req.framesPerRound; i++, t++) {
        const f0 = performance.now()
        await detector.estimatePoses(frames[t % frames.length], ESTIMATION_CONFIG, t)
        pageFrame.push(performance.now() - f0)
      }
      const pageFps = (req.framesPerRound / (performance.now() - p0)) * 1000
      await new Promise((r) => setTimeout(r, 200))
      poses = 0
      measuring = true
      const w0 = performance.now()
      client.submit(await copy(t), t++)
      while (poses < req.framesPerRound) {
        const got = nextPose()
        while (!client.saturated) client.submit(await copy(t), t++)
        await got
      }
      const workerFps = (poses / (performance.now() - w0)) * 1000
      measuring = false
      rounds.push({ pageFps, workerFps })
      // Drain the frame still in flight before the page runs again.
      await new Promise((r) => setTimeout(r, 200))
    }
    detector.dispose()
    // The page's pixel read alone, as tfjs's fromPixels does it on a page: draw into a willReadFrequently canvas, read back.
    const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!
    const pageRead: number[] = []
    for (let i = 0; i < 30; i++) {
      const bitmap = frames[i % frames.length]
      const r0 = performance.now()
      context.canvas.width = bitmap.width
      context.canvas.height = bitmap.height
      context.drawImage(bitmap, 0, 0)
      context.getImageData(0, 0, bitmap.width, bitmap.height)
      pageRead.push(performance.now() - r0)
    }
    // What estimatePoses does first with a bitmap on this page: fromPixels (the read above included), cast to float32.
    const pageTensor: number[] = []
    for (let i = 0; i < 30; i++) {
      const r0 = performance.now()
      tf.tidy(() => tf.cast(tf.browser.fromPixels(frames[i % frames.length]), 'float32')).dispose()
      pageTensor.push(performance.now() - r0)
    }
    const mean = (pick: (s: FrameStages) => number) => workerStages.reduce((acc, s) => acc + pick(s), 0) / workerStages.length
    const split = {
      workerReadP50: percentile(workerRead, 50), workerInferenceP50: percentile(workerInference, 50),
      workerStagesMean: workerStages.length === 0 ? null : {
        waitMs: mean((s) => s.waitMs), readMs: mean((s) => s.readMs), tensorMs: mean((s) => s.tensorMs),
        estimateMs: mean((s) => s.estimateMs), poseMs: mean((s) => s.poseMs)
      },
      pageFrameP50: percentile(pageFrame, 50), pageReadP50: percentile(pageRead, 50), pageTensorP50: percentile(pageTensor, 50)
    }
    const sum = (pick: (r: { pageFps: number; workerFps: number }) => number) => rounds.reduce((acc, r) => acc + 1000 / pick(r), 0)
    // Frames/s over all rounds = total frames / total time (ms per frame summed per round).
    return { ...base, ...split, ok: true, rounds, pageFps: (rounds.length * 1000) / sum((r) => r.pageFps), workerFps: (rounds.length * 1000) / sum((r) => r.workerFps) }
  } catch (err) {
    return { ...base, ok: false, error: (err as Error).message }
  } finally {
    client.dispose()
  }
}

export interface Variant {
  label: string
  wasmThreads: boolean
  wasmThreadCount?: number
  analysisWidth?: number
}

export interface VariantResult {
  label: string
  ok: boolean
  error?: string
  wasmThreads?: number | null
  fps?: number
  inferenceP50?: number | null
  /** Frames/s relative to the first variant: median over the rounds. */
  ratio?: number
  /** Mean distance of the keypoints (score >= 0.5 in both) from the first variant's on the same frames, px of a 640 px frame. */
  meanShiftPx?: number | null
}

/**
 * Variants of one model (threads, input size) through the app's worker, each in its own worker, in
 * interleaved rounds on the same frames: the machine's load drift hits them alike, and the poses
 * can be compared frame by frame with the first variant's.
 */
async function compareVariants(model: PoseModelId, variants: Variant[], rounds: number, framesPerRound: number): Promise<VariantResult[]> {
  const clients = variants.map((v) => clientFor({ model, backend: 'wasm', ...v }))
  try {
    const statuses = await Promise.all(clients.map((c) => waitForStatus(c, 180_000)))
    const poses = variants.map(() => new Map<number, PoseResult>())
    const times = variants.map(() => [] as number[])
    const inference = variants.map(() => [] as number[])
    for (let round = 0; round < rounds; round++) {
      for (const [i, client] of clients.entries()) {
        if (statuses[i].phase !== 'ready') continue
        let got = 0
        let waiter: (() => void) | null = null
        const off = client.onPose((r) => {
          got++
          if (round > 0 || got > 3) {
            poses[i].set(r.frame.timestampMs, r)
            inference[i].push(r.frame.inferenceMs ?? 0)
          }
          waiter?.()
        })
        // Frames one at a time so every variant sees the same ones (round 0 starts with 3 warm-up frames).
        const start = round === 0 ? 0 : 3 + round * framesPerRound
        const count = framesPerRound + (round === 0 ? 3 : 0)
        let t0 = performance.now()
        for (let k = 0; k < count; k++) {
          const next = new Promise<void>((resolve) => (waiter = resolve))
          const index = start + k
          client.submit(await copy(index), index)
          await next
          if (round === 0 && k === 2) t0 = performance.now()
        }
        times[i].push(performance.now() - t0)
        off()
      }
    }
    const shift = (a: PoseResult, b: PoseResult) => {
      const byName = new Map(b.frame.keypoints.map((k) => [k.name, k]))
      const d: number[] = []
      for (const k of a.frame.keypoints) {
        const o = byName.get(k.name)
        if (o && k.score >= 0.5 && o.score >= 0.5) d.push(Math.hypot((k.x - o.x) * 640, (k.y - o.y) * 640 * (a.frame.imageHeight / a.frame.imageWidth)))
      }
      return d
    }
    return variants.map((v, i) => {
      const status = statuses[i]
      if (status.phase !== 'ready') return { label: v.label, ok: false, error: status.phase === 'error' ? status.message : 'not ready' }
      const frames = rounds * framesPerRound
      const total = times[i].reduce((a, b) => a + b, 0)
      const ratios = times[i].map((ms, r) => times[0][r] / ms).sort((a, b) => a - b)
      const dists: number[] = []
      for (const [t, pose] of poses[i]) {
        const ref = poses[0].get(t)
        if (ref) dists.push(...shift(pose, ref))
      }
      return {
        label: v.label, ok: true, wasmThreads: status.wasmThreads, fps: (frames / total) * 1000,
        inferenceP50: percentile(inference[i], 50), ratio: ratios[ratios.length >> 1],
        meanShiftPx: dists.length ? dists.reduce((a, b) => a + b, 0) / dists.length : null
      }
    })
  } finally {
    for (const c of clients) c.dispose()
  }
}

export interface PeerRunRequest {
  /** Which BlazePose network, and the URL of its `.task` bundle on the bench server. */
  variant: 'lite' | 'full'
  taskUrl: string
  /** Folder of the Tasks runtime's WASM files on the bench server. */
  wasmBase: string
  throughputFrames: number
  phaseBudgetMs: number
}

export interface PeerRunResult {
  variant: 'lite' | 'full'
  ok: boolean
  error?: string
  loadMs?: number
  fps?: number
  inferenceP50?: number | null
  inferenceP95?: number | null
  personRate?: number
  memoryBytes?: number | null
  /** Requests the worker's CSP refused (its telemetry, when it flushed on close). */
  blockedByCsp?: string[]
}

/**
 * The peer (MediaPipe Tasks PoseLandmarker in a module worker) on the same frames, fed as runCombo's
 * throughput phase feeds the app's worker: VideoFrame handles transferred, one in flight and one
 * waiting (the worker's message queue holds it), the next offered as soon as a pose returns.
 */
async function runPeer(req: PeerRunRequest): Promise<PeerRunResult> {
  const base = { variant: req.variant }
  const worker = new Worker(new URL('./peer.worker.ts', import.meta.url), { type: 'module' })
  try {
    let listener: ((m: PeerReply) => void) | null = null
    worker.onmessage = (e: MessageEvent<PeerReply>) => listener?.(e.data)
    worker.onerror = (e) => listener?.({ type: 'error', message: e.message || 'peer worker failed to start' })
    const post = (m: PeerRequest) => worker.postMessage(m, m.type === 'frame' ? [m.frame] : [])
    const ready = await new Promise<PeerReply>((resolve) => {
      const timer = setTimeout(() => resolve({ type: 'error', message: 'peer not ready after 180 s' }), 180_000)
      listener = (m) => {
        clearTimeout(timer)
        resolve(m)
      }
      post({ type: 'init', taskUrl: req.taskUrl, wasmBase: req.wasmBase })
    })
    if (ready.type !== 'ready') return { ...base, ok: false, error: ready.type === 'error' ? ready.message : 'not ready' }
    const poses: { inferenceMs: number; keypoints: number }[] = []
    let failure: string | null = null
    let waiter: (() => void) | null = null
    listener = (m) => {
      if (m.type === 'pose') poses.push(m)
      else if (m.type === 'error') failure = m.message
      waiter?.()
    }
    // A worker that dies without a word (a WASM abort) must not hang the bench.
    const nextPose = () => new Promise<void>((resolve) => {
      const timer = setTimeout(() => ((failure ??= 'no pose from the peer in 30 s'), resolve()), 30_000)
      waiter = () => (clearTimeout(timer), resolve())
    })
    let t = 0
    const send = async () => {
      post({ type: 'frame', frame: await copy(t), id: t, timestampMs: t * (1000 / 30) })
      t++
    }
    for (let i = 0; i < 3; i++) {
      const got = nextPose()
      await send()
      await got
    }
    if (failure) return { ...base, ok: false, error: failure }
    poses.length = 0
    const t0 = performance.now()
    await send()
    await send()
    let sent = 2
    while (poses.length < req.throughputFrames && performance.now() - t0 < req.phaseBudgetMs && !failure) {
      const got = nextPose()
      await got
      while (sent - poses.length < 2) {
        await send()
        sent++
      }
    }
    const elapsed = performance.now() - t0
    if (failure) return { ...base, ok: false, error: failure }
    const inference = poses.map((p) => p.inferenceMs)
    const memoryBytes = await agentMemoryBytes()
    const closed = await new Promise<string[]>((resolve) => {
      const timer = setTimeout(() => resolve([]), 5_000)
      listener = (m) => {
        if (m.type !== 'closed') return
        clearTimeout(timer)
        resolve(m.blockedByCsp)
      }
      post({ type: 'close' })
    })
    return {
      ...base, ok: true, loadMs: ready.loadMs, fps: (poses.length / elapsed) * 1000,
      inferenceP50: percentile(inference, 50), inferenceP95: percentile(inference, 95),
      personRate: poses.filter((p) => p.keypoints > 0).length / Math.max(1, poses.length),
      memoryBytes, blockedByCsp: closed
    }
  } catch (err) {
    return { ...base, ok: false, error: (err as Error).message }
  } finally {
    worker.terminate()
  }
}

export interface ParityResult {
  /** Which frames: the bench's own (VideoFrames over decoded RGB bitmaps) or straight from the <video> (the decoder's YUV, as a camera's). */
  source: 'bitmap' | 'yuv'
  /** The VideoFrames' pixel format, as the browser reports it. */
  format: string | null
  frames: number
  /** Colour bytes that differ between the canvas read (drawImage + getImageData) and copyTo RGBA, and the largest difference. */
  bytesDiffering: number
  maxByteDiff: number
  /** Keypoints (all 33 a frame) of two detectors fed each read, through each input path: largest and mean distance, px. */
  maxKeypointShiftPx: number | null
  meanKeypointShiftPx: number | null
  /** Frames where one found a person and the other did not. */
  personMismatches: number
  /** Live tensors after the last frame less after the first (0: the input tensors are all freed). */
  tensorGrowth: number
}

/**
 * What the model sees through the worker's new input path against the old one, on the same frames: the
 * canvas read handed to estimatePoses as ImageData (tfjs fromPixels inside) with the WASM backend's own
 * Transform kernel cropping it, against copyTo RGBA, the worker's own input tensor (InputTensorBuilder) and
 * our Transform (wasmTransform.ts). Two detectors of the model, one per path, so each tracks on its own
 * input; the shift is measured in pixels of the analysed frame.
 */
async function checkInputParity(model: PoseModelId, source: 'bitmap' | 'yuv', count: number): Promise<ParityResult> {
  const modelsBaseUrl = new URL('/models/', location.href).href
  await activateBackend('wasm', modelsBaseUrl, false)
  const oldPath = await createDetector(model, (file) => checkedModelHandler(modelsBaseUrl, file))
  const newPath = await createDetector(model, (file) => checkedModelHandler(modelsBaseUrl, file))
  const builder = new InputTensorBuilder()
  const context = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true, alpha: false })!
  const pairs: { canvas: ImageData; copied: Uint8Array }[] = []
  let format: string | null = null
  const readBoth = async (frame: VideoFrame) => {
    format = frame.format
    const { displayWidth: w, displayHeight: h } = frame
    context.canvas.width = w
    context.canvas.height = h
    context.drawImage(frame, 0, 0, w, h)
    const copied = new Uint8Array(w * h * 4)
    await frame.copyTo(copied, { format: 'RGBA', colorSpace: 'srgb' })
    pairs.push({ canvas: context.getImageData(0, 0, w, h), copied })
  }
  if (source === 'bitmap') {
    for (let i = 0; i < count; i++) {
      const frame = videoFrames[i % videoFrames.length].clone()
      await readBoth(frame)
      frame.close()
    }
  } else {
    const video = document.createElement('video')
    video.muted = true
    video.src = clipUrl
    await new Promise<void>((resolve) => (video.onloadeddata = () => resolve()))
    await new Promise<void>((resolve) => {
      const onFrame = () => {
        const frame = new VideoFrame(video)
        void readBoth(frame).finally(() => frame.close()).then(() => (pairs.length >= count || video.ended ? resolve() : video.requestVideoFrameCallback(onFrame)))
      }
      video.requestVideoFrameCallback(onFrame)
      video.playbackRate = 0.5
      void video.play()
    })
    video.pause()
  }
  let bytesDiffering = 0
  let maxByteDiff = 0
  const shifts: number[] = []
  let personMismatches = 0
  let tensorsAfterFirst = 0
  for (const [i, { canvas, copied }] of pairs.entries()) {
    if (i === 1) tensorsAfterFirst = tf.memory().numTensors
    for (let b = 0; b < copied.length; b++) {
      if ((b & 3) === 3) continue
      const d = Math.abs(copied[b] - canvas.data[b])
      if (d > 0) bytesDiffering++
      if (d > maxByteDiff) maxByteDiff = d
    }
    restoreWasmTransform()
    const before = await oldPath.estimatePoses(canvas, ESTIMATION_CONFIG, i * 33)
    installWasmTransform()
    const input = builder.build({ width: canvas.width, height: canvas.height, data: copied })
    const after = await newPath.estimatePoses(input, ESTIMATION_CONFIG, i * 33)
    input.dispose()
    if ((before.length > 0) !== (after.length > 0)) personMismatches++
    if (before.length > 0 && after.length > 0) {
      for (const [k, kp] of before[0].keypoints.entries()) shifts.push(Math.hypot(kp.x - after[0].keypoints[k].x, kp.y - after[0].keypoints[k].y))
    }
  }
  const tensorGrowth = tf.memory().numTensors - tensorsAfterFirst
  oldPath.dispose()
  newPath.dispose()
  return {
    source, format, frames: pairs.length, bytesDiffering, maxByteDiff, personMismatches, tensorGrowth,
    maxKeypointShiftPx: shifts.length ? Math.max(...shifts) : null,
    meanKeypointShiftPx: shifts.length ? shifts.reduce((a, b) => a + b, 0) / shifts.length : null
  }
}

/** The app's own model timing (what automatic model choice sees); with `all`, no model is skipped. */
async function timeModels(all: boolean): Promise<ModelTimingsReply & { budgetMs: number }> {
  const budgetMs = all ? Number.POSITIVE_INFINITY : frameBudgetMs()
  const reply = await timeModelsInWorker({ models: timingOrder(), backend: 'wasm', budgetMs, wasmThreads: false }).result
  return { ...reply, budgetMs }
}

/** Whether this page and a module worker are cross-origin isolated (WASM threads need SharedArrayBuffer). */
async function isolation(): Promise<{ page: boolean; worker: { crossOriginIsolated: boolean; sharedArrayBuffer: boolean; cores: number } }> {
  const worker = new Worker(new URL('./isolation.worker.ts', import.meta.url), { type: 'module' })
  const answer = await new Promise<{ crossOriginIsolated: boolean; sharedArrayBuffer: boolean; cores: number }>((resolve) => (worker.onmessage = (e) => resolve(e.data)))
  worker.terminate()
  return { page: crossOriginIsolated, worker: answer }
}

declare global {
  interface Window {
    bench: { loadFrames: typeof loadFrames; runCombo: typeof runCombo; comparePageWorker: typeof comparePageWorker; isolation: typeof isolation; timeModels: typeof timeModels; compareVariants: typeof compareVariants; runPeer: typeof runPeer; checkInputParity: typeof checkInputParity }
  }
}
window.bench = { loadFrames, runCombo, comparePageWorker, isolation, timeModels, compareVariants, runPeer, checkInputParity }
document.body.dataset.ready = 'true'
