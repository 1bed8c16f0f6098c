/**
 * The pose-model catalogue: ids, what each model gives, and the app's default. Pure data with no
 * tfjs/pose-detection import, so the UI, the settings store and the CLI tools can name models
 * without bundling tfjs; models.ts (createDetector, toPoseFrame) builds on it.
 */

export const POSE_MODEL_IDS = ['blazepose-lite', 'blazepose-full', 'blazepose-heavy', 'movenet-lightning', 'movenet-thunder'] as const
export type PoseModelId = (typeof POSE_MODEL_IDS)[number]

/**
 * The model the app (and so the analyzer) runs unless the runner picks another. From `npm run bench` on a
 * 2-core CPU-only machine (tests/bench/README.md): the only model at >= 30 frames/s with p95 latency < 70 ms,
 * and it has the heel/toe keypoints the exercise rules use.
 */
export const DEFAULT_POSE_MODEL: PoseModelId = 'blazepose-lite'

/**
 * Models from most to least accurate. BlazePose Heavy > Full > Lite: the same detector and keypoints, a
 * bigger landmark network each step (models/README.md: Lite's knee-angle jitter is 2x Full's). MoveNet
 * ranks below every BlazePose whatever its precision: 17 keypoints, no heels or toes, which the
 * knee-past-toes, sitting-back and heel-tap rules need; automatic choice never picks it.
 */
export const ACCURACY_ORDER: readonly PoseModelId[] = ['blazepose-heavy', 'blazepose-full', 'blazepose-lite', 'movenet-thunder', 'movenet-lightning']

/** What the app needs to know about a model before loading it. */
export interface PoseModelInfo {
  id: PoseModelId
  displayName: string
  family: 'blazepose' | 'movenet'
  /** Model files, relative to models/ (served at /models/<file>); for BlazePose: [detector, landmark]. */
  files: readonly string[]
  /** Keypoints per pose: 33 for BlazePose (incl. heels and toes), 17 COCO keypoints for MoveNet. */
  keypointCount: 33 | 17
  /** True when the model also gives 3D world landmarks (metres, hip-centred). */
  hasWorldLandmarks: boolean
  /** Side of the square model input in pixels (the landmark model's for BlazePose). */
  inputSizePx: number
}

const BLAZEPOSE_DETECTOR = 'human/blazepose-detector.json'

export const POSE_MODELS: Readonly<Record<PoseModelId, PoseModelInfo>> = {
  'blazepose-lite': {
    id: 'blazepose-lite', displayName: 'BlazePose Lite', family: 'blazepose',
    files: [BLAZEPOSE_DETECTOR, 'human/blazepose-lite.json'], keypointCount: 33, hasWorldLandmarks: true, inputSizePx: 256
  },
  'blazepose-full': {
    id: 'blazepose-full', displayName: 'BlazePose Full', family: 'blazepose',
    files: [BLAZEPOSE_DETECTOR, 'human/blazepose-full.json'], keypointCount: 33, hasWorldLandmarks: true, inputSizePx: 256
  },
  'blazepose-heavy': {
    id: 'blazepose-heavy', displayName: 'BlazePose Heavy', family: 'blazepose',
    files: [BLAZEPOSE_DETECTOR, 'human/blazepose-heavy.json'], keypointCount: 33, hasWorldLandmarks: true, inputSizePx: 256
  },
  'movenet-lightning': {
    id: 'movenet-lightning', displayName: 'MoveNet Lightning', family: 'movenet',
    files: ['human/movenet-lightning.json'], keypointCount: 17, hasWorldLandmarks: false, inputSizePx: 192
  },
  'movenet-thunder': {
    id: 'movenet-thunder', displayName: 'MoveNet Thunder', family: 'movenet',
    files: ['human/movenet-thunder.json'], keypointCount: 17, hasWorldLandmarks: false, inputSizePx: 256
  }
}

/** True for a known model id (for edges that fall back to a default instead of throwing). */
export function isPoseModelId(value: unknown): value is PoseModelId {
  return typeof value === 'string' && (POSE_MODEL_IDS as readonly string[]).includes(value)
}

/** Validates a model id from settings, a CLI flag or a message, naming the bad value and the allowed set. */
export function parsePoseModelId(value: unknown): PoseModelId {
  if (isPoseModelId(value)) return value
  throw new Error(`Unknown pose model ${JSON.stringify(value)}; expected one of: ${POSE_MODEL_IDS.join(', ')}`)
}
