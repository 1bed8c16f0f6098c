/**
 * Starting tfjs backends inside the pose worker: which ones this browser has, and switching to one.
 * The choice between them is measured (backendRanking.ts + PoseRuntime), never assumed.
 */
import * as tf from '@tensorflow/tfjs-core'
import '@tensorflow/tfjs-backend-webgl'
import '@tensorflow/tfjs-backend-webgpu'
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import type { BackendName } from './protocol'
import { installWasmTransform } from './wasmTransform'

/** Folder of the tfjs WASM binaries under models/ (copied by scripts/copy-models.mjs). */
export const TFJS_WASM_FOLDER = 'tfjs-wasm/'

interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<unknown | null> }
}

async function hasWebGpu(): Promise<boolean> {
  const gpu = (navigator as unknown as GpuNavigator).gpu
  if (!gpu) return false
  try {
    return (await gpu.requestAdapter()) !== null
  } catch {
    return false
  }
}

/** Whether WebGL exists, and whether it is a CPU emulation (SwiftShader / llvmpipe) rather than a GPU. */
function probeWebGl(): { available: boolean; software: boolean } {
  if (typeof OffscreenCanvas === 'undefined') return { available: false, software: false }
  try {
    const canvas = new OffscreenCanvas(1, 1)
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGL2RenderingContext | null
    if (!gl) return { available: false, software: false }
    const info = gl.getExtension('WEBGL_debug_renderer_info')
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '')
    // Release the probe context at once: browsers cap live WebGL contexts.
    gl.getExtension('WEBGL_lose_context')?.loseContext()
    return { available: true, software: /swiftshader|llvmpipe|software/i.test(renderer) }
  } catch {
    return { available: false, software: false }
  }
}

/**
 * True when WebGL is emulated on the CPU. Measuring it costs seconds of shader compilation and it
 * always loses to WASM, so automatic selection skips it (the user can still pick it).
 */
export function webGlIsSoftware(): boolean {
  return probeWebGl().software
}

/** Backends this browser can create at all (whether they are fast is measured later). */
export async function availableBackends(): Promise<BackendName[]> {
  const found: BackendName[] = []
  if (typeof WebAssembly === 'object') found.push('wasm')
  if (await hasWebGpu()) found.push('webgpu')
  if (probeWebGl().available) found.push('webgl')
  return found
}

let wasmPathsSet = false

/**
 * Asks for `count` XNNPACK threads (the bench's experiment; the app keeps tfjs's choice). tfjs caps the
 * pool at half of navigator.hardwareConcurrency, read when the WASM module starts (tfjs-backend-wasm
 * backend.cc, init_with_threads_count): 1 on a 2-core machine whatever is asked. To try more, this
 * worker's navigator reports enough cores for the cap to allow `count`.
 */
function askWasmThreads(count: number): void {
  setThreadsCount(count)
  const cap = Math.floor((navigator.hardwareConcurrency || 1) / 2)
  if (count > cap) Object.defineProperty(navigator, 'hardwareConcurrency', { value: count * 2, configurable: true })
}

/** WASM with threads did not come up (its thread workers failed or hung); only a single-threaded restart helps. */
export class WasmThreadsError extends Error {
  constructor(reason: string) {
    super(`WASM threads failed to start (${reason}).`)
    this.name = 'WasmThreadsError'
  }
}

/** Longest a WASM start may take: it is ~1 s normally; a hung thread pool never finishes. */
export const WASM_START_TIMEOUT_MS = 20_000

/** Starts WASM with threads, failing when the start hangs (thread-worker errors are caught in pose.worker.ts). */
async function startThreadedWasm(): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WasmThreadsError(`no answer in ${WASM_START_TIMEOUT_MS / 1000} s`)), WASM_START_TIMEOUT_MS)
  })
  try {
    return await Promise.race([tf.setBackend('wasm'), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Makes `name` the active tfjs backend. Throws a sentence naming the backend when it cannot start.
 * @param modelsBaseUrl absolute URL of models/ ending in '/'
 * @param allowWasmThreads false forces single-threaded WASM (must be decided before WASM first starts)
 * @param wasmThreadCount XNNPACK threads to ask for (tfjs's default is half the logical cores: 1 on 2 cores)
 */
export async function activateBackend(name: BackendName, modelsBaseUrl: string, allowWasmThreads = true, wasmThreadCount?: number): Promise<void> {
  if (name === 'wasm' && !wasmPathsSet) {
    setWasmPaths(new URL(TFJS_WASM_FOLDER, modelsBaseUrl).href)
    // Threads need SharedArrayBuffer, i.e. a cross-origin isolated page (COOP + COEP); tfjs checks that itself.
    if (!allowWasmThreads) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false)
    else if (wasmThreadCount !== undefined && wasmThreadCount >= 1) askWasmThreads(Math.floor(wasmThreadCount))
    wasmPathsSet = true
  }
  let ok: boolean
  try {
    const threaded = name === 'wasm' && tf.getBackend() !== 'wasm' && tf.env().getBool('IS_BROWSER') && (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'))
    ok = threaded ? await startThreadedWasm() : await tf.setBackend(name)
    await tf.ready()
  } catch (err) {
    if (err instanceof WasmThreadsError) throw err
    throw new Error(`The ${name} backend failed to start: ${(err as Error).message ?? String(err)}`, { cause: err })
  }
  if (!ok || tf.getBackend() !== name) {
    throw new Error(`The ${name} backend failed to start (see the worker console for the browser's reason).`)
  }
  // BlazePose's per-frame crop, the same values 3 ms sooner (wasmTransform.ts); once the backend is set up.
  if (name === 'wasm') installWasmTransform()
}

/** WASM threads in use (1 = single-threaded: the page is not cross-origin isolated), or null off WASM. */
export function wasmThreads(active: BackendName): number | null {
  if (active !== 'wasm') return null
  try {
    return getThreadsCount()
  } catch {
    return null
  }
}

/** Live tensors and bytes on the engine, for leak checks. */
export function tensorMemory(): { numTensors: number; numBytes: number } {
  const m = tf.memory()
  return { numTensors: m.numTensors, numBytes: m.numBytes }
}
