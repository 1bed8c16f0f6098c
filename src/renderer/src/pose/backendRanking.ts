/**
 * Which tfjs backend to run on, decided by measurement: pure functions over probe results, so the
 * choice is testable without a browser. "Exists" is not "fast": on a CPU-only machine Chromium's
 * WebGL is software-rendered (SwiftShader) and 10-15x slower than WASM.
 */
import type { BackendChoice, BackendName, BackendProbe } from './protocol'

/**
 * Order to try backends in when nothing was measured: WASM first because it runs everywhere at a
 * predictable speed, then the GPU backends, which may be software-emulated.
 */
export const UNMEASURED_ORDER: readonly BackendName[] = ['wasm', 'webgpu', 'webgl']

/** Timed inferences per backend after the untimed first one (which compiles shaders / allocates). */
export const TIMED_PROBE_RUNS = 3

/**
 * Stop timing a backend once one run is this many times slower than the best median so far: a
 * software-rendered WebGL run can take seconds, and we already know it lost.
 */
export const HOPELESS_SLOWDOWN = 3

/** Median of a non-empty list of milliseconds. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median: expected at least one value, got none')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Working backends, fastest first; failed probes are left out. Ties keep UNMEASURED_ORDER. */
export function rankBackends(probes: readonly BackendProbe[]): BackendName[] {
  return probes
    .filter((p): p is BackendProbe & { msPerFrame: number } => p.ok && typeof p.msPerFrame === 'number')
    .sort((a, b) => a.msPerFrame - b.msPerFrame || UNMEASURED_ORDER.indexOf(a.backend) - UNMEASURED_ORDER.indexOf(b.backend))
    .map((p) => p.backend)
}

/**
 * The order to try backends in at start: the user's or remembered choice first, then the rest in
 * UNMEASURED_ORDER, limited to those this browser has.
 */
export function startOrder(choice: BackendChoice, available: readonly BackendName[], remembered?: BackendName): BackendName[] {
  const first = choice !== 'auto' ? choice : remembered
  const rest = UNMEASURED_ORDER.filter((b) => b !== first && available.includes(b))
  return first !== undefined && available.includes(first) ? [first, ...rest] : rest
}

/** True when the worker should time every available backend before settling (auto with nothing remembered). */
export function shouldProbe(choice: BackendChoice, remembered?: BackendName): boolean {
  return choice === 'auto' && remembered === undefined
}

/** Where to go when `failed` stops working: the next in `order` not already failed, or null. */
export function nextBackend(order: readonly BackendName[], failed: ReadonlySet<BackendName>): BackendName | null {
  return order.find((b) => !failed.has(b)) ?? null
}
