import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { markerHook, type CueMark, type HoldMark, type RepMark } from './chartMarks'
import type { AngleSeries } from './mainAngle'

const CHART_HEIGHT = 220
const FALLBACK_WIDTH = 720

/** The exercise's main angle over a set (x: seconds from the set's start), with rep bands and cue lines. */
export function AngleChart({ series, reps, holds, cues }: { series: AngleSeries; reps: RepMark[]; holds: HoldMark[]; cues: CueMark[] }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const side = series.side ? ` (${series.side})` : ''
    const chart = new uPlot(
      {
        width: el.clientWidth || FALLBACK_WIDTH,
        height: CHART_HEIGHT,
        scales: { x: { time: false } },
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        axes: [
          { stroke: '#8b949e', grid: { stroke: '#21262d' }, ticks: { stroke: '#30363d' }, label: 'seconds' },
          { stroke: '#8b949e', grid: { stroke: '#21262d' }, ticks: { stroke: '#30363d' }, label: 'degrees' }
        ],
        series: [
          { label: 'Time', value: (_u, v) => (v === null ? '–' : `${v.toFixed(1)} s`) },
          { label: `${series.label}${side}`, stroke: '#3fb950', width: 2, spanGaps: false, value: (_u, v) => (v === null ? '–' : `${Math.round(v)}°`) }
        ],
        hooks: { draw: [markerHook(reps, holds, cues)] }
      },
      [series.t, series.deg],
      el
    )
    const resize = new ResizeObserver(() => chart.setSize({ width: el.clientWidth || FALLBACK_WIDTH, height: CHART_HEIGHT }))
    resize.observe(el)
    return () => {
      resize.disconnect()
      chart.destroy()
    }
  }, [series, reps, holds, cues])
  return (
    <figure className="review-chart-figure">
      <div ref={ref} className="review-chart" data-testid="angle-chart" />
      <figcaption className="review-note">
        {series.label}: {series.hint}.{reps.length > 0 && ' Shaded: reps (amber when cued, dashed line at the bottom).'}
        {holds.length > 0 && ' Green: held with good form; grey: hold paused.'} {cues.length > 0 && 'Red lines: cues raised.'}
      </figcaption>
    </figure>
  )
}
