/**
 * Writes a ticking number (a countdown, a hold timer) straight into a DOM node a few times a
 * second, so a clock on screen never re-renders the React tree.
 */
import { useEffect, useRef } from 'react'

/** Text refreshes this often: smooth for a seconds display, cheap on 2 cores. */
const REFRESH_MS = 100

export function useTickingText<T extends HTMLElement>(text: (nowMs: number) => string): React.RefObject<T | null> {
  const ref = useRef<T>(null)
  const latest = useRef(text)
  useEffect(() => {
    latest.current = text
  })
  useEffect(() => {
    const write = () => {
      const node = ref.current
      const next = latest.current(performance.now())
      if (node && node.textContent !== next) node.textContent = next
    }
    write()
    const timer = window.setInterval(write, REFRESH_MS)
    return () => window.clearInterval(timer)
  }, [])
  return ref
}

/** 75 000 ms → "1:15"; 9 000 → "0:09". Negative counts as zero. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`
}

/** Whole seconds left, rounded up: a countdown shows 3, 2, 1 — never 0 while time remains. */
export function secondsLeft(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000))
}
