/**
 * Bench page for the official MediaPipe Pose runtime (@mediapipe/pose, loaded as a classic script
 * from /models/mediapipe/), on the same decoded frames, for comparison with the app's worker.
 * It runs on the page's main thread, one frame at a time (its own API is sequential).
 */
import { agentMemoryBytes, decodeClip, percentile } from './clipFrames'

interface MediaPipeResults { poseLandmarks?: unknown[] }
interface MediaPipePose {
  setOptions(options: Record<string, unknown>): void
  onResults(cb: (r: MediaPipeResults) => void): void
  initialize(): Promise<void>
  send(input: { image: HTMLCanvasElement }): Promise<void>
  close(): Promise<void>
}
declare const Pose: new (config: { locateFile: (file: string) => string }) => MediaPipePose

let frames: ImageBitmap[] = []

async function runMediapipe(complexity: 0 | 1 | 2, maxFrames: number, budgetMs: number, clipUrl: string) {
  if (frames.length === 0) frames = await decodeClip(clipUrl, maxFrames)
  const canvas = document.createElement('canvas')
  canvas.width = frames[0].width
  canvas.height = frames[0].height
  const ctx = canvas.getContext('2d')!
  const pose = new Pose({ locateFile: (file) => `/models/mediapipe/${file}` })
  pose.setOptions({ modelComplexity: complexity, smoothLandmarks: false, enableSegmentation: false, selfieMode: false })
  let found = 0
  pose.onResults((r) => {
    if (r.poseLandmarks && r.poseLandmarks.length > 0) found++
  })
  const l0 = performance.now()
  await pose.initialize()
  for (let i = 0; i < 3; i++) {
    ctx.drawImage(frames[i % frames.length], 0, 0)
    await pose.send({ image: canvas })
  }
  const loadMs = performance.now() - l0
  found = 0
  const times: number[] = []
  const t0 = performance.now()
  for (let i = 0; i < maxFrames && performance.now() - t0 < budgetMs; i++) {
    const s = performance.now()
    ctx.drawImage(frames[i % frames.length], 0, 0)
    await pose.send({ image: canvas })
    times.push(performance.now() - s)
  }
  const elapsed = performance.now() - t0
  const memoryBytes = await agentMemoryBytes()
  await pose.close()
  return { complexity, loadMs, frames: times.length, fps: (times.length / elapsed) * 1000, p50: percentile(times, 50), p95: percentile(times, 95), personRate: found / Math.max(1, times.length), memoryBytes }
}

declare global {
  interface Window {
    mediapipeBench: { run: typeof runMediapipe }
  }
}
window.mediapipeBench = { run: runMediapipe }
document.body.dataset.ready = 'true'
