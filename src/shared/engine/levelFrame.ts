/**
 * Undoing the camera's roll: rotate keypoints about the image centre so that rules written in image axes
 * (sit-back, knee past toes, thigh and body-line angles against image horizontal) see a level picture.
 *
 * Sign convention (the same as the 'camera' event and cameraRoll.ts): rollDeg > 0 means the picture is
 * turned CLOCKWISE as the runner sees it on screen, i.e. the world's "up" appears rotated clockwise from
 * image-up (a standing body leans to the image right). Levelling rotates the points by -rollDeg, i.e.
 * counter-clockwise on screen, in PIXEL space (rotating normalised x, y would shear a non-square image).
 */
import type { Point2 } from '../pose/geometry'
import type { PoseFrame } from '../pose/types'

const RAD = Math.PI / 180

/**
 * `p` turned clockwise on screen (image y points down) by `deg` about `centre`, pixels. A clockwise turn
 * by 90° takes image-up to image-right.
 */
export function rotateClockwise(p: Point2, deg: number, centre: Point2): Point2 {
  const c = Math.cos(deg * RAD)
  const s = Math.sin(deg * RAD)
  const dx = p.x - centre.x
  const dy = p.y - centre.y
  return { x: centre.x + dx * c - dy * s, y: centre.y + dx * s + dy * c }
}

/** A pixel point as a level camera would have seen it, given the camera's roll (degrees, clockwise positive). */
export function levelPoint(p: Point2, rollDeg: number, imageCentre: Point2): Point2 {
  return rotateClockwise(p, -rollDeg, imageCentre)
}

/**
 * Whether levelling by `rollDeg` turns the picture on its side (an odd number of quarter turns, to the
 * nearest): the levelled image is then portrait where the camera's was landscape, and the reverse.
 */
function swapsSides(rollDeg: number): boolean {
  return Math.abs(Math.round(rollDeg / 90)) % 2 === 1
}

/**
 * The frame as a level camera would have seen it: every keypoint rotated by -rollDeg about the image centre
 * in pixel space, then re-normalised. When the roll is nearer ±90° than 0° (a picture on its side) the
 * levelled image swaps width and height, so a runner filmed sideways comes out upright inside it.
 *
 * Normalised x, y may leave [0, 1] slightly (a corner of the camera's picture lies outside the levelled one),
 * so decide "is this keypoint inside the picture" on the camera's own frame, before levelling. World
 * landmarks (metres, camera-aligned) are turned about the viewing axis by the same angle. Returns `frame`
 * itself when there is nothing to undo.
 */
export function derollFrame(frame: PoseFrame, rollDeg: number): PoseFrame {
  if (!Number.isFinite(rollDeg) || rollDeg === 0) return frame
  const w = frame.imageWidth
  const h = frame.imageHeight
  const swap = swapsSides(rollDeg)
  const outW = swap ? h : w
  const outH = swap ? w : h
  const centre = { x: w / 2, y: h / 2 }
  const shift = { x: (outW - w) / 2, y: (outH - h) / 2 }
  const keypoints = frame.keypoints.map((kp) => {
    const p = levelPoint({ x: kp.x * w, y: kp.y * h }, rollDeg, centre)
    return { ...kp, x: (p.x + shift.x) / outW, y: (p.y + shift.y) / outH }
  })
  const origin = { x: 0, y: 0 }
  const worldLandmarks = frame.worldLandmarks?.map((lm) => ({ ...lm, ...levelPoint(lm, rollDeg, origin) }))
  return { ...frame, imageWidth: outW, imageHeight: outH, keypoints, ...(worldLandmarks ? { worldLandmarks } : {}) }
}

/** Turns a level frame into what a camera rolled by `rollDeg` would see: the inverse of derollFrame (tests, derived cases). */
export function rollFrame(frame: PoseFrame, rollDeg: number): PoseFrame {
  return derollFrame(frame, -rollDeg)
}
