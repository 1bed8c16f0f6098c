/**
 * Runs the model timing (modelTiming.ts) in a pose worker of its own, so a live pipeline's worker is
 * never disturbed; the worker ends with the answer or on cancel().
 */
import { createPoseWorker, type WorkerPort } from './poseClient'
import type { BackendName, ModelTimingsReply } from './protocol'
import type { PoseModelId } from '../../../pose/catalogue'

export interface ModelTimingRun {
  result: Promise<ModelTimingsReply>
  /** Stops the timing (its worker ends); result rejects. */
  cancel(): void
}

export interface ModelTimingOptions {
  models: PoseModelId[]
  backend: BackendName
  budgetMs: number
  modelsBaseUrl?: string
  wasmThreads?: boolean
  createWorker?: () => WorkerPort
}

export function timeModelsInWorker(options: ModelTimingOptions): ModelTimingRun {
  const worker = (options.createWorker ?? createPoseWorker)()
  let settle: { resolve(r: ModelTimingsReply): void; reject(e: Error): void } | null = null
  const result = new Promise<ModelTimingsReply>((resolve, reject) => (settle = { resolve, reject }))
  const finish = (outcome: ModelTimingsReply | Error) => {
    worker.terminate()
    const s = settle
    settle = null
    if (outcome instanceof Error) s?.reject(outcome)
    else s?.resolve(outcome)
  }
  worker.onmessage = (event) => {
    const reply = event.data
    if (reply.type === 'model-timings') finish(reply)
    else if (reply.type === 'fatal') finish(new Error(reply.message))
  }
  worker.onerror = (event) => {
    event.preventDefault?.()
    finish(new Error(`The model timing worker failed: ${event.message || 'its script did not load'}`))
  }
  worker.postMessage({
    type: 'time-models', models: options.models, backend: options.backend, budgetMs: options.budgetMs,
    modelsBaseUrl: options.modelsBaseUrl ?? new URL('/models/', location.href).href,
    ...(options.wasmThreads === false ? { wasmThreads: false } : {})
  })
  return { result, cancel: () => finish(new Error('Model timing was cancelled.')) }
}
