/**
 * Which pose model to run, decided by timing the models on the runner's own machine: pure functions
 * over timings, so the choice is testable with fake numbers. The most accurate model wins if it keeps
 * up with the camera with room to spare; MoveNet is never chosen (no feet for the rules).
 */
import { ACCURACY_ORDER, DEFAULT_POSE_MODEL, POSE_MODELS, type PoseModelId } from '../../../pose/catalogue'

/** Frame rate asked of the camera (cameraPreference.ts: frameRate ideal 30), frames/s. */
export const CAMERA_FPS = 30

/**
 * A model must run this much faster than the camera: at 30 frames/s, 27.8 ms a frame at most. The
 * timing runs with the app idle; during a set the UI thread (preview, skeleton, React), the form
 * engine, speech, session recording and video decode share the same cores, and one slow frame must be
 * caught up without the waiting slot dropping frames. 20% is what the bench shows between the
 * throughput of a model that delivered the full 30 frames/s in real time (Lite, 37.8) and 30.
 */
export const FRAME_RATE_HEADROOM = 1.2

/** How one model fared when timed on this machine. */
export interface ModelTiming {
  model: PoseModelId
  /** Median milliseconds per frame in steady state (tracking, as during a set), when timed. */
  msPerFrame?: number
  /** Why it has no time: it failed (a sentence) or was skipped because a faster one already missed. */
  error?: string
}

export type ModelChoiceReason = 'keeps-up' | 'none-keeps-up' | 'not-measured'

export interface ModelChoice {
  model: PoseModelId
  reason: ModelChoiceReason
  /** Most milliseconds per frame a model may take, after the headroom. */
  budgetMs: number
}

/** Milliseconds per frame a model may take to keep up with `cameraFps` with the headroom. */
export function frameBudgetMs(cameraFps: number = CAMERA_FPS, headroom: number = FRAME_RATE_HEADROOM): number {
  if (!(cameraFps > 0) || !(headroom >= 1)) throw new Error(`frameBudgetMs: expected cameraFps > 0 and headroom >= 1, got ${cameraFps} and ${headroom}`)
  return 1000 / (cameraFps * headroom)
}

/** Models automatic choice may pick, most accurate first: those with feet (33 keypoints). */
export const AUTO_CANDIDATES: readonly PoseModelId[] = ACCURACY_ORDER.filter((id) => POSE_MODELS[id].keypointCount === 33)

/** The order to time candidates in: fastest expected first, so timing can stop at the first that misses. */
export function timingOrder(): PoseModelId[] {
  return [...AUTO_CANDIDATES].reverse()
}

/**
 * True when the models after this one need no timing: a bigger network of the same family cannot be
 * faster than one that already missed the budget.
 */
export function stopsTiming(msPerFrame: number, budgetMs: number): boolean {
  return msPerFrame > budgetMs
}

/**
 * The most accurate candidate whose time fits the budget; when none fits, the fastest timed one (it
 * is still the best this machine can do); when none was timed, the catalogue's default.
 */
export function chooseModel(timings: readonly ModelTiming[], cameraFps: number = CAMERA_FPS): ModelChoice {
  const budgetMs = frameBudgetMs(cameraFps)
  const timed = timings.filter((t): t is ModelTiming & { msPerFrame: number } => AUTO_CANDIDATES.includes(t.model) && typeof t.msPerFrame === 'number' && Number.isFinite(t.msPerFrame))
  const keepsUp = AUTO_CANDIDATES.find((id) => timed.some((t) => t.model === id && t.msPerFrame <= budgetMs))
  if (keepsUp !== undefined) return { model: keepsUp, reason: 'keeps-up', budgetMs }
  if (timed.length === 0) return { model: DEFAULT_POSE_MODEL, reason: 'not-measured', budgetMs }
  const fastest = timed.reduce((a, b) => (b.msPerFrame < a.msPerFrame ? b : a))
  return { model: fastest.model, reason: 'none-keeps-up', budgetMs }
}
