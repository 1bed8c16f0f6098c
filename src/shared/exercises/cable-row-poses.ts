/**
 * Synthetic test poses for the standing cable row, side view, on the shared stick
 * figure (tests/fixtures/synthetic/skeleton.ts: 1280x720, adult proportions). Tests only.
 */
import type { PoseFrame } from '../pose/types'
import { SEG, step, toFrame, type Pts } from '../../../tests/fixtures/synthetic/skeleton'

type P = { x: number; y: number }

export interface RowPose {
  /** Upper arm direction from image-up towards the front, degrees: ~80 = reaching forward, ~200 = elbow pulled back past the torso. */
  upperArmDeg: number
  /** Torso lean from vertical, degrees; positive = forward, negative = leaning back. */
  torsoLeanDeg?: number
  /** Shoulder–ear gap, pixels (35 relaxed; ~20 in a shrug). */
  earGapPx?: number
}

/** Standing row, side view facing image right; the hands stay at chest height (the cable's line). */
export function standingRow(tMs: number, p: RowPose): PoseFrame {
  const pts: Pts = {}
  for (const side of ['left', 'right'] as const) {
    const off = side === 'left' ? 0 : 5
    const ankle = { x: 560 + off, y: 640 }
    const knee = step(ankle, SEG.shin, 8)
    const hip = step(knee, SEG.thigh, -8)
    const shoulder = step(hip, SEG.torso, p.torsoLeanDeg ?? 0)
    const elbow = step(shoulder, SEG.upperArm, p.upperArmDeg)
    const wrist = step(elbow, SEG.forearm, 90)
    const ear = step(shoulder, p.earGapPx ?? SEG.neck, (p.torsoLeanDeg ?? 0) - 5)
    Object.assign(pts, {
      [`${side}_ankle`]: ankle, [`${side}_knee`]: knee, [`${side}_hip`]: hip, [`${side}_shoulder`]: shoulder,
      [`${side}_elbow`]: elbow, [`${side}_wrist`]: wrist, [`${side}_ear`]: ear,
      [`${side}_heel`]: step(ankle, 12, -110), [`${side}_foot_index`]: step(ankle, SEG.foot, 100)
    })
  }
  pts.nose = step(pts.left_ear as P, 22, 95)
  return toFrame(tMs, pts, { scores: farScores() })
}

function farScores(): Record<string, number> {
  const s: Record<string, number> = {}
  for (const part of ['shoulder', 'elbow', 'wrist', 'hip', 'knee', 'ankle', 'heel', 'foot_index', 'ear']) s[`right_${part}`] = 0.75
  return s
}
