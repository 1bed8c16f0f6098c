/**
 * Pose estimation in Node: TF.js on the WASM backend, model files read from models/ through a
 * file-reading io.IOHandler, the same catalogue and detector settings as the app
 * (src/pose/models.ts). Results are cached in tests/.cache/poses/ keyed by the clip's
 * sha1, the model and the settings, so re-analysing a clip is instant. Each frame also gets its mean
 * luminance (tools/luminance.ts), cached apart in tests/.cache/luma/; under-exposed frames are lifted before
 * the model as in the app (src/pose/lowLight.ts).
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as tf from '@tensorflow/tfjs-core'
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import type { PoseDetector } from '@tensorflow-models/pose-detection'
import { DETECTOR_SETTINGS, ESTIMATION_CONFIG, createDetector, parsePoseModelId, toPoseFrame, type ModelFileSource, type PoseModelId } from '../src/pose/models'
import { decodePoses, encodePoses, type CompactPoses, type CompactPosesHeader } from '../src/shared/pose/compact'
import type { PoseFrame } from '../src/shared/pose/types'
import { LIFT_FLOOR_LUMINANCE, LIFT_TARGET_LUMINANCE, LOW_LIGHT_LUMINANCE, MIN_LIFT_GAMMA, liftLowLight } from '../src/pose/lowLight'
import { attachLuminance, lumaCachePath, measureLumaTrack, readLumaTrack, writeLumaTrack, type LumaTrack } from './luminance'
import { DEFAULT_MAX_SIDE, decodeFrames, probeVideo, type RgbFrame, type VideoInfo } from './video'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const MODELS_DIR = join(REPO_ROOT, 'models')
export const POSE_CACHE_DIR = join(REPO_ROOT, 'tests', '.cache', 'poses')
export const LUMA_CACHE_DIR = join(REPO_ROOT, 'tests', '.cache', 'luma')

/** Bump when anything that changes the poses for the same clip + model changes (decode, conversion, codec). */
const CACHE_SCHEMA = 1

/** An io.IOHandler that loads a TF.js graph model (model.json + weight shards) from disk. */
export function fileModelHandler(jsonPath: string): tf.io.IOHandler {
  return {
    load: async () => {
      if (!existsSync(jsonPath)) {
        throw new Error(`Model file not found: ${jsonPath}; run \`node scripts/copy-models.mjs\` (npm install does it) to copy the models`)
      }
      const json = JSON.parse(await readFile(jsonPath, 'utf8')) as tf.io.ModelJSON
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights)
        const shards = await Promise.all(manifest.flatMap((group) => group.paths.map((p) => readFile(join(dirname(jsonPath), p)))))
        const all = Buffer.concat(shards)
        return [specs, all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength)]
      })
    }
  }
}

/** Model files come from models/ on disk (the browser uses URLs under /models/ instead). */
export const nodeModelSource: ModelFileSource = (fileInModels) => fileModelHandler(join(MODELS_DIR, fileInModels))

let backendReady: Promise<void> | null = null

/**
 * Starts TF.js on the WASM backend with the binaries copied into models/tfjs-wasm/.
 * One thread by default: the tools share a small machine, and the models are small enough that
 * threads buy little (pass more for a dedicated machine).
 */
export function initPoseBackend(threads = 1): Promise<void> {
  backendReady ??= (async () => {
    const wasmDir = join(MODELS_DIR, 'tfjs-wasm')
    if (!existsSync(join(wasmDir, 'tfjs-backend-wasm-simd.wasm'))) {
      throw new Error(`TF.js WASM binaries not found in ${wasmDir}; run \`node scripts/copy-models.mjs\` to copy them`)
    }
    setWasmPaths(wasmDir + '/')
    setThreadsCount(threads)
    if (!(await tf.setBackend('wasm'))) throw new Error('TF.js WASM backend failed to start')
    await tf.ready()
  })()
  return backendReady
}

/** Runs one model over frames in order; owns the detector (and its tensors) until dispose(). */
export class NodePoseEstimator {
  private constructor(readonly model: PoseModelId, private detector: PoseDetector | null) {}

  static async create(model: PoseModelId): Promise<NodePoseEstimator> {
    await initPoseBackend()
    return new NodePoseEstimator(model, await createDetector(parsePoseModelId(model), nodeModelSource))
  }

  /** Estimates one RGB frame; the input tensor is disposed before returning. */
  async estimate(frame: RgbFrame): Promise<PoseFrame> {
    if (!this.detector) throw new Error('NodePoseEstimator used after dispose()')
    const image = tf.tensor3d(frame.data, [frame.height, frame.width, 3], 'int32')
    const started = performance.now()
    try {
      const poses = await this.detector.estimatePoses(image, ESTIMATION_CONFIG, frame.timestampMs)
      return toPoseFrame(poses, frame.timestampMs, frame.width, frame.height, performance.now() - started)
    } finally {
      image.dispose()
    }
  }

  /** Forgets tracking state (BlazePose's region of interest) before an unrelated sequence. */
  reset(): void {
    this.detector?.reset()
  }

  dispose(): void {
    this.detector?.dispose()
    this.detector = null
  }
}

