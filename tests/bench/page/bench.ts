/**
 * Bench page: runs one model × backend through the app's own PoseClient and pose worker on
 * pre-decoded clip frames. Two phases: throughput (the next frame is offered as soon as a pose
 * returns, one waiting, as the app's slot allows) and real time (frames offered at the clip's
 * 30 fps; latency = offer to pose on this thread). Driven by tests/bench/bench.ts.
 */
import { PoseClient, type PoseClientStatus, type PoseResult } from '../../../src/renderer/src/pose/poseClient'
import type { PoseModelId } from '../../../src/pose/models'
import type { BackendChoice } from '../../../src/renderer/src/pose/protocol'
import { agentMemoryBytes, decodeClip, percentile } from './clipFrames'

export interface ComboRequest {
  model: PoseModelId
  backend: BackendChoice
  wasmThreads: boolean
  throughputFrames: number
  phaseBudgetMs: number
  realtimeFps: number
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

async function loadFrames(url: string, maxFrames: number): Promise<number> {
  frames = await decodeClip(url, maxFrames)
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

async function copy(i: number): Promise<ImageBitmap> {
  return createImageBitmap(frames[i % frames.length])
}

async function runCombo(req: ComboRequest): Promise<ComboResult> {
  const base = { model: req.model, backend: req.backend }
  const client = new PoseClient({ model: req.model, backend: req.backend, storage: null, wasmThreads: req.wasmThreads })
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

declare global {
  interface Window {
    bench: { loadFrames: typeof loadFrames; runCombo: typeof runCombo }
  }
}
window.bench = { loadFrames, runCombo }
document.body.dataset.ready = 'true'
