/**
 * `Body`: one (smoothed) PoseFrame with score-aware, pixel-space accessors. Exercise trackers read
 * joints only through it, so a low-confidence joint is never measured as if it were seen.
 */
import { angleAt, distance, midpoint, toPixels, type Point2 } from '../pose/geometry'
import type { Keypoint, KeypointName, PoseFrame } from '../pose/types'
import type { Side } from './events'
import { UNKNOWN_VIEW, type ViewReading } from './viewReading'

/** Below this model score a keypoint counts as not seen (BlazePose visibility, 0..1). */
export const MIN_KEYPOINT_SCORE = 0.5
/**
 * MoveNet's keypoint scores run lower than BlazePose's visibility for the same, clearly seen joint
 * (0.3-0.5 is common on a well-lit limb), so its seen/unseen line sits lower, as in the MoveNet demos.
 */
export const MOVENET_MIN_KEYPOINT_SCORE = 0.3
/**
 * A keypoint further than this outside the picture (normalised to the image side) is not seen, whatever
 * its score: BlazePose extrapolates ankles and toes below the frame edge with high scores, piling them up
 * just past it. A joint centre may sit up to half a joint's width past the edge while half the joint
 * still shows: an ankle or knee is ~4–7 cm across, ~2–3% of a frame filled by a standing runner at 2–3 m,
 * so 1% of the frame is allowed and no more.
 */
export const IN_FRAME_MARGIN = 0.01
/** MoveNet (Lightning and Thunder) outputs the 17 COCO keypoints; BlazePose outputs 33. */
const MOVENET_KEYPOINT_COUNT = 17

/**
 * The seen/unseen score line for the model that produced `frame`, told from its keypoint count, so
 * callers need not say which model ran. Empty frames (nobody found) get the BlazePose line; it is unused.
 */
export function minScoreForFrame(frame: PoseFrame): number {
  return frame.keypoints.length > 0 && frame.keypoints.length <= MOVENET_KEYPOINT_COUNT ? MOVENET_MIN_KEYPOINT_SCORE : MIN_KEYPOINT_SCORE
}

/** Body parts that come in a left and a right keypoint. */
export type BodyPart =
  | 'eye' | 'ear' | 'shoulder' | 'elbow' | 'wrist' | 'hip' | 'knee' | 'ankle' | 'heel' | 'foot_index'

/** Joints whose scores decide which side faces the camera. */
const SIDE_EVIDENCE: BodyPart[] = ['shoulder', 'elbow', 'hip', 'knee', 'ankle']

export interface Body {
  /** Frame time, milliseconds on the PoseFrame clock. */
  readonly tMs: number
  /** Image size in pixels; every point below is in these pixels (origin top-left, y down). */
  readonly imageWidth: number
  readonly imageHeight: number
  /** Whether the model found a person at all. */
  readonly hasPerson: boolean
  /** The settled camera view (from the engine's ViewTracker; 'unknown' when built without one). */
  readonly view: ViewReading
  /**
   * Whether image-vertical is known to be the world's: the camera's roll has been estimated (and undone
   * past its dead band). False while the engine has no estimate yet: a rule measured from image-vertical
   * then measures from the runner's own position instead (see BodyOptions.uprightKnown).
   */
  readonly uprightKnown: boolean
  /** Model score 0..1 of a keypoint, 0 when absent. */
  score(name: KeypointName): number
  /** Pixel position of a keypoint, or null when absent, scored below the threshold or outside the picture. */
  point(name: KeypointName): Point2 | null
  /** Whether the model placed this keypoint outside the picture (past IN_FRAME_MARGIN), whatever its score. */
  outOfFrame(name: KeypointName): boolean
  /**
   * The keypoint is seen and lies clear of the picture's edge (at least IN_FRAME_MARGIN inside): a point on
   * the border itself may be one the model piled up there from outside, so rules anchored on it (the toes
   * for knee past toes) do not judge from it.
   */
  clearOfEdge(name: KeypointName): boolean
  /** Whether every named keypoint is seen. */
  visible(names: readonly KeypointName[]): boolean
  /** The named keypoints that are not seen, in the given order. */
  missing(names: readonly KeypointName[]): KeypointName[]
  /** Angle at `vertex` in degrees (180 = straight), or null when any of the three is not seen. */
  angle(a: KeypointName, vertex: KeypointName, c: KeypointName): number | null
  /** Pixel midpoint of the left and right keypoints of `part`, or null unless both are seen. */
  mid(part: BodyPart): Point2 | null
  /** Distance between two seen keypoints in pixels, or null. */
  dist(a: KeypointName, b: KeypointName): number | null
  /** The side whose joints the model is surer of: in a side view, the side nearer the camera. */
  nearSide(): Side | null
}

