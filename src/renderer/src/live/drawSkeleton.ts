/**
 * Draws one PoseFrame as a skeleton on a 2D canvas sized to the analysed image (pixels). Joints the
 * model is unsure about are drawn hollow and dim, so the runner sees what the coach cannot trust;
 * joints involved in an active cue are drawn in the warning colour.
 */
import { minScoreForFrame } from '../../../shared/engine/body'
import type { Keypoint, KeypointName, PoseFrame } from '../../../shared/pose/types'

export const SKELETON_EDGES: readonly (readonly [KeypointName, KeypointName])[] = [
  ['nose', 'left_eye'], ['nose', 'right_eye'], ['left_eye', 'left_ear'], ['right_eye', 'right_ear'],
  ['left_shoulder', 'right_shoulder'], ['left_shoulder', 'left_hip'], ['right_shoulder', 'right_hip'], ['left_hip', 'right_hip'],
  ['left_shoulder', 'left_elbow'], ['left_elbow', 'left_wrist'], ['right_shoulder', 'right_elbow'], ['right_elbow', 'right_wrist'],
  ['left_wrist', 'left_index'], ['right_wrist', 'right_index'],
  ['left_hip', 'left_knee'], ['left_knee', 'left_ankle'], ['right_hip', 'right_knee'], ['right_knee', 'right_ankle'],
  ['left_ankle', 'left_heel'], ['left_heel', 'left_foot_index'], ['left_ankle', 'left_foot_index'],
  ['right_ankle', 'right_heel'], ['right_heel', 'right_foot_index'], ['right_ankle', 'right_foot_index']
]

export const COLORS = { left: '#58a6ff', right: '#3fb950', centre: '#e6edf3', warning: '#ff7b72' } as const
/** Joint radius as a share of the image's shorter side: visible on a laptop screen at 2-3 m. */
const JOINT_RADIUS_SHARE = 0.009
const DIM_ALPHA = 0.45

export function sideColor(name: KeypointName): string {
  if (name.startsWith('left_')) return COLORS.left
  if (name.startsWith('right_')) return COLORS.right
  return COLORS.centre
}

/** A bone within one side takes that side's colour; one across the body (shoulders, hips) is neutral. */
export function edgeColor(a: KeypointName, b: KeypointName): string {
  return sideColor(a) === sideColor(b) ? sideColor(a) : COLORS.centre
}

export interface DrawOptions {
  /** Joints to draw in the warning colour (those named by an active cue). */
  highlight?: ReadonlySet<KeypointName>
}

/** Clears the canvas and draws the frame's skeleton; an empty frame just clears. */
export function drawSkeleton(ctx: CanvasRenderingContext2D, frame: PoseFrame, options: DrawOptions = {}): void {
  const { width, height } = ctx.canvas
  ctx.clearRect(0, 0, width, height)
  if (frame.keypoints.length === 0) return
  const highlight = options.highlight ?? new Set<KeypointName>()
  const byName = new Map<KeypointName, Keypoint>(frame.keypoints.map((k) => [k.name, k]))
  // The engine's own "seen" threshold for this model, so the overlay dims exactly what it will not judge.
  const minScore = minScoreForFrame(frame)
  const radius = Math.max(2, Math.min(width, height) * JOINT_RADIUS_SHARE)
  ctx.lineWidth = Math.max(1.5, radius * 0.6)
  ctx.lineCap = 'round'

  for (const [a, b] of SKELETON_EDGES) {
    const p = byName.get(a)
    const q = byName.get(b)
    if (!p || !q) continue
    const confident = p.score >= minScore && q.score >= minScore
    ctx.globalAlpha = confident ? 1 : DIM_ALPHA
    ctx.setLineDash(confident ? [] : [radius, radius])
    ctx.strokeStyle = highlight.has(a) && highlight.has(b) ? COLORS.warning : edgeColor(a, b)
    ctx.beginPath()
    ctx.moveTo(p.x * width, p.y * height)
    ctx.lineTo(q.x * width, q.y * height)
    ctx.stroke()
  }
  ctx.setLineDash([])

  for (const k of frame.keypoints) {
    const confident = k.score >= minScore
    const warn = highlight.has(k.name)
    const color = warn ? COLORS.warning : sideColor(k.name)
    ctx.globalAlpha = confident || warn ? 1 : DIM_ALPHA
    ctx.beginPath()
    ctx.arc(k.x * width, k.y * height, warn ? radius * 1.6 : radius, 0, Math.PI * 2)
    if (confident) {
      ctx.fillStyle = color
      ctx.fill()
    } else {
      ctx.strokeStyle = color
      ctx.stroke()
    }
  }
  ctx.globalAlpha = 1
}
