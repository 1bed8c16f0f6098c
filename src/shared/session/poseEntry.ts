/**
 * How a sampled pose frame is stored in the journal: one row of the compact pose codec
 * (src/shared/pose/compact.ts) in BlazePose's fixed 33-keypoint order, plus the image size.
 * MoveNet's 17 keypoints are a subset; the missing ones are written as zeros and dropped on read.
 * World landmarks are not kept: the review screen replays the 2D skeleton only.
 */
import { z } from 'zod'
import { decodePoses, encodePoses } from '../pose/compact'
import { BLAZEPOSE_KEYPOINTS, type PoseFrame } from '../pose/types'

/** A compact pose frame: image size in pixels and the codec's row [timestampMs, x0, y0, score0, ...]. */
export interface CompactPoseFrame {
  /** Analysed image width and height, pixels. */
  w: number
  h: number
  /** [timestampMs] when no person was found, else 1 + 33 × 3 numbers (normalised x, y and score). */
  r: number[]
}

const FULL_ROW = 1 + BLAZEPOSE_KEYPOINTS.length * 3
/** A 16k-pixel-wide image is beyond any webcam; bigger is a bug. */
const MAX_IMAGE_PX = 16_384

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' })
const imageSide = finite.refine((n) => n > 0 && n <= MAX_IMAGE_PX, { message: `must be 1–${MAX_IMAGE_PX} pixels` })

export const compactPoseFrameSchema = z.object({
  w: imageSide,
  h: imageSide,
  r: z.array(finite).refine((row) => row.length === 1 || row.length === FULL_ROW, {
    message: `must hold 1 or ${FULL_ROW} numbers`
  })
})

export function encodeJournalPose(frame: PoseFrame): CompactPoseFrame {
  const { frames } = encodePoses([frame], {
    model: 'journal',
    width: frame.imageWidth,
    height: frame.imageHeight,
    fps: 1,
    clip: 'journal',
    keypoints: [...BLAZEPOSE_KEYPOINTS],
    world: false
  })
  return { w: frame.imageWidth, h: frame.imageHeight, r: frames[0] }
}

/** Back to a PoseFrame; keypoints the model never produced (all zero) are left out. */
export function decodeJournalPose(compact: CompactPoseFrame): PoseFrame {
  const header = {
    format: 'revup-poses',
    version: 1,
    model: 'journal',
    width: compact.w,
    height: compact.h,
    fps: 1,
    clip: 'journal',
    keypoints: [...BLAZEPOSE_KEYPOINTS],
    world: false
  }
  const [frame] = decodePoses({ header, frames: [compact.r] }).frames
  return { ...frame, keypoints: frame.keypoints.filter((k) => k.x !== 0 || k.y !== 0 || k.score !== 0) }
}
