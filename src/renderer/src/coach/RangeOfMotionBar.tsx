/**
 * The live range-of-motion bar beside the rep count (issue 11, item 7): how deep the runner is now
 * (the fill, green once past the line a rep must reach), that line, and their deepest rep this set
 * (the amber mark). Fed at camera rate through `subscribe`, written straight to the DOM (no React
 * render per frame). Big enough to read at 3 m at 1280×720; no text, so nothing to read.
 */
import { useEffect, useRef } from 'react'
import type { RangeBar } from '../../../shared/workout/rangeBar'

export type RangeBarSubscribe = (listener: (bar: RangeBar | null) => void) => () => void

export function RangeOfMotionBar({ subscribe }: { subscribe: RangeBarSubscribe }) {
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let shown: RangeBar | null | undefined
    return subscribe((bar) => {
      const el = root.current
      if (!el || (bar?.now === shown?.now && bar?.best === shown?.best && bar?.target === shown?.target)) return
      shown = bar
      el.dataset.now = bar ? bar.now.toFixed(3) : ''
      el.dataset.best = bar?.best != null ? bar.best.toFixed(3) : ''
      el.classList.toggle('reading', bar !== null)
      el.classList.toggle('deep', bar !== null && bar.now >= bar.target)
      el.style.setProperty('--rom-now', String(bar?.now ?? 0))
      el.style.setProperty('--rom-best', String(bar?.best ?? 0))
      el.style.setProperty('--rom-target', String(bar?.target ?? 0))
      el.classList.toggle('has-best', bar?.best != null)
      el.setAttribute('aria-valuenow', String(Math.round((bar?.now ?? 0) * 100)))
    })
  }, [subscribe])
  return (
    <div ref={root} className="rom-bar" role="meter" aria-label="Depth: how far into the rep you are; the white line is what counts" aria-valuemin={0} aria-valuemax={100} aria-valuenow={0} data-testid="rom-bar" data-now="" data-best="">
      <span className="rom-fill" />
      <span className="rom-target" />
      <span className="rom-best" />
    </div>
  )
}
