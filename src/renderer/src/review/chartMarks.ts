/**
 * Markers drawn over a uPlot chart: shaded bands for reps (start to end, a tick at the bottom) and
 * red lines for cues. Times are seconds on the chart's x scale.
 */
import type uPlot from 'uplot'

export interface RepMark {
  startS: number
  bottomS: number
  endS: number
  cued: boolean
}

export interface CueMark {
  tS: number
  label: string
}

const CLEAN_BAND = 'rgba(63, 185, 80, 0.14)'
const CUED_BAND = 'rgba(210, 153, 34, 0.18)'
const BOTTOM_TICK = 'rgba(230, 237, 243, 0.55)'
const CUE_LINE = '#f85149'

/** A uPlot draw hook that paints `reps` and `cues` inside the plotting area. */
export function markerHook(reps: readonly RepMark[], cues: readonly CueMark[]) {
  return (u: uPlot): void => {
    const { ctx, bbox } = u
    const x = (s: number) => u.valToPos(s, 'x', true)
    const inside = (px: number) => px >= bbox.left && px <= bbox.left + bbox.width
    ctx.save()
    ctx.beginPath()
    ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height)
    ctx.clip()
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
    ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`
    for (const cue of cues) {
      const px = x(cue.tS)
      if (!inside(px)) continue
      ctx.lineWidth = devicePixelRatio
      ctx.beginPath()
      ctx.moveTo(px, bbox.top)
      ctx.lineTo(px, bbox.top + bbox.height)
      ctx.stroke()
      ctx.fillText(cue.label, px + 3 * devicePixelRatio, bbox.top + 12 * devicePixelRatio)
    }
    ctx.restore()
  }
}
