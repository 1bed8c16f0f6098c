/**
 * The typed message protocol between the renderer (PoseClient) and the pose worker. Every message
 * is a tagged union member; nothing else crosses the worker boundary. Times are milliseconds.
 */
import type { PoseFrame } from '../../../shared/pose/types'
import type { PoseModelId } from '../../../pose/catalogue'

/** tfjs backends the worker can run on, in no particular order (the worker measures which is fastest). */
export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm'] as const
export type BackendName = (typeof BACKEND_NAMES)[number]
/** 'auto' = time each available backend on real frames and keep the fastest. */
export type BackendChoice = BackendName | 'auto'

/** True for 'auto' or a known backend name (settings from storage are checked with this). */
export function isBackendChoice(value: unknown): value is BackendChoice {
  return value === 'auto' || (BACKEND_NAMES as readonly unknown[]).includes(value)
}

/**
 * A frame on its way to the model, transferred (never copied) to the worker, which closes it: a
 * VideoFrame grabbed from the <video> (WebCodecs) or, where that is missing, an ImageBitmap.
 */
export type PoseImage = ImageBitmap | VideoFrame

/** How one backend fared when the worker tried it. */
export interface BackendProbe {
  backend: BackendName
  ok: boolean
  /** Median milliseconds per inference after warm-up, when ok. */
  msPerFrame?: number
  /** Why it could not be used, as a sentence, when not ok. */
  error?: string
}

// ---- renderer → worker ----

export interface InitRequest {
  type: 'init'
  model: PoseModelId
  backend: BackendChoice
  /** Absolute URL of the models folder, ending in '/', e.g. 'http://127.0.0.1:4000/models/'. */
  modelsBaseUrl: string
  /** With backend 'auto': a backend measured fastest before (cached), tried first without re-probing. */
  remembered?: BackendName
  /**
   * Let the WASM backend use threads when the page is cross-origin isolated (default true). The
   * client turns this off and restarts the worker when WASM threads fail to start.
   */
  wasmThreads?: boolean
  /** Widest image the model reads, pixels (default MAX_ANALYSIS_WIDTH, 640); wider frames are scaled down in the worker. */
  analysisWidth?: number
  /** WASM threads to ask for when threads are allowed (default: tfjs's choice, half the logical cores). */
  wasmThreadCount?: number
}

export interface FrameRequest {
  type: 'frame'
  /** Client-assigned id, echoed in the reply. */
  id: number
  /** Transferred: the worker owns it and closes it exactly once. */
  image: PoseImage
  /** Capture time on the source's clock (camera or media time), milliseconds. */
  timestampMs: number
}

/** Asks for tf.memory() now (debug and leak tests). */
export interface MemoryRequest {
  type: 'memory'
}

/**
 * Times pose models on this machine (automatic model choice), without init: each is loaded, run in
 * steady state on a synthetic frame, timed and disposed, fastest first, stopping once one misses.
 */
export interface TimeModelsRequest {
  type: 'time-models'
  models: PoseModelId[]
  backend: BackendName
  modelsBaseUrl: string
  /** Milliseconds per frame a model may take; the models after one that misses it are skipped. */
  budgetMs: number
  wasmThreads?: boolean
}

export type WorkerRequest = InitRequest | FrameRequest | MemoryRequest | TimeModelsRequest

// ---- worker → renderer ----

export interface ReadyReply {
  type: 'ready'
  model: PoseModelId
  backend: BackendName
  /** How each tried backend fared (empty when a remembered or user-chosen backend started first time). */
  probes: BackendProbe[]
  /** Milliseconds from init to the first usable detector. */
  loadMs: number
  /** True when the backend was chosen by measuring, false when the user or the cache chose it. */
  measured: boolean
  /** WASM worker threads in use (1 = none), or null off WASM. */
  wasmThreads: number | null
}

export interface PoseReply {
  type: 'pose'
  id: number
  frame: PoseFrame
  model: PoseModelId
  backend: BackendName
  /** tf.memory().numTensors after this frame: must stay flat over a session. */
  numTensors: number
  /** Where this frame's time went inside the worker (the bench's stage table). */
  stages?: FrameStages
}

/** Where one frame's time went inside the pose worker, milliseconds each. */
export interface FrameStages {
  /** From the previous pose's reply (posting it included) to this frame's start: yielding to queued messages, waiting for a frame. */
  waitMs: number
  /** The frame to RGBA pixels at the analysis size (scale and read back), low-light lift included. */
  readMs: number
  /** The RGBA pixels to the model's input tensor (0 where estimatePoses is handed the pixels). */
  tensorMs: number
  /** estimatePoses (the same as frame.inferenceMs). */
  estimateMs: number
  /** The detector's poses to a PoseFrame, and the tensor count, before the reply is posted. */
  poseMs: number
}

/** One frame failed (it is dropped); the stream goes on. */
export interface FrameErrorReply {
  type: 'frame-error'
  id: number
  message: string
}

/** A newer frame replaced this one while it waited in the worker; it was closed unread. */
export interface FrameDroppedReply {
  type: 'frame-dropped'
  id: number
}

/** The running backend failed (e.g. lost its GPU context); the worker moved to another. */
export interface FallbackReply {
  type: 'fallback'
  from: BackendName
  to: BackendName
  reason: string
}

/** Nothing can run: the model files failed to load, or no backend starts. */
export interface FatalReply {
  type: 'fatal'
  stage: 'model' | 'backend'
  /** A sentence for the user; names the file for model failures. */
  message: string
  /** The failing model file relative to models/, when known. */
  file?: string
  /** True when WASM threads failed to start and a single-threaded restart may work. */
  retryWithoutThreads?: boolean
}

export interface MemoryReply {
  type: 'memory'
  numTensors: number
  numBytes: number
  backend: BackendName | null
}

export interface ModelTimingsReply {
  type: 'model-timings'
  backend: BackendName
  /** Per model: median ms per frame, or why it has none. */
  timings: { model: PoseModelId; msPerFrame?: number; error?: string }[]
}

export type WorkerReply = ReadyReply | PoseReply | FrameErrorReply | FrameDroppedReply | FallbackReply | FatalReply | MemoryReply | ModelTimingsReply
