/**
 * Synthetic test poses for heel taps: lying on the back, side view, on the shared stick figure
 * (tests/fixtures/synthetic/skeleton.ts: 1280x720, adult proportions). Tests only.
 */
import type { PoseFrame } from '../pose/types'
import { SEG, step, toFrame, type Pts } from '../../../tests/fixtures/synthetic/skeleton'

function farScores(): Record<string, number> {
  const s: Record<string, number> = {}
  for (const part of ['shoulder', 'elbow', 'wrist', 'hip', 'knee', 'ankle', 'heel', 'foot_index', 'ear']) s[`right_${part}`] = 0.75
  return s
}

export interface SupineLeg {
  /** Hip angle shoulder–hip–knee, degrees (~135 heel on the floor with the knee at 90°, 90 = thigh vertical). */
  hipDeg: number
  /** Knee angle, degrees (90 = the prescribed bend). */
  kneeDeg: number
}

/** Lying on the back, side view, head to the image left; the near side is the left. */
export function supineLegs(tMs: number, legs: { left: SupineLeg; right: SupineLeg }): PoseFrame {
  const hipY = 590
  const pts: Pts = {}
  for (const side of ['left', 'right'] as const) {
    const off = side === 'left' ? 0 : -4
    const hip = { x: 640, y: hipY + off }
    const shoulder = { x: 640 - SEG.torso, y: hipY + off + 2 }
    const leg = legs[side]
    // Thigh direction from image-up, clockwise: the shoulder lies at 270°, the hip angle opens from there.
    const thighDir = 270 + leg.hipDeg
    const knee = step(hip, SEG.thigh, thighDir)
    const ankle = step(knee, SEG.shin, thighDir + 180 - leg.kneeDeg)
    Object.assign(pts, {
      [`${side}_shoulder`]: shoulder, [`${side}_hip`]: hip, [`${side}_knee`]: knee, [`${side}_ankle`]: ankle,
      [`${side}_heel`]: { x: ankle.x - 4, y: ankle.y + 8 }, [`${side}_foot_index`]: step(ankle, SEG.foot, thighDir + 270 - leg.kneeDeg),
      [`${side}_elbow`]: { x: shoulder.x + 60, y: hipY + 5 }, [`${side}_wrist`]: { x: shoulder.x + 120, y: hipY + 5 },
      [`${side}_ear`]: { x: shoulder.x - 35, y: hipY - 15 }
    })
  }
  pts.nose = { x: 640 - SEG.torso - 45, y: hipY - 35 }
  return toFrame(tMs, pts, { scores: farScores() })
}
