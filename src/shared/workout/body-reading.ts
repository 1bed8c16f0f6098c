import { createBody, joint, type Body } from '../engine/body'
import { distance, leanFromVertical } from '../pose/geometry'
import type { CameraView, Side } from '../engine/events'
import type { KeypointName, PoseFrame } from '../pose/types'

/**
 * What one frame says about where the runner is, for the placement check and hands-free start/end.
 * No form judgement here: only "is there a person, which way do they face, how big are they".
 */
export interface BodyReading {
  /** Enough keypoints are seen to call it a person. */
  person: boolean
  /** Which view the camera has of the runner; 'unknown' when angled or unclear. */
  view: CameraView | 'unknown'
  posture: 'standing' | 'floor' | 'unknown'
  /** Largest extent of the seen keypoints as a fraction of the image side along it (0..1+). */
  bodyFraction: number | null
  /** Seen keypoints that lie at (or past) the image edge: the body is cut off there. */
  clipped: KeypointName[]
  body: Body
}

/** Fewer seen keypoints than this is a glimpse (a hand, a face), not a runner in frame. */
export const MIN_PERSON_KEYPOINTS = 6
/** Shoulder width over torso length below this = side-on (shoulders stacked in depth). Front-on is about 0.7. */
export const SIDE_VIEW_MAX_RATIO = 0.4
/** Shoulder width over torso length above this = front- or back-on. Between the two is an angled view. */
export const FRONT_VIEW_MIN_RATIO = 0.55
/** Torso within this many degrees of vertical = upright (standing, lunging, stepping). */
export const STANDING_MAX_LEAN_DEG = 40
/** Torso more than this many degrees from vertical = lying, planking or propped on the floor. */
export const FLOOR_MIN_LEAN_DEG = 55
/** A keypoint within this fraction of the image side from an edge is treated as cut off. */
export const EDGE_MARGIN = 0.01

export function readBody(frame: PoseFrame): BodyReading {
  const body = createBody(frame)
  const seen = frame.keypoints.filter((k) => body.point(k.name) !== null)
  const person = seen.length >= MIN_PERSON_KEYPOINTS
  if (!person) return { person, view: 'unknown', posture: 'unknown', bodyFraction: null, clipped: [], body }
  const xs = seen.map((k) => k.x)
  const ys = seen.map((k) => k.y)
  const bodyFraction = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))
  const clipped = seen
    .filter((k) => k.x <= EDGE_MARGIN || k.x >= 1 - EDGE_MARGIN || k.y <= EDGE_MARGIN || k.y >= 1 - EDGE_MARGIN)
    .map((k) => k.name)
  return { person, view: viewOf(body), posture: postureOf(body), bodyFraction, clipped, body }
}

/** Side or front view from how wide the shoulders (or hips) look against the torso's length. */
function viewOf(body: Body): CameraView | 'unknown' {
  const ratio = widthOverTorso(body, 'shoulder') ?? widthOverTorso(body, 'hip')
  // Only one side's shoulder and hip seen: the far side is hidden behind the body, as in a side view.
  if (ratio === null) return nearSideSeen(body) ? 'side' : 'unknown'
  if (ratio < SIDE_VIEW_MAX_RATIO) return 'side'
  if (ratio > FRONT_VIEW_MIN_RATIO) return 'front'
  return 'unknown'
}

function widthOverTorso(body: Body, part: 'shoulder' | 'hip'): number | null {
  const width = body.dist(joint('left', part), joint('right', part))
  const torso = torsoLength(body)
  return width === null || torso === null || torso === 0 ? null : width / torso
}

/** Shoulder-centre to hip-centre in pixels, using one side when only one is seen (side view). */
function torsoLength(body: Body): number | null {
  const sh = body.mid('shoulder')
  const hip = body.mid('hip')
  if (sh && hip) return distance(sh, hip)
  const side = nearSideSeen(body)
  if (!side) return null
  return body.dist(joint(side, 'shoulder'), joint(side, 'hip'))
}

function nearSideSeen(body: Body): Side | null {
  const sides: Side[] = body.nearSide() === 'right' ? ['right', 'left'] : ['left', 'right']
  return sides.find((s) => body.visible([joint(s, 'shoulder'), joint(s, 'hip')])) ?? null
}

function postureOf(body: Body): BodyReading['posture'] {
  const sh = body.mid('shoulder')
  const hip = body.mid('hip')
  let lean: number | null = null
  if (sh && hip) lean = leanFromVertical(hip, sh)
  else {
    const side = nearSideSeen(body)
    if (side) lean = leanFromVertical(body.point(joint(side, 'hip'))!, body.point(joint(side, 'shoulder'))!)
  }
  if (lean === null || Number.isNaN(lean)) return 'unknown'
  if (lean <= STANDING_MAX_LEAN_DEG) return 'standing'
  if (lean >= FLOOR_MIN_LEAN_DEG) return 'floor'
  return 'unknown'
}
