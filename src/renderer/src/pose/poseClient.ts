/**
 * The renderer's handle on the pose worker. Owns the Worker (dispose() terminates it), transfers
 * every frame to it at once (the worker keeps one running and the newest waiting, and drops the
 * rest: frameSlot.ts), remembers the measured-fastest backend per model, and hands each PoseFrame to
 * subscribers with its capture-to-pose latency.
 */
import type { PoseFrame } from '../../../shared/pose/types'
import type { SubmitOutcome } from './frameSlot'
import type { PoseModelId } from '../../../pose/catalogue'
import { BACKEND_NAMES, type BackendChoice, type BackendName, type BackendProbe, type FrameStages, type MemoryReply, type PoseImage, type WorkerReply, type WorkerRequest } from './protocol'

/** One analysed frame as subscribers see it. */
export interface PoseResult {
  frame: PoseFrame
  model: PoseModelId
  backend: BackendName
  /** Milliseconds from frame capture (performance.now clock) to the pose arriving on the UI thread. */
  latencyMs: number
  /** Live tensors in the worker after this frame. */
  numTensors: number
  /** Where the frame's time went inside the worker, when it says. */
  stages?: FrameStages
}

export type PoseClientStatus =
  | { phase: 'loading'; model: PoseModelId }
  | { phase: 'ready'; model: PoseModelId; backend: BackendName; probes: BackendProbe[]; measured: boolean; wasmThreads: number | null; loadMs: number; notice?: string }
  | { phase: 'error'; model: PoseModelId; message: string; file?: string }

/** The parts of Worker the client uses (a fake in unit tests). */
export interface WorkerPort {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void
  terminate(): void
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
}

export interface PoseClientOptions {
  model: PoseModelId
  backend: BackendChoice
  /** Absolute URL of models/ ending in '/'; default: /models/ on this page's origin. */
  modelsBaseUrl?: string
  /** Where the measured-fastest backend is remembered; default localStorage (none when unavailable). */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null
  /** Injected for tests; default: the real pose worker. */
  createWorker?: () => WorkerPort
  /** Allow WASM threads (default true; the bench sets it explicitly to compare). */
  wasmThreads?: boolean
  /** WASM threads to ask for (default: the stored override WASM_THREAD_COUNT_KEY, else tfjs's choice); the bench compares. */
  wasmThreadCount?: number
  /** Widest image the model reads, pixels (default 640); the bench compares. */
  analysisWidth?: number
}

const REMEMBERED_KEY_PREFIX = 'revup.poseBackend.'
const THREADS_FAILED_KEY = 'revup.wasmThreadsFailed'
/**
 * An advanced override kept in storage, no screen for it: the XNNPACK threads to ask for (1–8) instead of
 * tfjs's choice (half the logical cores). `npm run bench:soak -- --wasm-threads N` sets it to measure what
 * the runner gets with more threads while the UI and the engine share the cores.
 */
export const WASM_THREAD_COUNT_KEY = 'revup.wasmThreadCount'
const MAX_WASM_THREADS = 8

/** The stored thread override, or undefined when absent or not a whole number in 1..MAX_WASM_THREADS. */
function storedThreadCount(storage: PoseClientOptions['storage']): number | undefined {
  const raw = storage?.getItem(WASM_THREAD_COUNT_KEY)
  const n = raw === null || raw === undefined ? NaN : Number(raw)
  return Number.isInteger(n) && n >= 1 && n <= MAX_WASM_THREADS ? n : undefined
}

interface PendingFrame {
  id: number
  image: PoseImage
  timestampMs: number
  capturedAtMs: number
  release(): void
}

