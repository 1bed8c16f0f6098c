/**
 * The pose worker's state across frames: which backend runs, the loaded detector, and what to do
 * when a backend fails. It measures backends on the first real frame (auto mode), keeps the
 * fastest, and falls back to the next when one fails mid-stream. Owns the detector: dispose().
 */
import type { Pose, PoseDetector } from '@tensorflow-models/pose-detection'
import { POSE_MODELS } from '../../../pose/catalogue'
import { liftLowLight } from '../../../pose/lowLight'
import { ESTIMATION_CONFIG, createDetector, toPoseFrame } from '../../../pose/models'
import { HOPELESS_SLOWDOWN, TIMED_PROBE_RUNS, median, nextBackend, rankBackends, shouldProbe, startOrder } from './backendRanking'
import { WasmThreadsError, activateBackend, availableBackends, tensorMemory, wasmThreads, webGlIsSoftware } from './backends'
import { FramePixelReader, type RgbaPixels } from './frameInput'
import { InputTensorBuilder } from './inputTensor'
import { ModelFileError, checkedModelHandler } from './modelFiles'
import type { BackendName, BackendProbe, FrameRequest, FrameStages, InitRequest, MemoryReply, WorkerReply } from './protocol'

export class PoseRuntime {
  private detector: PoseDetector | null = null
  private backend: BackendName | null = null
  private order: BackendName[] = []
  private readonly failed = new Set<BackendName>()
  private probePending = false
  private fatalMessage: string | null = null
  private readonly startedAt = performance.now()
  private readonly reader = new FramePixelReader()
  private readonly input = new InputTensorBuilder()
  /** When the last pose was ready to post (performance.now), for the next frame's wait. */
  private lastPostedAt: number | null = null

  constructor(
    private readonly config: InitRequest,
    private readonly emit: (reply: WorkerReply) => void
  ) {}

  /** Loads the model on the first backend that starts. Model-file errors are fatal at once. */
  async start(): Promise<void> {
    const available = await availableBackends()
    this.order = startOrder(this.config.backend, available, this.config.remembered)
    this.probePending = shouldProbe(this.config.backend, this.config.remembered) && this.order.length > 1
    const started = await this.loadOnNextBackend()
    if (started && !this.probePending) this.emitReady([], false)
  }

  /** Runs the model on one frame and emits its pose (or a frame error). Closes the frame exactly once, as soon as its pixels are read. */
  async estimate(request: FrameRequest): Promise<void> {
    const { id, image, timestampMs } = request
    const t0 = performance.now()
    const waitMs = this.lastPostedAt === null ? 0 : t0 - this.lastPostedAt
    let pixels: RgbaPixels
    let readMs: number
    let light: { meanLuminance: number }
    try {
      if (this.fatalMessage !== null || this.detector === null) {
        this.emit({ type: 'frame-error', id, message: this.fatalMessage ?? 'The pose model is not loaded.' })
        return
      }
      pixels = await this.reader.read(image, this.config.analysisWidth)
      // Measured as captured ("too dark" is judged on it), then lifted for the model when under-exposed.
      light = liftLowLight({ width: pixels.width, height: pixels.height, data: pixels.data, channels: 4 })
      readMs = performance.now() - t0
    } catch (err) {
      this.emit({ type: 'frame-error', id, message: `The frame could not be read: ${(err as Error).message}` })
      return
    } finally {
      // The camera's or decoder's buffer goes back before inference, not after.
      image.close()
    }
    try {
      if (this.probePending) {
        this.probePending = false
        await this.probeBackends(pixels, timestampMs)
        if (this.detector === null) return
      }
      const { poses, tensorMs, inferenceMs } = await this.runOnce(this.detector, pixels, timestampMs)
      const t2 = performance.now()
      const frame = toPoseFrame(poses, timestampMs, pixels.width, pixels.height, inferenceMs)
      frame.meanLuminance = light.meanLuminance
      const { numTensors } = tensorMemory()
      const stages: FrameStages = { waitMs, readMs, tensorMs, estimateMs: inferenceMs, poseMs: performance.now() - t2 }
      this.lastPostedAt = performance.now()
      this.emit({ type: 'pose', id, frame, model: this.config.model, backend: this.backend!, numTensors, stages })
    } catch (err) {
      this.emit({ type: 'frame-error', id, message: `Pose estimation failed on ${this.backend}: ${(err as Error).message}` })
      await this.fallBack((err as Error).message)
    }
  }

  memory(): MemoryReply {
    return { type: 'memory', ...tensorMemory(), backend: this.backend }
  }

  dispose(): void {
    this.detector?.dispose()
    this.detector = null
  }

  /** Builds the input tensor on the active backend and runs the detector on it; times both, ms. */
  private async runOnce(detector: PoseDetector, pixels: RgbaPixels, timestampMs: number): Promise<{ poses: Pose[]; tensorMs: number; inferenceMs: number }> {
    const t0 = performance.now()
    const input = this.input.build(pixels)
    const t1 = performance.now()
    try {
      const poses = await detector.estimatePoses(input, ESTIMATION_CONFIG, timestampMs)
      return { poses, tensorMs: t1 - t0, inferenceMs: performance.now() - t1 }
    } finally {
      input.dispose()
    }
  }

