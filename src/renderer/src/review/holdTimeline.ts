/**
 * A hold drawn as a strip of stretches: held with good form, or paused (form fault or not seen).
 * Built from the engine's hold events; a hold with no events left (old or recovered sessions) is one
 * stretch from its start to its end.
 */
import type { EngineEvent, Side } from '../../../shared/engine/events'
import type { HoldRecord } from '../../../shared/session/types'

/** One stretch of a hold, ms on the pose-frame clock. */
export interface HoldStretch {
  startMs: number
  endMs: number
  state: 'held' | 'paused'
  /** Why it paused (the engine's sentence), when it did. */
  reason?: string
}

export interface HoldTimeline {
  side: Side | null
  startMs: number
  /** ms; the last event's time when the hold never ended (the session stopped mid-hold). */
  endMs: number
  goodFormMs: number
  stretches: HoldStretch[]
}

type HoldEvent = Extract<EngineEvent, { type: 'hold' }>

/** The timeline of `hold`, from the set's events (any order). */
export function holdTimeline(hold: HoldRecord, events: readonly EngineEvent[]): HoldTimeline {
  const end = hold.endMs ?? Math.max(hold.startMs, ...events.map((e) => e.t))
  const mine = events
    .filter((e): e is HoldEvent => e.type === 'hold' && e.t >= hold.startMs && e.t <= end && e.side === hold.side)
    .sort((a, b) => a.t - b.t)
  const stretches: HoldStretch[] = []
  let since = hold.startMs
  let state: HoldStretch['state'] = 'held'
  let reason: string | undefined
  const close = (t: number) => {
    if (t > since) stretches.push(reason ? { startMs: since, endMs: t, state, reason } : { startMs: since, endMs: t, state })
    since = t
  }
  for (const e of mine) {
    if (e.phase === 'paused' && state === 'held') {
      close(e.t)
      state = 'paused'
      reason = e.reason
    } else if (e.phase === 'resumed' && state === 'paused') {
      close(e.t)
      state = 'held'
      reason = undefined
    }
  }
  close(end)
  return { side: hold.side, startMs: hold.startMs, endMs: end, goodFormMs: hold.goodFormMs, stretches }
}
