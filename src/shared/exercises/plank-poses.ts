/**
 * Synthetic test poses for the plank family (plank, side plank, push-up), built on the shared stick
 * figure in tests/fixtures/synthetic/skeleton.ts: a 1280x720 image, floor at y = 600 px. Used only by
 * tests; the real-footage fixtures are the ground truth for the thresholds.
 */
import type { Side } from '../engine/events'
import type { PoseFrame } from '../pose/types'
import { SEG, step, toFrame, type Pts } from '../../../tests/fixtures/synthetic/skeleton'

const FLOOR_Y = 600
type P = { x: number; y: number }

export interface PronePose {
  /** Elbow angle, degrees (~170 straight-arm plank or push-up top, ~90 forearm plank or push-up bottom). */
  elbowDeg: number
  /** Forearm on the floor (forearm plank) instead of a vertical forearm over the hand. */
  forearmDown?: boolean
  /** Hip offset off the straight shoulder–ankle line, pixels; positive = towards the floor (sagging). */
  hipSagPx?: number
  /** Knees on the floor with the shins raised (push-up from the knees). */
  fromKnees?: boolean
  /** Upper arm lean from vertical, degrees, positive = elbow ahead of the shoulder (towards the head). */
  upperArmLeanDeg?: number
  head?: 'left' | 'right'
}

/** Face-down side view (plank, push-up); the near side is the left, the far side scored lower. */
export function prone(tMs: number, p: PronePose): PoseFrame {
  const dir = (p.head ?? 'right') === 'right' ? 1 : -1
  const hand = { x: 640 + dir * 260, y: FLOOR_Y - 5 }
  let elbow: P
  let shoulder: P
  if (p.forearmDown) {
    elbow = { x: hand.x - dir * SEG.forearm, y: FLOOR_Y - 5 }
    shoulder = step(elbow, SEG.upperArm, -dir * (p.upperArmLeanDeg ?? 0))
  } else {
    elbow = { x: hand.x, y: hand.y - SEG.forearm }
    // Elbows back towards the toes: the upper arm turns from vertical towards the head as the elbow bends.
    shoulder = step(elbow, SEG.upperArm, dir * (180 - p.elbowDeg))
  }
  const pts: Pts = {}
  const end = p.fromKnees ? { x: 0, y: FLOOR_Y - 10 } : { x: 0, y: FLOOR_Y - 8 }
  const lineLen = p.fromKnees ? SEG.torso + SEG.thigh : SEG.torso + SEG.thigh + SEG.shin
  end.x = shoulder.x - dir * Math.sqrt(Math.max(1, lineLen ** 2 - (end.y - shoulder.y) ** 2))
  const along = (f: number): P => ({ x: shoulder.x + (end.x - shoulder.x) * f, y: shoulder.y + (end.y - shoulder.y) * f })
  const hipOnLine = along(SEG.torso / lineLen)
  const hip = { x: hipOnLine.x, y: hipOnLine.y + (p.hipSagPx ?? 0) }
  const knee = p.fromKnees ? end : along((SEG.torso + SEG.thigh) / lineLen)
  const ankle = p.fromKnees ? step(knee, SEG.shin, -dir * 60) : end
  for (const side of ['left', 'right'] as const) {
    const off = side === 'left' ? 0 : -6
    const o = (q: P): P => ({ x: q.x, y: q.y + off })
    Object.assign(pts, {
      [`${side}_shoulder`]: o(shoulder), [`${side}_elbow`]: o(elbow), [`${side}_wrist`]: o(hand),
      [`${side}_hip`]: o(hip), [`${side}_knee`]: o(knee), [`${side}_ankle`]: o(ankle),
      [`${side}_heel`]: o(step(ankle, 12, dir * 60)), [`${side}_foot_index`]: o({ x: ankle.x + dir * 10, y: FLOOR_Y }),
      [`${side}_ear`]: o({ x: shoulder.x + dir * 35, y: shoulder.y - 10 })
    })
  }
  pts.nose = { x: shoulder.x + dir * 55, y: shoulder.y + 5 }
  return toFrame(tMs, pts, { scores: farSideScores() })
}

/** Half the shoulder (arms) or hip (legs, head 0) width, pixels: how far a keypoint sits off the mid-plane. */
function halfWidthPx(name: string): number {
  if (/(shoulder|elbow|wrist|ear)$/.test(name)) return SEG.shoulderW / 2
  if (/(hip|knee|ankle|heel|foot_index)$/.test(name)) return SEG.hipW / 2
  return 0
}

/**
 * A side-view prone frame as a level camera turned `yawDeg` towards the head or feet would see it:
 * lengths along the body shrink by cos(yaw) about x = 640, and each side moves by its depth × sin(yaw)
 * (the near left side one way, the far right side the other). Heights are unchanged.
 */
export function turnedCamera(frame: PoseFrame, yawDeg: number): PoseFrame {
  const rad = (yawDeg * Math.PI) / 180
  const w = frame.imageWidth
  return {
    ...frame,
    keypoints: frame.keypoints.map((k) => {
      const depth = k.name.startsWith('right_') ? halfWidthPx(k.name) : k.name.startsWith('left_') ? -halfWidthPx(k.name) : 0
      const x = 640 + (k.x * w - 640) * Math.cos(rad) + depth * Math.sin(rad)
      return { ...k, x: x / w }
    })
  }
}

