/**
 * What one frame contributes to exercise recognition: the posture and a handful of view-robust measures of
 * the legs, hips and arms. Lengths are in body units (shin or torso lengths), angles in degrees, so the
 * rules in recogniseRules.ts hold at any distance and image size. Works on a levelled body (levelFrame.ts).
 */
import { distance, type Point2 } from '../pose/geometry'
import { joint, type Body } from './body'
import type { Side } from './events'
import { legPoints, thighFromHorizontal, type LegPoints } from './legs'
import { framePosture, shinLength, type FramePosture } from './posture'
import { centre } from './rollSources'

export interface FrameFeatures {
  /** Frame time, ms. */
  t: number
  posture: FramePosture
  /** Thigh turned from hanging straight down towards horizontal, degrees per leg (≈15–25 standing, 90 = parallel); null unless the leg is seen. */
  flex: [number | null, number | null]
  /** Knee height above the lower read ankle, shin lengths per seen knee (≈1 standing, ≈0.2 a lunge's back knee). */
  kneeLift: [number | null, number | null]
  /** Left ankle above the right (negative: below), shin lengths; null unless both are seen. */
  footLift: number | null
  /** Horizontal gap between the ankles, torso lengths; null unless both are seen. */
  ankleGap: number | null
  /** Shoulder width over torso length (≈0.6–1 front-on, ≈0–0.3 side-on); null unless both shoulders and the hips are seen. */
  widthRatio: number | null
  /** Knee and hip (shoulder–hip–knee) angles per leg, degrees (180 = straight). */
  knee: [number | null, number | null]
  hipAngle: [number | null, number | null]
  /** Mean elbow angle of the seen arms, degrees. */
  elbow: number | null
  /** Hip centre, pixels, and the torso length, pixels (for travel and rise over the window). */
  hip: Point2 | null
  torso: number | null
  shin: number | null
  /** The body's size in the image, pixels: the longest of torso, shoulder width and shin, steady whichever way the runner turns. */
  scale: number | null
  /** Both ankles, pixels (for the window's floor level). */
  ankles: [Point2 | null, Point2 | null]
  /** Heel above its toes per foot, shin lengths (≈0 flat, 0.3+ up on the ball of the foot); null unless seen. */
  heelLift: [number | null, number | null]
  /** The lower wrist's height above the lower ankle, shin lengths (≈2 hanging at the sides, ≈0 on the floor). */
  handHeight: number | null
  /** The seen wrists' mean height below the shoulders, torso lengths (≈1.2 hanging at the sides, ≈0.5 at the chest). */
  wristDrop: number | null
}

const SIDES: [Side, Side] = ['left', 'right']

/**
 * Left and right shins are the same length and, seen from 2–3 m, at about the same distance: one imaged under
 * 0.7 of the other is mis-tracked (an ankle placed up the shin) and that leg is not read.
 */
export const MIN_SHIN_RATIO = 0.7

const pair = <T>(f: (s: Side) => T): [T, T] => [f('left'), f('right')]

/**
 * An arm pointing at the camera shrinks to a few pixels and its angle is noise: the elbow angle is read only
 * while both arm segments show at least this fraction of a torso (upper arm ~0.6, forearm ~0.55 torso seen square-on).
 */
export const MIN_ARM_SEGMENT_TORSOS = 0.3

/** The elbow angle of one arm, degrees, or null unless both its segments are long enough to measure. */
function elbowAngle(body: Body, side: Side, torso: number | null): number | null {
  const upper = body.dist(joint(side, 'shoulder'), joint(side, 'elbow'))
  const fore = body.dist(joint(side, 'elbow'), joint(side, 'wrist'))
  const min = MIN_ARM_SEGMENT_TORSOS * (torso ?? Infinity)
  if (upper === null || fore === null || upper < min || fore < min) return null
  return body.angle(joint(side, 'shoulder'), joint(side, 'elbow'), joint(side, 'wrist'))
}

/** The lower seen wrist's height above the floor line, shin lengths. */
function handHeight(body: Body, floorY: number, shin: number | null): number | null {
  const wrists = SIDES.map((s) => body.point(joint(s, 'wrist'))).filter((p): p is Point2 => p !== null)
  if (!wrists.length || !shin || !Number.isFinite(floorY)) return null
  return (floorY - Math.max(...wrists.map((w) => w.y))) / shin
}

/** The seen wrists' mean height below the shoulder centre, torso lengths. */
function wristDrop(body: Body, shoulder: Point2 | null, torso: number | null): number | null {
  const wrists = SIDES.map((s) => body.point(joint(s, 'wrist'))).filter((p): p is Point2 => p !== null)
  if (!wrists.length || !shoulder || !torso) return null
  return wrists.reduce((sum, w) => sum + (w.y - shoulder.y), 0) / wrists.length / torso
}

export function frameFeatures(body: Body): FrameFeatures {
  const posture = framePosture(body)
  const shin = shinLength(body)
  const raw = pair((s) => legPoints(body, s))
  const longest = Math.max(...raw.map((l) => l?.shinPx ?? 0))
  const legs = raw.map((l) => (l && l.shinPx >= MIN_SHIN_RATIO * longest ? l : null)) as [LegPoints | null, LegPoints | null]
  const trusted = (s: Side, i: 0 | 1): boolean => raw[i] === null || legs[i] !== null
  const ankles = pair((s) => (trusted(s, s === 'left' ? 0 : 1) ? body.point(joint(s, 'ankle')) : null))
  const floorY = Math.max(...ankles.filter((a): a is Point2 => a !== null).map((a) => a.y))
  const hip = centre(body, 'hip')
  const shoulder = centre(body, 'shoulder')
  const torso = hip && shoulder ? distance(hip, shoulder) : null
  const [la, ra] = ankles
  const ls = body.point('left_shoulder')
  const rs = body.point('right_shoulder')
  const elbows = SIDES.map((s) => elbowAngle(body, s, torso)).filter((a): a is number => a !== null)
  return {
    t: body.tMs,
    posture,
    flex: legs.map((l) => (l ? 90 - thighFromHorizontal(l) : null)) as [number | null, number | null],
    // Every seen knee, even on a leg not read whole: a lunge's back knee sinks to the floor while its foot is hidden.
    kneeLift: pair((s) => {
      const knee = body.point(joint(s, 'knee'))
      return knee && shin && Number.isFinite(floorY) ? (floorY - knee.y) / shin : null
    }),
    footLift: la && ra && shin ? (ra.y - la.y) / shin : null,
    ankleGap: la && ra && torso ? Math.abs(la.x - ra.x) / torso : null,
    widthRatio: ls && rs && torso ? distance(ls, rs) / torso : null,
    knee: pair((s) => body.angle(joint(s, 'hip'), joint(s, 'knee'), joint(s, 'ankle'))),
    hipAngle: pair((s) => body.angle(joint(s, 'shoulder'), joint(s, 'hip'), joint(s, 'knee'))),
    elbow: elbows.length ? elbows.reduce((a, b) => a + b, 0) / elbows.length : null,
    hip,
    torso,
    shin,
    scale: Math.max(torso ?? 0, ls && rs ? distance(ls, rs) : 0, shin ?? 0) || null,
    ankles,
    heelLift: pair((s) => {
      if (!trusted(s, s === 'left' ? 0 : 1)) return null
      const heel = body.point(joint(s, 'heel'))
      const toe = body.point(joint(s, 'foot_index'))
      return heel && toe && shin ? (toe.y - heel.y) / shin : null
    }),
    handHeight: handHeight(body, floorY, shin),
    wristDrop: wristDrop(body, shoulder, torso)
  }
}
