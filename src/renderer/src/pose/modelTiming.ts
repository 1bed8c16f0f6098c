/**
 * Timing pose models inside the pose worker, for the automatic model choice (modelChoice.ts). Each
 * model runs in steady state: BlazePose is held in tracking mode (its landmark network on a region
 * carried from the last frame, as during a set; the person detector runs only when tracking is lost),
 * so a synthetic frame costs what a camera frame with a runner in it costs.
 */
import type { PoseDetector } from '@tensorflow-models/pose-detection'
import { ESTIMATION_CONFIG, createDetector } from '../../../pose/models'
import { median } from './backendRanking'
import { activateBackend } from './backends'
import { MAX_ANALYSIS_WIDTH, type RgbaPixels } from './frameInput'
import { InputTensorBuilder } from './inputTensor'
import { checkedModelHandler } from './modelFiles'
import { stopsTiming } from './modelChoice'
import type { ModelTimingsReply, TimeModelsRequest } from './protocol'

/** Untimed runs first (allocation, kernel set-up), then timed ones; the median is kept. */
export const WARM_UP_RUNS = 2
export const TIMED_RUNS = 8

/** A standing runner's region in a 16:9 frame, normalised (pose-detection's Rect): centre, size, rotation. */
const TRACKED_REGION = { xCenter: 0.5, yCenter: 0.5, width: 0.45, height: 0.8, rotation: 0 }

/**
 * Keeps BlazePose in tracking mode: pose-detection 2.1.3 (pinned) carries the region between frames in
 * `regionOfInterest` and drops it when no pose is found, which on a synthetic frame is every time.
 */
function holdTracking(detector: PoseDetector): void {
  const tracked = detector as unknown as { regionOfInterest?: unknown }
  if ('regionOfInterest' in tracked) tracked.regionOfInterest = { ...TRACKED_REGION }
}

/** A grey frame with noise, the size the model reads from a 16:9 camera, as RGBA pixels. */
function syntheticFrame(): RgbaPixels {
  const width = MAX_ANALYSIS_WIDTH
  const height = Math.round((width * 9) / 16)
  const data = new Uint8Array(width * height * 4)
  for (let i = 0; i < data.length; i++) data[i] = (i & 3) === 3 ? 255 : 96 + ((i * 2654435761) >>> 26)
  return { width, height, data }
}

/** Median ms per frame of what the worker does with each frame: the input tensor built from pixels, then estimatePoses. */
async function timeOne(detector: PoseDetector, frame: RgbaPixels): Promise<number> {
  const inputs = new InputTensorBuilder()
  const times: number[] = []
  for (let i = 0; i < WARM_UP_RUNS + TIMED_RUNS; i++) {
    holdTracking(detector)
    const t0 = performance.now()
    const input = inputs.build(frame)
    try {
      await detector.estimatePoses(input, ESTIMATION_CONFIG, i * 33)
    } finally {
      input.dispose()
    }
    if (i >= WARM_UP_RUNS) times.push(performance.now() - t0)
  }
  return median(times)
}

/** Times each requested model in order; after one misses the budget the rest are skipped. */
export async function timeModels(request: TimeModelsRequest): Promise<ModelTimingsReply> {
  await activateBackend(request.backend, request.modelsBaseUrl, request.wasmThreads !== false)
  const frame = syntheticFrame()
  const timings: ModelTimingsReply['timings'] = []
  let missed: string | null = null
  for (const model of request.models) {
    if (missed !== null) {
      timings.push({ model, error: `not timed: ${missed} already missed the budget` })
      continue
    }
    let detector: PoseDetector | null = null
    try {
      detector = await createDetector(model, (file) => checkedModelHandler(request.modelsBaseUrl, file))
      const msPerFrame = await timeOne(detector, frame)
      timings.push({ model, msPerFrame })
      if (stopsTiming(msPerFrame, request.budgetMs)) missed = model
    } catch (err) {
      timings.push({ model, error: (err as Error).message })
    } finally {
      detector?.dispose()
    }
  }
  return { type: 'model-timings', backend: request.backend, timings }
}
