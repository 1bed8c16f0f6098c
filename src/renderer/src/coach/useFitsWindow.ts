/**
 * Keeps the workout column inside the window at 1280×720 whatever sentence the set line holds. When the
 * column, with everything shown, ends below the window, the panel is marked `data-fit="snug"` (coach.css
 * sets the sentence at the 48 px minimum) and, if it still does not fit, `data-fit="tight"` (the
 * plan-progress line gives way too). Measured before paint whenever `content` changes (the sentence, a side
 * switch, a pause) and on a window resize, always from the full layout, so it cannot flip back and forth.
 * The attribute is set on the DOM, not through React state: no second render.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react'

/** What gives way, in order, until the column fits. */
const FIT_STEPS = ['snug', 'tight'] as const

/** @returns the ref for the set panel; `content` lists what changes the column's height (compared by value). */
export function useFitsWindow<T extends HTMLElement>(content: readonly unknown[]): RefObject<T | null> {
  const panel = useRef<T>(null)
  const key = JSON.stringify(content)
  useLayoutEffect(() => {
    const el = panel.current
    if (!el) return
    const column = el.closest('.workout-main') ?? el
    const fit = () => {
      delete el.dataset.fit
      for (const step of FIT_STEPS) {
        if (column.getBoundingClientRect().bottom <= window.innerHeight) return
        el.dataset.fit = step
      }
    }
    fit()
    window.addEventListener('resize', fit)
    return () => window.removeEventListener('resize', fit)
  }, [key])
  return panel
}
