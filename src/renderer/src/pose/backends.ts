/**
 * Starting tfjs backends inside the pose worker: which ones this browser has, and switching to one.
 * The choice between them is measured (backendRanking.ts + PoseRuntime), never assumed.
 */
import * as tf from '@tensorflow/tfjs-core'
import '@tensorflow/tfjs-backend-webgl'
import '@tensorflow/tfjs-backend-webgpu'
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import type { BackendName } from './protocol'

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

function hasWebGl(): boolean {
  if (typeof OffscreenCanvas === 'undefined') return false
  try {
    const canvas = new OffscreenCanvas(1, 1)
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl')
    // Release the probe context at once: browsers cap live WebGL contexts.
    ;(gl as WebGL2RenderingContext | null)?.getExtension('WEBGL_lose_context')?.loseContext()
    return gl !== null
  } catch {
    return false
  }
}

/** Backends this browser can create at all (whether they are fast is measured later). */
export async function availableBackends(): Promise<BackendName[]> {
  const found: BackendName[] = []
  if (typeof WebAssembly === 'object') found.push('wasm')
  if (await hasWebGpu()) found.push('webgpu')
  if (hasWebGl()) found.push('webgl')
  return found
}

let wasmPathsSet = false

/**
 * Makes `name` the active tfjs backend. Throws a sentence naming the backend when it cannot start.
 * @param modelsBaseUrl absolute URL of models/ ending in '/'
 */
export async function activateBackend(name: BackendName, modelsBaseUrl: string): Promise<void> {
  if (name === 'wasm' && !wasmPathsSet) {
    setWasmPaths(new URL(TFJS_WASM_FOLDER, modelsBaseUrl).href)
    wasmPathsSet = true
  }
  let ok: boolean
  try {
    ok = await tf.setBackend(name)
    await tf.ready()
  } catch (err) {
    throw new Error(`The ${name} backend failed to start: ${(err as Error).message ?? String(err)}`, { cause: err })
  }
  if (!ok || tf.getBackend() !== name) {
    throw new Error(`The ${name} backend failed to start (see the worker console for the browser's reason).`)
  }
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
