import { describe, expect, it } from 'vitest'
import { COLORS, drawSkeleton } from './drawSkeleton'
import type { PoseFrame } from '../../../shared/pose/types'

/** Records what drawSkeleton does to a 2D context: each joint circle is filled or stroked, with a colour. */
function recordingContext() {
  const joints: { mode: 'fill' | 'stroke'; color: string; alpha: number }[] = []
  let lastArc = false
  const ctx = {
    canvas: { width: 640, height: 360 },
    fillStyle: '', strokeStyle: '', globalAlpha: 1, lineWidth: 1, lineCap: 'butt',
    clearRect: () => undefined, setLineDash: () => undefined, beginPath: () => void (lastArc = false),
    moveTo: () => undefined, lineTo: () => undefined,
    arc: () => void (lastArc = true),
    fill() { if (lastArc) joints.push({ mode: 'fill', color: this.fillStyle, alpha: this.globalAlpha }) },
    stroke() { if (lastArc) joints.push({ mode: 'stroke', color: this.strokeStyle, alpha: this.globalAlpha }) }
  }
  return { ctx: ctx as unknown as CanvasRenderingContext2D, joints }
}

const frame = (scores: [number, number]): PoseFrame => ({
  timestampMs: 0, imageWidth: 640, imageHeight: 360,
  keypoints: [
    { name: 'left_knee', x: 0.4, y: 0.6, score: scores[0] },
    { name: 'left_ankle', x: 0.4, y: 0.9, score: scores[1] }
  ]
})

describe('drawSkeleton', () => {
  it('fills confident joints and draws unsure ones hollow and dim', () => {
    const { ctx, joints } = recordingContext()
    drawSkeleton(ctx, frame([0.9, 0.2]))
    expect(joints[0]).toMatchObject({ mode: 'fill', color: COLORS.left, alpha: 1 })
    expect(joints[1].mode).toBe('stroke')
    expect(joints[1].alpha).toBeLessThan(1)
  })

  it('draws joints named by a cue in the warning colour', () => {
    const { ctx, joints } = recordingContext()
    drawSkeleton(ctx, frame([0.9, 0.9]), { highlight: new Set(['left_knee']) })
    expect(joints[0].color).toBe(COLORS.warning)
    expect(joints[1].color).toBe(COLORS.left)
  })

  it('draws nothing for a frame without a person', () => {
    const { ctx, joints } = recordingContext()
    drawSkeleton(ctx, { timestampMs: 0, imageWidth: 640, imageHeight: 360, keypoints: [] })
    expect(joints).toEqual([])
  })
})
