import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { xRange } from './xRange'

const HEIGHT = 180
const FALLBACK_WIDTH = 420
const AXIS = { stroke: '#8b949e', grid: { stroke: '#21262d' }, ticks: { stroke: '#30363d' } }
const COLOURS = ['#3fb950', '#58a6ff', '#d2a8ff', '#f0883e']
export interface ChartLine {
  label: string
  values: (number | null)[]
  /** Shown after a value in the legend, e.g. " s". */
  unit?: string
}

/** A small time chart: one point per session (x in seconds since the epoch), one line per series. */
export function ProgressChart({ title, x, lines, yLabel }: { title: string; x: number[]; lines: ChartLine[]; yLabel: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = ref.current
    if (!el || lines.length === 0) return
    const chart = new uPlot(
      {
        title,
        width: el.clientWidth || FALLBACK_WIDTH,
        height: HEIGHT,
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: true },
          y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.15)] }
        },
        axes: [{ ...AXIS }, { ...AXIS, label: yLabel }],
        series: [
          { label: 'Session', value: (_u, v) => (v === null ? '–' : new Date(v * 1000).toLocaleDateString()) },
          ...lines.map((line, i) => ({
            label: line.label,
            stroke: COLOURS[i % COLOURS.length],
            width: 2,
            points: { show: true, size: 7 },
            spanGaps: true,
            value: (_u: uPlot, v: number | null) => (v === null ? '–' : `${v}${line.unit ?? ''}`)
          }))
        ]
      },
      [x, ...lines.map((l) => l.values)],
      el
    )
    // uPlot ranges its x scale from the data alone (one point spans years); set the range explicitly.
    if (x.length > 0) {
      const [min, max] = xRange(Math.min(...x), Math.max(...x))
      chart.setScale('x', { min, max })
    }
    const resize = new ResizeObserver(() => chart.setSize({ width: el.clientWidth || FALLBACK_WIDTH, height: HEIGHT }))
    resize.observe(el)
    return () => {
      resize.disconnect()
      chart.destroy()
    }
  }, [title, x, lines, yLabel])
  return <div ref={ref} className="progress-chart" />
}
