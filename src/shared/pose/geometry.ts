/**
 * Stateless 2D geometry on keypoints. Every function works in PIXEL space (image x right, y down):
 * normalised coordinates must go through `toPixels` first, or angles are skewed by the aspect ratio.
 */
import type { Keypoint } from './types'

/** A point in image pixels (origin top-left, y down). */
export interface Point2 {
  x: number
  y: number
}

/** Converts a normalised keypoint to pixels of an image `width` x `height` pixels. */
export function toPixels(kp: Pick<Keypoint, 'x' | 'y'>, width: number, height: number): Point2 {
  return { x: kp.x * width, y: kp.y * height }
}

/** Euclidean distance between two points, pixels. */
export function distance(a: Point2, b: Point2): number {
  return Math.hypot(a.x - b.x, a.y - b.y)
}

/** Point halfway between a and b, pixels. */
export function midpoint(a: Point2, b: Point2): Point2 {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }
}

/**
 * Angle at `vertex` between the rays to `a` and `c`, degrees in [0, 180]
 * (180 = a straight line through the vertex). NaN when a ray has zero length.
 */
export function angleAt(a: Point2, vertex: Point2, c: Point2): number {
  const ux = a.x - vertex.x
  const uy = a.y - vertex.y
  const vx = c.x - vertex.x
  const vy = c.y - vertex.y
  const lengths = Math.hypot(ux, uy) * Math.hypot(vx, vy)
  if (lengths === 0) return Number.NaN
  const cos = Math.min(1, Math.max(-1, (ux * vx + uy * vy) / lengths))
  return (Math.acos(cos) * 180) / Math.PI
}

/**
 * Signed perpendicular distance of `p` from the infinite line through `a` and `b`, pixels.
 * Positive when p lies above the line in the image (smaller y) for a line drawn left to right,
 * whichever way the line is drawn (for a vertical line: positive to the image right). NaN when a equals b.
 */
export function lineDeviation(p: Point2, a: Point2, b: Point2): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len = Math.hypot(dx, dy)
  if (len === 0) return Number.NaN
  // Cross product (b - a) x (p - a); y grows downwards, so flip to make "above" positive.
  const cross = dx * (p.y - a.y) - dy * (p.x - a.x)
  const sign = dx >= 0 ? -1 : 1
  return (sign * cross) / len
}

/**
 * Lean of the segment from `bottom` to `top` away from image vertical, degrees in [0, 180]
 * (0 = top straight above bottom, 90 = horizontal, 180 = upside down).
 */
export function leanFromVertical(bottom: Point2, top: Point2): number {
  const dx = top.x - bottom.x
  const up = bottom.y - top.y
  if (dx === 0 && up === 0) return Number.NaN
  return (Math.atan2(Math.abs(dx), up) * 180) / Math.PI
}

/** Signed horizontal lean of `top` over `bottom`, degrees in (-180, 180]: positive when top is to the image right. */
export function signedLeanFromVertical(bottom: Point2, top: Point2): number {
  const dx = top.x - bottom.x
  const up = bottom.y - top.y
  if (dx === 0 && up === 0) return Number.NaN
  return (Math.atan2(dx, up) * 180) / Math.PI
}

/** Angle of the segment a→b above image horizontal, degrees in [-90, 90] (positive when b is higher than a). */
export function elevationDeg(a: Point2, b: Point2): number {
  const dx = Math.abs(b.x - a.x)
  const up = a.y - b.y
  if (dx === 0 && up === 0) return Number.NaN
  return (Math.atan2(up, dx) * 180) / Math.PI
}

/** An angle in degrees brought into (-180, 180]. */
export function wrapDeg(deg: number): number {
  const w = ((((deg + 180) % 360) + 360) % 360) - 180
  return w === -180 ? 180 : w
}