function defaultStorage(): PoseClientOptions['storage'] {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

export function createPoseWorker(): WorkerPort {
  return new Worker(new URL('./pose.worker.ts', import.meta.url), { type: 'module', name: 'pose' }) as unknown as WorkerPort
}

export class PoseClient {
  private worker: WorkerPort
  private dropped = 0
  private readonly inFlight = new Map<number, PendingFrame>()
  private readonly poseListeners = new Set<(result: PoseResult) => void>()
  private readonly statusListeners = new Set<(status: PoseClientStatus) => void>()
  private readonly memoryWaiters: ((reply: MemoryReply) => void)[] = []
  private readonly storage: PoseClientOptions['storage']
  private nextId = 1
  private restartedWithoutThreads = false
  private disposed = false
  private currentStatus: PoseClientStatus

  constructor(private readonly options: PoseClientOptions) {
    this.storage = options.storage === undefined ? defaultStorage() : options.storage
    this.currentStatus = { phase: 'loading', model: options.model }
    // Threaded WASM failed here before (CSP or bundling): don't pay the failed start again.
    this.worker = this.spawn(options.wasmThreads ?? this.storage?.getItem(THREADS_FAILED_KEY) !== 'true')
  }

  /** Starts a worker and sends init; `wasmThreads` false after threaded WASM failed once. */
  private spawn(wasmThreads: boolean): WorkerPort {
    const { options } = this
    const worker = (options.createWorker ?? createPoseWorker)()
    worker.onmessage = (event) => this.receive(event.data)
    worker.onerror = (event) => {
      event.preventDefault?.()
      this.setStatus({ phase: 'error', model: options.model, message: `The pose worker failed: ${event.message || 'its script did not load'}` })
    }
    const modelsBaseUrl = options.modelsBaseUrl ?? new URL('/models/', location.href).href
    const remembered = options.backend === 'auto' ? this.remembered() : undefined
    const threadCount = options.wasmThreadCount ?? storedThreadCount(this.storage)
    worker.postMessage({
      type: 'init', model: options.model, backend: options.backend, modelsBaseUrl,
      ...(remembered ? { remembered } : {}), ...(wasmThreads ? {} : { wasmThreads: false }),
      ...(threadCount !== undefined ? { wasmThreadCount: threadCount } : {}),
      ...(options.analysisWidth !== undefined ? { analysisWidth: options.analysisWidth } : {})
    })
    return worker
  }

  get status(): PoseClientStatus {
    return this.currentStatus
  }

  /** Frames a newer one replaced in the worker before they were estimated (the model was slower than the source). */
  get droppedFrames(): number {
    return this.dropped
  }

  /** True while a frame is with the worker. */
  get busy(): boolean {
    return this.inFlight.size > 0
  }

  /** True while a frame waits behind the one being estimated: a file source may pause instead of grabbing more. */
  get saturated(): boolean {
    return this.inFlight.size > 1
  }

  /**
   * Offers a frame; takes ownership of `image`: it is transferred to the worker (which closes it) or
   * closed here when dropped, never both and never copied.
   * @param timestampMs capture time on the source clock (camera or media time), ms
   * @param capturedAtMs when the frame was captured on this thread's performance.now() clock
   */
  submit(image: PoseImage, timestampMs: number, capturedAtMs: number = performance.now()): SubmitOutcome | 'closed' {
    if (this.disposed || this.currentStatus.phase === 'error') {
      image.close()
      return 'closed'
    }
    const id = this.nextId++
    const outcome: SubmitOutcome = this.inFlight.size === 0 ? 'sent' : 'queued'
    this.send({ id, image, timestampMs, capturedAtMs, release: () => image.close() })
    return outcome
  }

  /** Subscribes to every pose; returns the unsubscribe function. Called outside React: keep it cheap. */
  onPose(listener: (result: PoseResult) => void): () => void {
    this.poseListeners.add(listener)
    return () => this.poseListeners.delete(listener)
  }

  /** Subscribes to status changes and gets the current status at once. */
  onStatus(listener: (status: PoseClientStatus) => void): () => void {
    this.statusListeners.add(listener)
    listener(this.currentStatus)
    return () => this.statusListeners.delete(listener)
  }

  /** tf.memory() inside the worker (leak checks, diagnostics). */
  memory(): Promise<MemoryReply> {
    return new Promise((resolve) => {
      this.memoryWaiters.push(resolve)
      this.worker.postMessage({ type: 'memory' })
    })
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    // Frames in the worker end with it.
    this.inFlight.clear()
    this.poseListeners.clear()
    this.statusListeners.clear()
    this.worker.terminate()
  }

  /** Transfers the frame to the worker; a frame that cannot be transferred is closed here. */
  private send(frame: PendingFrame): void {
    this.inFlight.set(frame.id, frame)
    try {
      this.worker.postMessage({ type: 'frame', id: frame.id, image: frame.image, timestampMs: frame.timestampMs }, [frame.image])
    } catch {
      // E.g. a frame already closed (DataCloneError): it never reached the worker, so it is ours to close.
      this.inFlight.delete(frame.id)
      frame.release()
    }
  }

  private receive(reply: WorkerReply): void {
    if (this.disposed) return
    switch (reply.type) {
      case 'pose': {
        const pending = this.inFlight.get(reply.id)
        this.inFlight.delete(reply.id)
        const latencyMs = pending ? performance.now() - pending.capturedAtMs : Number.NaN
        const result: PoseResult = { frame: reply.frame, model: reply.model, backend: reply.backend, latencyMs, numTensors: reply.numTensors, ...(reply.stages !== undefined ? { stages: reply.stages } : {}) }
        for (const listener of this.poseListeners) listener(result)
        return
      }
      case 'frame-error':
        this.inFlight.delete(reply.id)
        return
      case 'frame-dropped':
        this.inFlight.delete(reply.id)
        this.dropped++
        return
      case 'ready':
        if (reply.measured) this.storage?.setItem(REMEMBERED_KEY_PREFIX + reply.model, reply.backend)
        this.setStatus({ phase: 'ready', model: reply.model, backend: reply.backend, probes: reply.probes, measured: reply.measured, wasmThreads: reply.wasmThreads, loadMs: reply.loadMs })
        return
      case 'fallback': {
        // The remembered backend broke: measure again next time.
        this.storage?.removeItem(REMEMBERED_KEY_PREFIX + this.options.model)
        const previous = this.currentStatus
        if (previous.phase === 'ready') {
          this.setStatus({ ...previous, backend: reply.to, notice: `${reply.from} stopped working (${reply.reason}); switched to ${reply.to}.` })
        }
        return
      }
      case 'fatal':
        this.inFlight.clear()
        if (reply.retryWithoutThreads && !this.restartedWithoutThreads) {
          // Threaded WASM cannot recover in the same worker: start a single-threaded one.
          this.restartedWithoutThreads = true
          this.storage?.setItem(THREADS_FAILED_KEY, 'true')
          this.worker.terminate()
          this.worker = this.spawn(false)
          // The frame the old worker held is gone: tell sources (a paused file resumes).
          this.setStatus({ phase: 'loading', model: this.options.model })
          return
        }
        this.setStatus(reply.file === undefined
          ? { phase: 'error', model: this.options.model, message: reply.message }
          : { phase: 'error', model: this.options.model, message: reply.message, file: reply.file })
        return
      case 'memory':
        this.memoryWaiters.shift()?.(reply)
        return
      case 'model-timings':
        return // answers a time-models request, which goes to its own worker (modelTimingClient.ts)
    }
  }

  private remembered(): BackendName | undefined {
    const value = this.storage?.getItem(REMEMBERED_KEY_PREFIX + this.options.model)
    return (BACKEND_NAMES as readonly string[]).includes(value ?? '') ? (value as BackendName) : undefined
  }

  private setStatus(status: PoseClientStatus): void {
    this.currentStatus = status
    for (const listener of this.statusListeners) listener(status)
  }
}
