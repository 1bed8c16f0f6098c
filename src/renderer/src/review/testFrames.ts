import type { Keypoint, KeypointName, PoseFrame } from '../../../shared/pose/types'

/** A side-view frame (640×480) whose left knee is bent to `kneeDeg`, right side faint (0.2: unseen under the MoveNet and BlazePose score lines); for review tests. */
export function kneeFrame(tMs: number, kneeDeg: number): PoseFrame {
  const w = 640
  const h = 480
  const knee = { x: 320, y: 300 }
  const thigh = 100
  const rad = ((180 - kneeDeg) * Math.PI) / 180
  const hip = { x: knee.x - thigh, y: knee.y }
  // The shin turns from straight-down-the-thigh-line by (180 - kneeDeg) degrees.
  const ankle = { x: knee.x + thigh * Math.cos(rad), y: knee.y + thigh * Math.sin(rad) }
  const shoulder = { x: hip.x, y: hip.y - 150 }
  const kp = (name: KeypointName, p: { x: number; y: number }, score: number): Keypoint => ({ name, x: p.x / w, y: p.y / h, score })
  const keypoints: Keypoint[] = [
    kp('left_shoulder', shoulder, 0.9), kp('left_hip', hip, 0.9), kp('left_knee', knee, 0.9), kp('left_ankle', ankle, 0.9),
    kp('right_shoulder', shoulder, 0.2), kp('right_hip', hip, 0.2), kp('right_knee', knee, 0.2), kp('right_ankle', ankle, 0.2)
  ]
  return { timestampMs: tMs, imageWidth: w, imageHeight: h, keypoints }
}