/** The keypoint name for `part` on `side`, e.g. joint('left', 'knee') = 'left_knee'. */
export function joint(side: Side, part: BodyPart): KeypointName {
  return `${side}_${part}` as KeypointName
}

/** The other side. */
export function otherSide(side: Side): Side {
  return side === 'left' ? 'right' : 'left'
}

export interface BodyOptions {
  /** Confidence below which a keypoint counts as unseen, 0..1; by default chosen from the model (minScoreForFrame). */
  minScore?: number
  /** The settled view to attach (the engine passes its ViewTracker's reading). */
  view?: ViewReading
  /**
   * Whether a keypoint outside the picture is unseen (default true). Off only for a levelled frame
   * (derollFrame), whose out-of-picture keypoints were already masked on the camera's own frame.
   */
  inFrameCheck?: boolean
  /** Whether the camera's roll is known (default true: bodies built outside the engine are taken as level). */
  uprightKnown?: boolean
}

/** The frame with every keypoint outside the picture (past IN_FRAME_MARGIN) scored 0: unseen once levelled. */
export function maskOutOfFrame(frame: PoseFrame): PoseFrame {
  return { ...frame, keypoints: frame.keypoints.map((kp) => (isInFrame(kp) ? kp : { ...kp, score: 0 })) }
}

function isInFrame(kp: Keypoint): boolean {
  return kp.x >= -IN_FRAME_MARGIN && kp.x <= 1 + IN_FRAME_MARGIN && kp.y >= -IN_FRAME_MARGIN && kp.y <= 1 + IN_FRAME_MARGIN
}

/** Wraps a (smoothed) frame in score-aware pixel accessors. */
export function createBody(frame: PoseFrame, options: BodyOptions = {}): Body {
  const minScore = options.minScore ?? minScoreForFrame(frame)
  const byName = new Map(frame.keypoints.map((kp) => [kp.name, kp]))
  const score = (name: KeypointName): number => byName.get(name)?.score ?? 0
  const scoredSeen = (name: KeypointName): Keypoint | null => {
    const kp = byName.get(name)
    return kp && kp.score >= minScore && Number.isFinite(kp.x) && Number.isFinite(kp.y) ? kp : null
  }
  const checkFrame = options.inFrameCheck ?? true
  const inFrame = (kp: Keypoint): boolean => !checkFrame || isInFrame(kp)
  const point = (name: KeypointName): Point2 | null => {
    const kp = scoredSeen(name)
    return kp && inFrame(kp) ? toPixels(kp, frame.imageWidth, frame.imageHeight) : null
  }
  const clearOfEdge = (name: KeypointName): boolean => {
    const kp = scoredSeen(name)
    return kp !== null && kp.x >= IN_FRAME_MARGIN && kp.x <= 1 - IN_FRAME_MARGIN && kp.y >= IN_FRAME_MARGIN && kp.y <= 1 - IN_FRAME_MARGIN
  }
  const outOfFrame = (name: KeypointName): boolean => {
    const kp = byName.get(name)
    return kp !== undefined && Number.isFinite(kp.x) && Number.isFinite(kp.y) && !inFrame(kp)
  }
  const missing = (names: readonly KeypointName[]): KeypointName[] => names.filter((n) => point(n) === null)
  return {
    tMs: frame.timestampMs,
    imageWidth: frame.imageWidth,
    imageHeight: frame.imageHeight,
    hasPerson: frame.keypoints.length > 0,
    view: options.view ?? UNKNOWN_VIEW,
    uprightKnown: options.uprightKnown ?? true,
    score,
    point,
    outOfFrame,
    clearOfEdge,
    visible: (names) => missing(names).length === 0,
    missing,
    angle(a, vertex, c) {
      const pa = point(a)
      const pv = point(vertex)
      const pc = point(c)
      if (!pa || !pv || !pc) return null
      const deg = angleAt(pa, pv, pc)
      return Number.isNaN(deg) ? null : deg
    },
    mid(part) {
      const l = point(joint('left', part))
      const r = point(joint('right', part))
      return l && r ? midpoint(l, r) : null
    },
    dist(a, b) {
      const pa = point(a)
      const pb = point(b)
      return pa && pb ? distance(pa, pb) : null
    },
    nearSide() {
      const total = (side: Side): number => SIDE_EVIDENCE.reduce((sum, part) => sum + score(joint(side, part)), 0)
      const l = total('left')
      const r = total('right')
      if (l === 0 && r === 0) return null
      return l >= r ? 'left' : 'right'
    }
  }
}