export interface VideoPosesOptions {
  model: PoseModelId
  /** Long-side cap in pixels before inference (default 640). */
  maxSide?: number
  /** Read/write tests/.cache/poses (default true). */
  cache?: boolean
  /** Name stored in the header (default: the file path). */
  clip?: string
  /** Called after each frame with frames done and the expected total. */
  onProgress?: (done: number, total: number) => void
}

export interface VideoPoses {
  info: VideoInfo
  header: CompactPosesHeader
  frames: PoseFrame[]
  /** Mean wall-clock ms per frame for estimatePoses when this run computed them (from the cache: as measured then). */
  meanInferenceMs: number
  fromCache: boolean
}

export function sha1OfFile(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha1')
    createReadStream(path).on('error', reject).on('data', (d) => hash.update(d)).on('end', () => resolvePromise(hash.digest('hex')))
  })
}

/**
 * A clip any of whose frames comes near the low-light line may have frames lifted before the model
 * (src/pose/lowLight.ts), so its key carries the lift's settings; every other clip keeps the key it had,
 * with its cached poses. The margin covers the small difference between the cached luminance track (from a
 * 96 px decode) and the full-size frame the lift decides on.
 */
const LIFT_KEY_MARGIN = 0.02

function mayBeLifted(track: LumaTrack): boolean {
  return track.values.some((v) => v < LOW_LIGHT_LUMINANCE + LIFT_KEY_MARGIN)
}

function cacheKey(clipSha1: string, model: PoseModelId, maxSide: number, lifted: boolean): string {
  const lift = lifted ? { LOW_LIGHT_LUMINANCE, LIFT_FLOOR_LUMINANCE, LIFT_TARGET_LUMINANCE, MIN_LIFT_GAMMA } : undefined
  const settings = JSON.stringify({ CACHE_SCHEMA, maxSide, DETECTOR_SETTINGS, ...(lift ? { lift } : {}) })
  const settingsHash = createHash('sha1').update(settings).digest('hex').slice(0, 10)
  return `${clipSha1}-${model}-${settingsHash}`
}

interface CacheFile extends CompactPoses { meanInferenceMs: number }

/** The clip's luminance track: from its sidecar, else measured with a small decode (and saved when caching). */
async function lumaTrackFor(info: VideoInfo, clipSha1: string, useCache: boolean): Promise<LumaTrack> {
  const path = lumaCachePath(LUMA_CACHE_DIR, clipSha1)
  const cached = useCache ? readLumaTrack(path) : null
  if (cached) return cached
  const track = await measureLumaTrack(info)
  if (useCache) writeLumaTrack(path, track)
  return track
}

/** Decodes a video and estimates a pose on every frame at native fps (cached), each with its mean luminance. */
export async function estimateVideoPoses(path: string, options: VideoPosesOptions): Promise<VideoPoses> {
  const model = parsePoseModelId(options.model)
  const maxSide = options.maxSide ?? DEFAULT_MAX_SIDE
  const info = await probeVideo(path)
  const useCache = options.cache ?? true
  const clipSha1 = await sha1OfFile(path)
  const track = await lumaTrackFor(info, clipSha1, useCache)
  const cachePath = join(POSE_CACHE_DIR, `${cacheKey(clipSha1, model, maxSide, mayBeLifted(track))}.json`)
  if (useCache && existsSync(cachePath)) {
    let cached: (ReturnType<typeof decodePoses> & { meanInferenceMs: number }) | null = null
    try {
      const file = JSON.parse(readFileSync(cachePath, 'utf8')) as CacheFile
      cached = { ...decodePoses(file), meanInferenceMs: file.meanInferenceMs }
    } catch {
      // A corrupt or outdated cache entry is recomputed below and overwritten.
    }
    if (cached) {
      const frames = attachLuminance(cached.frames, track)
      return { info, header: cached.header, frames, meanInferenceMs: cached.meanInferenceMs, fromCache: true }
    }
  }

  const estimator = await NodePoseEstimator.create(model)
  const frames: PoseFrame[] = []
  const expected = Math.max(1, Math.round(info.durationSeconds * info.fps))
  let inferenceTotal = 0
  try {
    for await (const rgb of decodeFrames(info, { maxSide })) {
      // Lifted in place when under-exposed, exactly as the app's pose worker does (src/pose/lowLight.ts).
      liftLowLight({ ...rgb, channels: 3 })
      const frame = await estimator.estimate(rgb)
      inferenceTotal += frame.inferenceMs ?? 0
      frames.push(frame)
      options.onProgress?.(frames.length, Math.max(expected, frames.length))
    }
  } finally {
    estimator.dispose()
  }
  const first = frames[0]
  const encoded = encodePoses(frames, {
    model, width: first.imageWidth, height: first.imageHeight, fps: info.fps, clip: options.clip ?? path
  })
  const meanInferenceMs = inferenceTotal / frames.length
  if (useCache) {
    mkdirSync(POSE_CACHE_DIR, { recursive: true })
    const tmp = `${cachePath}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify({ ...encoded, meanInferenceMs } satisfies CacheFile))
    renameSync(tmp, cachePath)
  }
  // Return the decoded (rounded) frames so a cached and a fresh run give identical results, with the same
  // luminance track either way.
  return { info, header: encoded.header, frames: attachLuminance(decodePoses(encoded).frames, track), meanInferenceMs, fromCache: false }
}
