/**
 * The model and backend the live pipeline runs with, chosen by the runner (or left on defaults)
 * and remembered in localStorage. Validated at this edge: anything unknown falls back to the default.
 */
import { POSE_MODEL_IDS, type PoseModelId } from '../pose/models'
import { BACKEND_NAMES, type BackendChoice } from '../pose/protocol'

/**
 * Default model, from `npm run bench` on a 2-core CPU-only machine (tests/bench/README.md): the only one
 * at >= 30 frames/s with p95 latency < 70 ms, and it has the heel/toe keypoints the exercise rules use.
 */
export const DEFAULT_POSE_MODEL: PoseModelId = 'blazepose-lite'
export const DEFAULT_BACKEND: BackendChoice = 'auto'

export interface PoseSettings {
  model: PoseModelId
  backend: BackendChoice
}

const STORAGE_KEY = 'revup.poseSettings'

export function loadPoseSettings(storage: Pick<Storage, 'getItem'> | null): PoseSettings {
  try {
    const parsed = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}') as Partial<Record<keyof PoseSettings, unknown>>
    const model = (POSE_MODEL_IDS as readonly unknown[]).includes(parsed.model) ? (parsed.model as PoseModelId) : DEFAULT_POSE_MODEL
    const backend = parsed.backend === 'auto' || (BACKEND_NAMES as readonly unknown[]).includes(parsed.backend) ? (parsed.backend as BackendChoice) : DEFAULT_BACKEND
    return { model, backend }
  } catch {
    return { model: DEFAULT_POSE_MODEL, backend: DEFAULT_BACKEND }
  }
}

export function savePoseSettings(storage: Pick<Storage, 'setItem'> | null, settings: PoseSettings): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(settings))
  } catch {
    // Storage disabled: the choice lasts for this run only.
  }
}

/** localStorage when the page has one (absent in Node tests and some sandboxes). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}
