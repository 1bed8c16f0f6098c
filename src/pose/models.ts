/**
 * The one place detectors are created for catalogue models (catalogue.ts) and their output converted.
 * The browser pose worker (src/renderer/src/pose) and the Node analyzer (tools/poses.ts) both import this file, so the app and
 * the analyzer run the same model files with the same detector settings. No DOM APIs here.
 */
import * as poseDetection from '@tensorflow-models/pose-detection'
import type { io } from '@tensorflow/tfjs'
import { BLAZEPOSE_KEYPOINTS, type Keypoint, type KeypointName, type PoseFrame, type WorldLandmark } from '../shared/pose/types'
import { POSE_MODELS, parsePoseModelId, type PoseModelId } from './catalogue'

// The catalogue lives in catalogue.ts (no tfjs); re-exported for the Node tools that create detectors too.
export { DEFAULT_POSE_MODEL, POSE_MODELS, POSE_MODEL_IDS, parsePoseModelId, type PoseModelId, type PoseModelInfo } from './catalogue'

type BlazePoseId = Extract<PoseModelId, `blazepose-${string}`>
const BLAZEPOSE_MODEL_TYPES: Record<BlazePoseId, poseDetection.BlazePoseModelType> = {
  'blazepose-lite': 'lite', 'blazepose-full': 'full', 'blazepose-heavy': 'heavy'
}

/**
 * Where a model file comes from: given its path relative to models/ (e.g. 'human/blazepose-full.json'),
 * return a URL (the browser: '/models/' + file) or a tf.io.IOHandler (Node: read from disk).
 */
export type ModelFileSource = (fileInModels: string) => string | io.IOHandler

/**
 * Settings every detector gets. Smoothing is OFF: the form engine smooths with real frame timestamps
 * (src/shared/pose filters), and smoothing twice would add lag to rep timing.
 */
export const DETECTOR_SETTINGS = { enableSmoothing: false, enableSegmentation: false, maxPoses: 1, flipHorizontal: false } as const

/** Estimation config passed to every estimatePoses call (single person, no mirroring: the UI mirrors, not the data). */
export const ESTIMATION_CONFIG: poseDetection.EstimationConfig = {
  maxPoses: DETECTOR_SETTINGS.maxPoses,
  flipHorizontal: DETECTOR_SETTINGS.flipHorizontal
}

/** Creates a pose-detection detector (runtime 'tfjs') for one catalogue model; the caller must dispose() it. */
export async function createDetector(model: PoseModelId, source: ModelFileSource): Promise<poseDetection.PoseDetector> {
  const info = POSE_MODELS[parsePoseModelId(model)]
  if (info.family === 'blazepose') {
    const config: poseDetection.BlazePoseTfjsModelConfig = {
      runtime: 'tfjs',
      modelType: BLAZEPOSE_MODEL_TYPES[model as BlazePoseId],
      enableSmoothing: DETECTOR_SETTINGS.enableSmoothing,
      enableSegmentation: DETECTOR_SETTINGS.enableSegmentation,
      detectorModelUrl: source(info.files[0]),
      landmarkModelUrl: source(info.files[1])
    }
    return poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, config)
  }
  const config: poseDetection.MoveNetModelConfig = {
    modelType: model === 'movenet-thunder'
      ? poseDetection.movenet.modelType.SINGLEPOSE_THUNDER
      : poseDetection.movenet.modelType.SINGLEPOSE_LIGHTNING,
    enableSmoothing: DETECTOR_SETTINGS.enableSmoothing,
    modelUrl: source(info.files[0])
  }
  return poseDetection.createDetector(poseDetection.SupportedModels.MoveNet, config)
}

const KNOWN_NAMES: ReadonlySet<string> = new Set(BLAZEPOSE_KEYPOINTS)

function isKeypointName(name: string | undefined): name is KeypointName {
  return name !== undefined && KNOWN_NAMES.has(name)
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback
}

/**
 * Converts pose-detection output (keypoints in pixels of the analysed image) into our PoseFrame
 * (normalised x, y; score in [0, 1]). Takes the first (best) pose; no pose gives empty keypoints.
 * Joints the model places beyond the image edge keep their coordinates (slightly outside [0, 1]) with
 * the model's low score, so geometry stays honest and visibility checks decide.
 * BlazePose 3D keypoints (metres, hip-centred) become worldLandmarks; MoveNet has none.
 *
 * @param timestampMs frame capture / media time, milliseconds
 * @param width analysed image width, pixels
 * @param height analysed image height, pixels
 * @param inferenceMs wall-clock milliseconds estimatePoses took
 */
export function toPoseFrame(
  poses: readonly poseDetection.Pose[],
  timestampMs: number,
  width: number,
  height: number,
  inferenceMs?: number
): PoseFrame {
  if (!(width > 0) || !(height > 0)) {
    throw new Error(`toPoseFrame: image size must be positive pixels, got ${width}x${height}`)
  }
  const frame: PoseFrame = { timestampMs, imageWidth: width, imageHeight: height, keypoints: [] }
  if (inferenceMs !== undefined) frame.inferenceMs = inferenceMs
  const pose = poses[0]
  if (!pose) return frame

  const keypoints: Keypoint[] = []
  for (const kp of pose.keypoints) {
    if (!isKeypointName(kp.name)) continue
    const finite = Number.isFinite(kp.x) && Number.isFinite(kp.y)
    keypoints.push({
      name: kp.name,
      x: finite ? kp.x / width : 0,
      y: finite ? kp.y / height : 0,
      score: finite ? Math.min(1, Math.max(0, finiteOr(kp.score, 0))) : 0
    })
  }
  frame.keypoints = keypoints

  if (pose.keypoints3D && pose.keypoints3D.length > 0) {
    const world: WorldLandmark[] = []
    for (const kp of pose.keypoints3D) {
      if (!isKeypointName(kp.name)) continue
      world.push({ name: kp.name, x: finiteOr(kp.x, 0), y: finiteOr(kp.y, 0), z: finiteOr(kp.z, 0), score: Math.min(1, Math.max(0, finiteOr(kp.score, 0))) })
    }
    frame.worldLandmarks = world
  }
  return frame
}
