/** Drawing a pose frame as a stick figure on a 2D canvas, for the replay (same bones and colours as the live view). */
import { minScoreForFrame } from '../../../shared/engine/body'
import type { KeypointName, PoseFrame } from '../../../shared/pose/types'
import { edgeColor, SKELETON_EDGES } from '../live/drawSkeleton'

const LOW_SCORE_ALPHA = 0.25

/** Where the frame's image lands in the canvas: scaled to fit, centred, aspect kept. */
export function fitRect(imageWidth: number, imageHeight: number, canvasWidth: number, canvasHeight: number) {
  const scale = Math.min(canvasWidth / imageWidth, canvasHeight / imageHeight)
  const width = imageWidth * scale
  const height = imageHeight * scale
  return { x: (canvasWidth - width) / 2, y: (canvasHeight - height) / 2, width, height }
}

/** Clears the canvas and draws `frame` (or says no person was found). Unsure joints are drawn faint. */
export function drawSkeleton(ctx: CanvasRenderingContext2D, frame: PoseFrame | null, width: number, height: number): void {
  ctx.fillStyle = '#010409'
  ctx.fillRect(0, 0, width, height)
  if (!frame || frame.keypoints.length === 0) {
    ctx.fillStyle = '#8b949e'
    ctx.font = '14px system-ui, sans-serif'
    ctx.fillText(frame ? 'No person found in this frame' : 'No pose frames saved for this part', 12, 24)
    return
  }
  const box = fitRect(frame.imageWidth, frame.imageHeight, width, height)
  ctx.strokeStyle = '#30363d'
  ctx.strokeRect(box.x, box.y, box.width, box.height)
  const byName = new Map(frame.keypoints.map((k) => [k.name, k]))
  const minScore = minScoreForFrame(frame)
  const at = (name: KeypointName) => {
    const k = byName.get(name)
    return k ? { x: box.x + k.x * box.width, y: box.y + k.y * box.height, sure: k.score >= minScore } : null
  }
  ctx.lineWidth = 4
  ctx.lineCap = 'round'
  for (const [a, b] of SKELETON_EDGES) {
    const pa = at(a)
    const pb = at(b)
    if (!pa || !pb) continue
    ctx.globalAlpha = pa.sure && pb.sure ? 1 : LOW_SCORE_ALPHA
    ctx.strokeStyle = edgeColor(a, b)
    ctx.beginPath()
    ctx.moveTo(pa.x, pa.y)
    ctx.lineTo(pb.x, pb.y)
    ctx.stroke()
  }
  for (const k of frame.keypoints) {
    const p = at(k.name)
    if (!p) continue
    ctx.globalAlpha = p.sure ? 1 : LOW_SCORE_ALPHA
    ctx.fillStyle = edgeColor(k.name, k.name)
    ctx.beginPath()
    ctx.arc(p.x, p.y, 3.5, 0, Math.PI * 2)
    ctx.fill()
  }
  ctx.globalAlpha = 1
}

/** The index of the last frame at or before `tMs` (frames in time order), 0 before the first. */
export function frameIndexAt(frames: readonly PoseFrame[], tMs: number): number {
  let lo = 0
  let hi = frames.length - 1
  if (hi < 0 || tMs <= frames[0].timestampMs) return 0
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (frames[mid].timestampMs <= tMs) lo = mid
    else hi = mid - 1
  }
  return lo
}
