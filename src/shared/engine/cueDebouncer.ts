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
  /**
   * Optional. A fault seen on every frame of a judged stretch at least this long is raised when the stretch
   * ends, even if that was before `raiseAfterMs` (a bottom too brief for the usual persistence), ms.
   */
  wholeStretchMs?: number
  /** A stretch has ended once its cue has gone unjudged this long; a shorter gap (a gate flickering) continues it, ms. */
  stretchEndMs?: number
}

/**
 * ~1/3 s persistence rejects single-frame keypoint jumps; 4 s between repeats ≈ one rep at routine tempo,
 * and a fault held that long (a held bottom, a sagging plank) is said again at the same pace.
 */
export const DEFAULT_CUE_DEBOUNCE: CueDebounceConfig = { raiseAfterMs: 300, clearAfterMs: 500, repeatAfterMs: 4000, remindAfterMs: 4000 }

/**
 * For faults judged only while a rep is loaded (at depth, at the bottom): the loaded stretch of a fast,
 * bounced rep, or of one cut short by an edit or a stumble, can end before the usual ~1/3 s persistence.
 * A fault seen on every frame of such a stretch is what the runner did on that rep, not a keypoint jump:
 * it is raised when the stretch ends, provided the stretch lasted half the raise time (150 ms from its first
 * frame to its last: 6 frames at 30 fps, 4 at 15 fps; the single-frame jumps the persistence rejects last
 * 1–2 frames). The stretch ends when its cue has gone unjudged for 100 ms (3 frames at 30 fps): a judging
 * gate that flickers for a frame or two (a joint lost, a leg foreshortened) continues the same stretch.
 * Measured: randy's cut 4th knees-in rep is loaded for 6 frames at 30 fps and called; its 15 fps copy
 * (`eval --robust`, kind 15fps) keeps 3 of them, 133 ms, and is not.
 */
export const REP_CUE_DEBOUNCE: CueDebounceConfig = { ...DEFAULT_CUE_DEBOUNCE, wholeStretchMs: DEFAULT_CUE_DEBOUNCE.raiseAfterMs / 2, stretchEndMs: 100 }

interface OneCue {
  active: boolean
  /** Since when the fault (if inactive) or the recovery (if active) has been seen, or null. */
  changeSinceMs: number | null
  lastRaisedMs: number
  /** First and latest frame of the current judged stretch (gaps under `stretchEndMs` continue it), or null. */
  judgedSinceMs?: number | null
  lastJudgedMs?: number | null
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
  if (cfg.wholeStretchMs !== undefined) raiseWholeStretches(cfg, next, input, events)
  for (const id of input.judged) {
    const prev = next[id] ?? { active: false, changeSinceMs: null, lastRaisedMs: -Infinity }
    const stretchGoesOn = prev.judgedSinceMs != null && prev.lastJudgedMs != null && input.tMs - prev.lastJudgedMs < (cfg.stretchEndMs ?? Infinity)
    const c: OneCue = { ...prev, judgedSinceMs: stretchGoesOn ? prev.judgedSinceMs : input.tMs, lastJudgedMs: input.tMs }
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
      next[id] = { ...c, active: true, changeSinceMs: null, lastRaisedMs: input.tMs }
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
 * Raises, once its stretch has ended, a pending fault seen on every frame of that judged stretch (REP_CUE_DEBOUNCE).
 * A stretch that does not qualify is only closed: its pending fault carries on as any unjudged cue's does.
 */
function raiseWholeStretches(cfg: CueDebounceConfig, next: Record<string, OneCue>, input: CueInput, events: EngineEvent[]): void {
  for (const [id, c] of Object.entries(next)) {
    if (input.judged.includes(id) || c.judgedSinceMs == null || c.lastJudgedMs == null) continue
    if (input.tMs - c.lastJudgedMs < (cfg.stretchEndMs ?? 0)) continue
    // Seen at fault on every judged frame of the stretch: a clean frame would have cleared changeSinceMs.
    const wholeStretch = !c.active && c.changeSinceMs !== null && c.changeSinceMs <= c.judgedSinceMs
    const longEnough = c.lastJudgedMs - c.judgedSinceMs >= cfg.wholeStretchMs!
    if (wholeStretch && longEnough && input.tMs - c.lastRaisedMs >= cfg.repeatAfterMs) {
      next[id] = { active: true, changeSinceMs: null, lastRaisedMs: input.tMs, judgedSinceMs: null, lastJudgedMs: null }
      events.push({ type: 'cue', t: input.tMs, phase: 'raised', id })
    } else {
      next[id] = { ...c, judgedSinceMs: null, lastJudgedMs: null }
    }
  }
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
