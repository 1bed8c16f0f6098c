/**
 * What a set counted inside one window of time, read from the engine's own events: the same reading
 * for the live path (events from the session journal) and the analyzer (events from analyzeFrames),
 * so the parity test compares like with like. Times in ms, relative to the window's start.
 */
import type { EngineEvent } from '../../src/shared/engine/events'

export interface WindowReading {
  reps: number
  /** When each rep was counted, ms from the window's start. */
  repAtMs: number[]
  /** Spans the hold timer ran, clipped to the window, ms from its start. */
  holds: { startMs: number; endMs: number }[]
  heldMs: number
}

/**
 * Reads events (t in the same clock as fromMs) over [fromMs, fromMs + lengthMs). A rep is read when it both
 * began and ended inside the window: one begun before it (on a looped clip, at the loop's seam, which only
 * the live path sees) is not the window's, however late it ends.
 */
export function readWindow(events: readonly EngineEvent[], fromMs: number, lengthMs: number): WindowReading {
  const toMs = fromMs + lengthMs
  const inside = (t: number) => t >= fromMs && t < toMs
  const repAtMs = events.filter((e) => e.type === 'rep' && inside(e.t) && e.startMs >= fromMs).map((e) => e.t - fromMs)
  const running: { startMs: number; endMs: number }[] = []
  let since: number | null = null
  const close = (t: number) => {
    if (since === null) return
    const start = Math.max(since, fromMs)
    const end = Math.min(t, toMs)
    if (end > start) running.push({ startMs: start - fromMs, endMs: end - fromMs })
    since = null
  }
  for (const e of events) {
    if (e.type !== 'hold') continue
    if (e.phase === 'started' || e.phase === 'resumed') since ??= e.t
    else close(e.t)
  }
  close(toMs)
  return { reps: repAtMs.length, repAtMs, holds: running, heldMs: running.reduce((sum, h) => sum + h.endMs - h.startMs, 0) }
}
