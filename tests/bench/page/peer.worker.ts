/// <reference lib="webworker" />
/**
 * The bench's peer: the official MediaPipe Tasks runtime (`@mediapipe/tasks-vision` PoseLandmarker,
 * CPU delegate, XNNPACK) in a module worker, running the same BlazePose networks as RevUp from a
 * `.task` built by tests/bench/tasksBundle.ts. Its WASM comes from the bench's own server
 * (node_modules/@mediapipe/tasks-vision/wasm); nothing is downloaded. Bench only: the runtime posts
 * usage telemetry, so it never goes into the app, and bench.ts blocks every request to another host.
 * VIDEO mode: the landmark network tracks the last frame's region, as tfjs BlazePose does in the app.
 */
import { FilesetResolver, PoseLandmarker } from '@mediapipe/tasks-vision'

export type PeerRequest =
  | { type: 'init'; taskUrl: string; wasmBase: string }
  | { type: 'frame'; frame: VideoFrame; id: number; timestampMs: number }
  | { type: 'close' }
export type PeerReply =
  | { type: 'ready'; loadMs: number }
  | { type: 'error'; message: string }
  | { type: 'pose'; id: number; inferenceMs: number; keypoints: number }
  | { type: 'closed'; blockedByCsp: string[] }

const scope = self as unknown as DedicatedWorkerGlobalScope
let landmarker: PoseLandmarker | null = null
const reply = (message: PeerReply) => scope.postMessage(message)
// The bench serves this worker with the app's CSP (connect-src 'self'): what it refuses is reported.
const blockedByCsp: string[] = []
scope.addEventListener('securitypolicyviolation', (e) => blockedByCsp.push((e as SecurityPolicyViolationEvent).blockedURI))

scope.onmessage = async (event: MessageEvent<PeerRequest>) => {
  const msg = event.data
  if (msg.type === 'init') {
    try {
      const t0 = performance.now()
      // useModule: this is a module worker, where importScripts cannot load the classic loader.
      const fileset = await FilesetResolver.forVisionTasks(msg.wasmBase, true)
      const response = await fetch(msg.taskUrl)
      if (!response.ok) throw new Error(`${msg.taskUrl}: HTTP ${response.status}`)
      const modelAssetBuffer = new Uint8Array(await response.arrayBuffer())
      landmarker = await PoseLandmarker.createFromOptions(fileset, {
        baseOptions: { modelAssetBuffer, delegate: 'CPU' },
        runningMode: 'VIDEO',
        numPoses: 1
      })
      reply({ type: 'ready', loadMs: performance.now() - t0 })
    } catch (err) {
      reply({ type: 'error', message: err instanceof Error ? err.message : String(err) })
    }
    return
  }
  if (msg.type === 'close') {
    // close() flushes the runtime's pending usage log (its telemetry): let it try, then report.
    landmarker?.close()
    landmarker = null
    await new Promise((r) => setTimeout(r, 500))
    reply({ type: 'closed', blockedByCsp })
    return
  }
  try {
    const s = performance.now()
    const result = landmarker!.detectForVideo(msg.frame, msg.timestampMs)
    const inferenceMs = performance.now() - s
    reply({ type: 'pose', id: msg.id, inferenceMs, keypoints: result.landmarks[0]?.length ?? 0 })
  } catch (err) {
    reply({ type: 'error', message: err instanceof Error ? err.message : String(err) })
  } finally {
    msg.frame.close()
  }
}
