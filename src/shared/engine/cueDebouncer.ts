/**
 * Cue debouncing as pure transitions. A fault seen on one frame is noise; a cue is raised only after
 * the fault persists, cleared only after a sustained recovery, and not raised again within a few
 * seconds (so the runner hears it at most about once per rep).
 */
import type { EngineEvent } from './events'

export interface CueDebounceConfig {
  /** A fault must be seen continuously this long before its cue is raised, ms. */
  raiseAfterMs: number
  /** The fault must be gone this long before the cue is cleared, ms. */
  clearAfterMs: number
  /** The same cue is not raised again within this long of its last raise, ms. */
  repeatAfterMs: number
  /** A fault that persists this long after its cue was raised is said again (a coach repeats himself), ms. */
  remindAfterMs: number
}

/**
 * ~1/3 s persistence rejects single-frame keypoint jumps; 4 s between repeats ≈ one rep at routine tempo,
 * and a fault held that long (a held bottom, a sagging plank) is said again at the same pace.
 */
export const DEFAULT_CUE_DEBOUNCE: CueDebounceConfig = { raiseAfterMs: 300, clearAfterMs: 500, repeatAfterMs: 4000, remindAfterMs: 4000 }

interface OneCue {
  active: boolean
  /** Since when the fault (if inactive) or the recovery (if active) has been seen, or null. */
  changeSinceMs: number | null
  lastRaisedMs: number
}

export type CueState = Readonly<Record<string, OneCue>>

export interface CueInput {
  tMs: number
  /** Cue ids whose fault is seen on this frame. */
  faults: readonly string[]
  /** Cue ids that could be judged on this frame (their joints are seen). Unjudged cues keep their state. */
  judged: readonly string[]
}

export function cueTransition(cfg: CueDebounceConfig, state: CueState, input: CueInput): { state: CueState; events: EngineEvent[] } {
  const next: Record<string, OneCue> = { ...state }
  const events: EngineEvent[] = []
  for (const id of input.judged) {
    const c = next[id] ?? { active: false, changeSinceMs: null, lastRaisedMs: -Infinity }
    const fault = input.faults.includes(id)
    if (fault && c.active && input.tMs - c.lastRaisedMs >= cfg.remindAfterMs) {
      // Still at fault: say it again (a reminder is a fresh raise; the cue stays active).
      next[id] = { ...c, changeSinceMs: null, lastRaisedMs: input.tMs }
      events.push({ type: 'cue', t: input.tMs, phase: 'raised', id })
      continue
    }
    if (fault === c.active) {
      next[id] = { ...c, changeSinceMs: null }
      continue
    }
    const since = c.changeSinceMs ?? input.tMs
    const waited = input.tMs - since
    if (!c.active && waited >= cfg.raiseAfterMs && input.tMs - c.lastRaisedMs >= cfg.repeatAfterMs) {
      next[id] = { active: true, changeSinceMs: null, lastRaisedMs: input.tMs }
      events.push({ type: 'cue', t: input.tMs, phase: 'raised', id })
    } else if (c.active && waited >= cfg.clearAfterMs) {
      next[id] = { ...c, active: false, changeSinceMs: null }
      events.push({ type: 'cue', t: input.tMs, phase: 'cleared', id })
    } else {
      next[id] = { ...c, changeSinceMs: since }
    }
  }
  return { state: next, events }
}

/**
 * Clears every active cue (end of a rep or set, tracking lost). With `newRep` the repeat window is
 * forgotten too: each rep may carry its own cue, however short the reps.
 */
export function clearAllCues(state: CueState, tMs: number, newRep = false): { state: CueState; events: EngineEvent[] } {
  const next: Record<string, OneCue> = {}
  const events: EngineEvent[] = []
  for (const [id, c] of Object.entries(state)) {
    if (c.active) events.push({ type: 'cue', t: tMs, phase: 'cleared', id })
    next[id] = { active: false, changeSinceMs: null, lastRaisedMs: newRep ? -Infinity : c.lastRaisedMs }
  }
  return { state: next, events }
}

/** Ids of cues currently raised. */
export function activeCues(state: CueState): string[] {
  return Object.entries(state).filter(([, c]) => c.active).map(([id]) => id)
}
