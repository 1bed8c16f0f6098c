/**
 * Markers drawn over a uPlot chart: shaded bands for reps (start to end, a tick at the bottom) and
 * for holds (held / paused stretches), and red lines for cues. Times are seconds on the chart's x scale.
 */
import type uPlot from 'uplot'

export interface RepMark {
  startS: number
  bottomS: number
  endS: number
  cued: boolean
}

export interface HoldMark {
  startS: number
  endS: number
  state: 'held' | 'paused'
}

export interface CueMark {
  tS: number
  label: string
}

const CLEAN_BAND = 'rgba(63, 185, 80, 0.14)'
const CUED_BAND = 'rgba(210, 153, 34, 0.18)'
const HELD_BAND = 'rgba(46, 160, 67, 0.16)'
const PAUSED_BAND = 'rgba(110, 118, 129, 0.22)'
const BOTTOM_TICK = 'rgba(230, 237, 243, 0.55)'
const CUE_LINE = '#f85149'
/** Cue labels stack in up to this many rows; a label that fits none is left off (its line stays). */
const LABEL_ROWS = 3

/** A uPlot draw hook that paints `reps` and `cues` inside the plotting area. */
export function markerHook(reps: readonly RepMark[], holds: readonly HoldMark[], cues: readonly CueMark[]) {
  return (u: uPlot): void => {
    const { ctx, bbox } = u
    const x = (s: number) => u.valToPos(s, 'x', true)
    const inside = (px: number) => px >= bbox.left && px <= bbox.left + bbox.width
    ctx.save()
    ctx.beginPath()
    ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height)
    ctx.clip()
    for (const hold of holds) {
      const x0 = x(hold.startS)
      ctx.fillStyle = hold.state === 'held' ? HELD_BAND : PAUSED_BAND
      ctx.fillRect(x0, bbox.top, Math.max(1, x(hold.endS) - x0), bbox.height)
    }
    for (const rep of reps) {
      const x0 = x(rep.startS)
      const x1 = x(rep.endS)
      ctx.fillStyle = rep.cued ? CUED_BAND : CLEAN_BAND
      ctx.fillRect(x0, bbox.top, Math.max(1, x1 - x0), bbox.height)
      ctx.strokeStyle = BOTTOM_TICK
      ctx.setLineDash([4, 4])
      ctx.beginPath()
      ctx.moveTo(x(rep.bottomS), bbox.top)
      ctx.lineTo(x(rep.bottomS), bbox.top + bbox.height)
      ctx.stroke()
    }
    ctx.setLineDash([])
    ctx.strokeStyle = CUE_LINE
    ctx.fillStyle = CUE_LINE
    const dpr = devicePixelRatio
    ctx.font = `${Math.round(11 * dpr)}px system-ui, sans-serif`
    ctx.textAlign = 'left'
    ctx.textBaseline = 'alphabetic'
    const rowEnds = new Array<number>(LABEL_ROWS).fill(Number.NEGATIVE_INFINITY)
    for (const cue of cues) {
      const px = x(cue.tS)
      if (!inside(px)) continue
      ctx.lineWidth = dpr
      ctx.beginPath()
      ctx.moveTo(px, bbox.top)
      ctx.lineTo(px, bbox.top + bbox.height)
      ctx.stroke()
      const width = ctx.measureText(cue.label).width
      // Right of the line, or left of it near the right edge.
      const left = px + 3 * dpr + width <= bbox.left + bbox.width ? px + 3 * dpr : px - 3 * dpr - width
      const row = rowEnds.findIndex((end) => left > end + 6 * dpr)
      if (row < 0) continue
      rowEnds[row] = left + width
      ctx.fillText(cue.label, left, bbox.top + (12 + row * 13) * dpr)
    }
    ctx.restore()
  }
}
