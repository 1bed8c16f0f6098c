/**
 * The hold timer as pure transitions: a hold starts once the position has been held a moment,
 * pauses when the position is lost (with the reason), resumes when it comes back, and ends when it
 * stays lost or the set finishes. Good-form time only accrues while no form cue is active.
 */
import type { EngineEvent, Side } from './events'

export interface HoldConfig {
  /** The position must be held this long before a hold starts (settling into it is not holding), ms. */
  settleMs: number
  /** A pause longer than this ends the hold (the runner came out of it), ms. */
  endAfterMs: number
}

export const DEFAULT_HOLD: HoldConfig = { settleMs: 1000, endAfterMs: 3000 }

export interface HoldState {
  phase: 'out' | 'settling' | 'holding' | 'paused'
  side: Side | null
  /** When the position was first reached (the hold is back-dated to it), ms. */
  sinceMs: number
  lastMs: number
  /** Accumulated time in position with good form / in position at all, ms. */
  goodFormMs: number
  heldMs: number
}

export const initialHoldState: HoldState = { phase: 'out', side: null, sinceMs: 0, lastMs: 0, goodFormMs: 0, heldMs: 0 }

export type HoldInput =
  | { type: 'sample'; tMs: number; inPosition: boolean; goodForm: boolean; side: Side | null; reason?: string }
  /** The set finished, or the runner clearly left the position (reason says which). */
  | { type: 'finish'; tMs: number; reason?: string }

export interface HoldStep {
  state: HoldState
  events: EngineEvent[]
}

function hold(t: number, phase: 'started' | 'paused' | 'resumed' | 'ended', s: HoldState, reason?: string): EngineEvent {
  return { type: 'hold', t, phase, side: s.side, goodFormMs: Math.round(s.goodFormMs), ...(reason ? { reason } : {}) }
}

export function holdTransition(cfg: HoldConfig, s: HoldState, input: HoldInput): HoldStep {
  if (input.type === 'finish') {
    if (s.phase === 'holding' || s.phase === 'paused') {
      const end = s.phase === 'holding' ? input.tMs : s.lastMs
      return { state: { ...initialHoldState }, events: [hold(end, 'ended', s, input.reason ?? 'set finished')] }
    }
    return { state: { ...initialHoldState }, events: [] }
  }
  const { tMs, inPosition, goodForm, side } = input
  const dt = Math.max(0, tMs - s.lastMs)
  switch (s.phase) {
    case 'out':
      if (!inPosition) return { state: s, events: [] }
      return { state: { ...initialHoldState, phase: 'settling', side, sinceMs: tMs, lastMs: tMs }, events: [] }
    case 'settling': {
      if (!inPosition) return { state: { ...initialHoldState }, events: [] }
      const next = { ...s, lastMs: tMs, heldMs: s.heldMs + dt, goodFormMs: s.goodFormMs + (goodForm ? dt : 0) }
      if (tMs - s.sinceMs < cfg.settleMs) return { state: next, events: [] }
      const started = { ...next, phase: 'holding' as const }
      return { state: started, events: [{ ...hold(s.sinceMs, 'started', started) }] }
    }
    case 'holding': {
      if (!inPosition) {
        const paused = { ...s, phase: 'paused' as const, lastMs: tMs }
        return { state: paused, events: [hold(tMs, 'paused', paused, input.reason ?? 'position lost')] }
      }
      return { state: { ...s, lastMs: tMs, heldMs: s.heldMs + dt, goodFormMs: s.goodFormMs + (goodForm ? dt : 0) }, events: [] }
    }
    case 'paused': {
      if (inPosition) {
        const resumed = { ...s, phase: 'holding' as const, lastMs: tMs }
        return { state: resumed, events: [hold(tMs, 'resumed', resumed)] }
      }
      if (tMs - s.lastMs > cfg.endAfterMs) {
        return { state: { ...initialHoldState }, events: [hold(s.lastMs, 'ended', s, input.reason ?? 'position lost')] }
      }
      return { state: s, events: [] }
    }
  }
}