  private async createOn(backend: BackendName): Promise<PoseDetector> {
    await activateBackend(backend, this.config.modelsBaseUrl, this.config.wasmThreads !== false, this.config.wasmThreadCount)
    return createDetector(this.config.model, (file) => checkedModelHandler(this.config.modelsBaseUrl, file))
  }

  /** Tries backends in order until one loads the model; false (with a fatal reply) when none does. */
  private async loadOnNextBackend(): Promise<boolean> {
    const reasons: string[] = []
    for (let next = nextBackend(this.order, this.failed); next !== null; next = nextBackend(this.order, this.failed)) {
      try {
        this.detector = await this.createOn(next)
        this.backend = next
        return true
      } catch (err) {
        if (err instanceof ModelFileError) {
          this.fail('model', err.message, err.file)
          return false
        }
        if (err instanceof WasmThreadsError) {
          this.fail('backend', err.message, undefined, true)
          return false
        }
        this.failed.add(next)
        reasons.push((err as Error).message)
      }
    }
    const files = POSE_MODELS[this.config.model].files.join(', ')
    this.fail('backend', `No backend could run ${POSE_MODELS[this.config.model].displayName} (${files}). ${reasons.join(' ')}`)
    return false
  }

  /** Times every available backend on this real frame and keeps the fastest detector. */
  private async probeBackends(image: RgbaPixels, timestampMs: number): Promise<void> {
    const probes: BackendProbe[] = []
    let best: { backend: BackendName; detector: PoseDetector; ms: number } | null = null
    for (const backend of this.order) {
      if (backend === 'webgl' && backend !== this.backend && webGlIsSoftware()) {
        probes.push({ backend, ok: false, error: 'software-rendered here, no GPU; skipped' })
        continue
      }
      let detector: PoseDetector | null = null
      try {
        detector = backend === this.backend && this.detector ? this.detector : await this.createOn(backend)
        await activateBackend(backend, this.config.modelsBaseUrl, this.config.wasmThreads !== false, this.config.wasmThreadCount)
        await this.runOnce(detector, image, timestampMs) // untimed: compiles shaders, allocates
        const times: number[] = []
        for (let i = 0; i < TIMED_PROBE_RUNS; i++) {
          const { tensorMs, inferenceMs } = await this.runOnce(detector, image, timestampMs)
          times.push(tensorMs + inferenceMs) // the input upload is part of a backend's cost
          if (best && tensorMs + inferenceMs > best.ms * HOPELESS_SLOWDOWN) break
        }
        const ms = median(times)
        probes.push({ backend, ok: true, msPerFrame: ms })
        if (!best || ms < best.ms) {
          best?.detector.dispose()
          best = { backend, detector, ms }
        } else {
          detector.dispose()
        }
      } catch (err) {
        if (err instanceof ModelFileError) {
          this.fail('model', err.message, err.file)
          return
        }
        if (err instanceof WasmThreadsError) {
          this.fail('backend', err.message, undefined, true)
          return
        }
        detector?.dispose()
        this.failed.add(backend)
        probes.push({ backend, ok: false, error: (err as Error).message })
      }
    }
    if (!best) {
      this.detector = null
      this.fail('backend', `No backend could run ${POSE_MODELS[this.config.model].displayName}: ${probes.map((p) => p.error).join(' ')}`)
      return
    }
    this.detector = best.detector
    this.backend = best.backend
    this.order = [...rankBackends(probes), ...this.order.filter((b) => !rankBackends(probes).includes(b))]
    await activateBackend(best.backend, this.config.modelsBaseUrl, this.config.wasmThreads !== false, this.config.wasmThreadCount)
    this.emitReady(probes, true)
  }

  /** The running backend failed mid-stream (e.g. lost GPU context): move to the next one. */
  private async fallBack(reason: string): Promise<void> {
    const from = this.backend
    if (from === null) return
    this.failed.add(from)
    try {
      this.detector?.dispose()
    } catch {
      // A lost context cannot free its textures; the context is gone anyway.
    }
    this.detector = null
    this.backend = null
    if (await this.loadOnNextBackend()) this.emit({ type: 'fallback', from, to: this.backend!, reason })
  }

  private emitReady(probes: BackendProbe[], measured: boolean): void {
    this.emit({
      type: 'ready',
      model: this.config.model,
      backend: this.backend!,
      probes,
      loadMs: performance.now() - this.startedAt,
      measured,
      wasmThreads: wasmThreads(this.backend!)
    })
  }

  private fail(stage: 'model' | 'backend', message: string, file?: string, retryWithoutThreads = false): void {
    this.fatalMessage = message
    this.emit({ type: 'fatal', stage, message, ...(file !== undefined ? { file } : {}), ...(retryWithoutThreads ? { retryWithoutThreads } : {}) })
  }
}