function farSideScores(): Record<string, number> {
  const scores: Record<string, number> = {}
  for (const part of ['shoulder', 'elbow', 'wrist', 'hip', 'knee', 'ankle', 'heel', 'foot_index', 'ear']) scores[`right_${part}`] = 0.7
  return scores
}

export interface SideLyingPose {
  /** The side on the floor. */
  down: Side
  /** On the forearm (elbow under the shoulder) or the hand (straight arm). */
  support: 'forearm' | 'hand'
  /** Hip offset towards the floor off the shoulder–ankle line, pixels (≈35+ = hips on the floor). */
  hipDropPx?: number
  /** Supporting arm lean from vertical, degrees (contact point towards the head). */
  armLeanDeg?: number
  head?: 'left' | 'right'
}

/** Side plank seen from the front: shoulders and hips stacked one above the other, the body across the image. */
export function sideLying(tMs: number, p: SideLyingPose): PoseFrame {
  const dir = (p.head ?? 'left') === 'right' ? 1 : -1
  const contactY = FLOOR_Y - 5
  const contact = { x: 640 + dir * 200, y: contactY }
  const armLen = p.support === 'forearm' ? SEG.upperArm : SEG.upperArm + SEG.forearm
  const downShoulder = step(contact, armLen, -dir * (p.armLeanDeg ?? 0))
  const downElbow = p.support === 'forearm' ? contact : step(contact, SEG.forearm, -dir * (p.armLeanDeg ?? 0))
  const downWrist = p.support === 'forearm' ? { x: contact.x + dir * SEG.forearm, y: contactY } : contact
  const lineLen = SEG.torso + SEG.thigh + SEG.shin
  const downAnkle = { x: 0, y: FLOOR_Y - 12 }
  downAnkle.x = downShoulder.x - dir * Math.sqrt(lineLen ** 2 - (downAnkle.y - downShoulder.y) ** 2)
  const along = (f: number): P => ({
    x: downShoulder.x + (downAnkle.x - downShoulder.x) * f, y: downShoulder.y + (downAnkle.y - downShoulder.y) * f
  })
  const hipLine = along(SEG.torso / lineLen)
  const downHip = { x: hipLine.x, y: hipLine.y + (p.hipDropPx ?? 0) }
  const downKnee = along((SEG.torso + SEG.thigh) / lineLen)
  const up = p.down === 'left' ? 'right' : 'left'
  const stack = (q: P, h: number): P => ({ x: q.x, y: q.y - h })
  const pts: Pts = {
    [`${p.down}_shoulder`]: downShoulder, [`${p.down}_elbow`]: downElbow, [`${p.down}_wrist`]: downWrist,
    [`${p.down}_hip`]: downHip, [`${p.down}_knee`]: downKnee, [`${p.down}_ankle`]: downAnkle,
    [`${up}_shoulder`]: stack(downShoulder, SEG.shoulderW), [`${up}_hip`]: stack(downHip, SEG.hipW),
    [`${up}_knee`]: stack(downKnee, 20), [`${up}_ankle`]: stack(downAnkle, 12),
    // Top hand on the hip.
    [`${up}_elbow`]: step(stack(downShoulder, SEG.shoulderW), SEG.upperArm, -dir * 100),
    [`${up}_wrist`]: stack(downHip, SEG.hipW + 10),
    left_ear: { x: downShoulder.x + dir * 40, y: downShoulder.y - 60 },
    right_ear: { x: downShoulder.x + dir * 40, y: downShoulder.y - 30 },
    nose: { x: downShoulder.x + dir * 55, y: downShoulder.y - 45 }
  }
  return toFrame(tMs, pts)
}

export interface HeadOnPushUpPose {
  /** Image-plane elbow angle, degrees. */
  elbowDeg: number
  /** Forearm lean outwards from vertical, degrees (0 = elbow over the hand; 40+ = flared). */
  forearmOutDeg: number
}

/** Push-up seen head-on from the floor: arms and shoulders in view, legs hidden behind the torso. */
export function headOnPushUp(tMs: number, p: HeadOnPushUpPose): PoseFrame {
  const pts: Pts = {}
  for (const side of ['left', 'right'] as const) {
    // Facing the camera: the runner's left is on the image right.
    const out = side === 'left' ? 1 : -1
    const wrist = { x: 640 + out * 80, y: FLOOR_Y }
    const elbow = step(wrist, SEG.forearm, out * p.forearmOutDeg)
    // Upper arm: the forearm direction (elbow → wrist) turned inwards by the elbow angle.
    const toWrist = Math.atan2(wrist.x - elbow.x, -(wrist.y - elbow.y)) * (180 / Math.PI)
    const shoulder = step(elbow, SEG.upperArm, toWrist + out * p.elbowDeg)
    Object.assign(pts, {
      [`${side}_wrist`]: wrist, [`${side}_elbow`]: elbow, [`${side}_shoulder`]: shoulder,
      // Hips hidden behind the back, seen just above the shoulders.
      [`${side}_hip`]: { x: 640 + out * 30, y: shoulder.y - 40 },
      [`${side}_ear`]: { x: 640 + out * 25, y: shoulder.y - 10 }
    })
  }
  pts.nose = { x: 640, y: pts.left_ear!.y + 15 }
  return toFrame(tMs, pts)
}
