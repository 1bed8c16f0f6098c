/**
 * The pose data that crosses from the pose worker (or the Node analyzer) into the form engine.
 * Everything here is plain data: it is structured-cloned between threads and written to disk.
 */

/** BlazePose's 33 keypoint names, in model order. MoveNet's 17 are a subset of these names. */
export const BLAZEPOSE_KEYPOINTS = [
  'nose', 'left_eye_inner', 'left_eye', 'left_eye_outer', 'right_eye_inner', 'right_eye', 'right_eye_outer',
  'left_ear', 'right_ear', 'mouth_left', 'mouth_right',
  'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist',
  'left_pinky', 'right_pinky', 'left_index', 'right_index', 'left_thumb', 'right_thumb',
  'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
  'left_heel', 'right_heel', 'left_foot_index', 'right_foot_index'
] as const

export type KeypointName = (typeof BLAZEPOSE_KEYPOINTS)[number]

/** A 2D keypoint. x, y are normalised image coordinates in [0, 1] (origin top-left, y down); score in [0, 1]. */
export interface Keypoint {
  name: KeypointName
  x: number
  y: number
  score: number
}

/** A 3D world landmark in metres, origin at the hip centre (BlazePose only). */
export interface WorldLandmark {
  name: KeypointName
  x: number
  y: number
  z: number
  score: number
}

/** One analysed camera or video frame. */
export interface PoseFrame {
  /** Capture time of the frame in milliseconds (camera clock or video media time), monotonic. */
  timestampMs: number
  /** Size of the analysed image in pixels; geometry converts normalised x, y with these before measuring angles. */
  imageWidth: number
  imageHeight: number
  /** Empty when no person was found. */
  keypoints: Keypoint[]
  /** Present for BlazePose models, absent for MoveNet. */
  worldLandmarks?: WorldLandmark[]
  /** Wall-clock milliseconds the model took on this frame. */
  inferenceMs?: number
  /**
   * Mean luminance of the analysed image, 0 (black) .. 1 (white), Rec. 601 luma of a pixel subsample;
   * absent where the source did not measure it. Lets the engine say "too dark" instead of "not seen".
   */
  meanLuminance?: number
}
