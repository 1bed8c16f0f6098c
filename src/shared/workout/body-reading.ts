import { createBody, joint, type Body } from '../engine/body'
import { leanFromVertical } from '../pose/geometry'
import { classifyView } from '../engine/view'
import { headOnProne } from '../engine/posture'
import { seenFromAbove } from '../engine/overhead'
import type { CameraView, Side } from '../engine/events'
import { UNKNOWN_VIEW, type ViewReading } from '../engine/viewReading'
import type { KeypointName, PoseFrame } from '../pose/types'

/**
 * What one frame says about where the runner is, for the placement check and hands-free start/end.
 * No form judgement here: only "is there a person, which way do they face, how big are they".
 * The view comes from the engine's own classifier, so placement and judging agree on it.
 */
export interface BodyReading {
  /** Enough keypoints are seen to call it a person. */
  person: boolean
  /** Which view the camera has of the runner; 'unknown' when angled or unclear. */
  view: CameraView | 'unknown'
  /** The engine's own reading of the view (with the width ratio that tells an angled view from none). */
  viewReading: ViewReading
  posture: 'standing' | 'floor' | 'unknown'
  /** Largest extent of the seen keypoints as a fraction of the image side along it (0..1+). */
  bodyFraction: number | null
  /**
   * How big the whole runner is as a fraction of the image, whatever the pose: the larger of the
   * extent above and the torso scaled to a standing body, so squatting or tucking does not shrink it.
   */
  sizeFraction: number | null
  /** Seen keypoints that lie at (or past) the image edge: the body is cut off there. */
  clipped: KeypointName[]
  /** A body on the floor seen from a camera above it (the engine's overhead.ts rule, this frame). */
  fromAbove: boolean
  body: Body
}

/** Fewer seen keypoints than this is a glimpse (a hand, a face), not a runner in frame. */
export const MIN_PERSON_KEYPOINTS = 6
/** Torso within this many degrees of vertical = upright (standing, lunging, stepping). */
export const STANDING_MAX_LEAN_DEG = 40
/** Torso more than this many degrees from vertical = lying, planking or propped on the floor. */
export const FLOOR_MIN_LEAN_DEG = 55
/** A keypoint within this fraction of the image side from an edge is treated as cut off. */
export const EDGE_MARGIN = 0.01
/** Shoulder-to-hip is about 0.3 of standing height (anthropometric tables: ~0.29–0.31). */
export const TORSO_SHARE_OF_HEIGHT = 0.3

export function readBody(frame: PoseFrame): BodyReading {
  const body = createBody(frame)
  const seen = frame.keypoints.filter((k) => body.point(k.name) !== null)
  const person = seen.length >= MIN_PERSON_KEYPOINTS
  if (!person) return { person, view: 'unknown', viewReading: UNKNOWN_VIEW, posture: 'unknown', bodyFraction: null, sizeFraction: null, clipped: [], fromAbove: false, body }
  const xs = seen.map((k) => k.x)
  const ys = seen.map((k) => k.y)
  const bodyFraction = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))
  const clipped = seen
    .filter((k) => k.x <= EDGE_MARGIN || k.x >= 1 - EDGE_MARGIN || k.y <= EDGE_MARGIN || k.y >= 1 - EDGE_MARGIN)
    .map((k) => k.name)
  const torso = torsoFraction(body)
  const sizeFraction = torso === null ? bodyFraction : Math.max(bodyFraction, torso / TORSO_SHARE_OF_HEIGHT)
  const viewReading = classifyView(body)
  const fromAbove = seenFromAbove(body, frame.worldLandmarks)
  return { person, view: viewReading.view, viewReading, posture: postureOf(body), bodyFraction, sizeFraction, clipped, fromAbove, body }
}

/** Shoulder centre to hip centre (or one side's, side-on) in image fractions (x over width, y over height). */
function torsoFraction(body: Body): number | null {
  const side = nearSideSeen(body)
  const sh = body.mid('shoulder') ?? (side ? body.point(joint(side, 'shoulder')) : null)
  const hip = body.mid('hip') ?? (side ? body.point(joint(side, 'hip')) : null)
  if (!sh || !hip) return null
  return Math.hypot((sh.x - hip.x) / body.imageWidth, (sh.y - hip.y) / body.imageHeight)
}

function nearSideSeen(body: Body): Side | null {
  const sides: Side[] = body.nearSide() === 'right' ? ['right', 'left'] : ['left', 'right']
  return sides.find((s) => body.visible([joint(s, 'shoulder'), joint(s, 'hip')])) ?? null
}

function postureOf(body: Body): BodyReading['posture'] {
  // Face down seen head-on (the engine's posture rule): the torso is foreshortened to a stub that looks upright.
  if (headOnProne(body)) return 'floor'
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
