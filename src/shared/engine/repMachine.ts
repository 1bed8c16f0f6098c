/**
 * The rep-phase state machine, as pure `(state, input) => state` transitions with named guards.
 * It follows one angle (degrees) that leaves a rest value, reaches a working depth and comes back.
 * `direction: 'flex'` = the angle shrinks during the rep (knee in a squat); 'extend' = it grows
 * (hip in a glute bridge). Hysteresis: a rep starts past `leaveRestDeg` but only ends back past
 * `returnRestDeg`, which sits nearer the rest value, so jitter at the threshold cannot count twice.
 */

export interface RepMachineConfig {
  direction: 'flex' | 'extend'
  /** Angle past which the body has left the rest position, degrees. */
  leaveRestDeg: number
  /** Angle the rep must reach to count (working depth), degrees. */
  reachDepthDeg: number
  /** Angle back past which the rep is complete, degrees (between leaveRestDeg and the rest value). */
  returnRestDeg: number
  /** Faster than this is a flinch or tracking glitch, not a rep, milliseconds. */
  minRepMs: number
  /** Slower than this is resting, sitting or adjusting, not a rep, milliseconds. */
  maxRepMs: number
}

export type RepPhase =
  /** Not yet seen at rest since start or an interruption: nothing may count. */
  | 'unready'
  | 'rest'
  /** Left rest, working depth not reached yet. */
  | 'descending'
  /** Working depth reached; waiting for the return to rest. */
  | 'deep'

export interface RepState {
  phase: RepPhase
  /** Last time at rest, ms: the start of the next rep. */
  restMs: number
  startMs: number
  /** Time and angle of the deepest point so far. */
  bottomMs: number
  extremeDeg: number
  /** Angle at the start (last rest sample), degrees. */
  startDeg: number
  /**
   * A rep that reached depth and came back to rest sooner than `minRepMs`: that return is tentative (see
   * BRIEF_RETURN_MS). `atMs` when it came back; `restMs`/`restDeg` the last sample since that stayed at
   * rest, where a new rep starts if this one is dropped. Null otherwise.
   */
  returned: { atMs: number; restMs: number; restDeg: number } | null
  /** Set when the rep was resumed across such a glitch: it must reach depth again before it can count. */
  resumed: boolean
  /** The last sample was at working depth (or read deep). */
  wasDeep: boolean
  /**
   * A rep whose return to rest came straight from a sample at working depth, held for one sample; null
   * otherwise. No runner rises from the bottom to the top in one frame interval and sinks straight back to
   * the bottom in the next (a rise or a descent takes 0.3 s or more), so depth, rest, depth on three samples
   * in a row is a keypoint spike inside the rep, not its top: the rep goes on. Measured: an elbow read
   * straight for one frame at the bottom of a dim push-up, just before the model lost the runner for 0.2 s,
   * split one push-up into two. Any other next sample confirms the return, and the rep counts then with the
   * first one's time as its end (one frame later than otherwise); so does tracking lost or the set ended
   * right after it. A return reached through samples short of depth (every ordinary top) counts at once,
   * whatever comes next: the knee-drive lunge's one-sample top, followed by the driven knee read at depth,
   * is a real top.
   */
  ending: CompletedRep | null
}

export type RepInput =
  /**
   * `deep`: an independent reading of the body says the working depth is reached even though the angle
   * does not (the squat's shoulders dropped by a half squat's worth while a misplaced hip keypoint keeps the
   * thighs reading shallow). The rep still has to leave and come back to rest by the angle.
   */
  | { type: 'sample'; tMs: number; angleDeg: number; deep?: boolean }
  /** Tracking lost, view changed or the set was paused: any rep in progress is dropped. */
  | { type: 'interrupt'; tMs: number }

/** A completed rep, times in ms, angles in degrees. */
export interface CompletedRep {
  startMs: number
  bottomMs: number
  endMs: number
  depthDeg: number
  rangeDeg: number
}

export interface RepStep {
  state: RepState
  /** Set on the transition that completes a valid rep. */
  rep?: CompletedRep
  /** Set when a rep in progress was dropped, with the guard that dropped it. */
  dropped?: 'too-fast' | 'too-slow' | 'too-shallow' | 'interrupted'
}

export const initialRepState: RepState = { phase: 'unready', restMs: 0, startMs: 0, bottomMs: 0, extremeDeg: 0, startDeg: 0, returned: null, resumed: false, wasDeep: false, ending: null }

/**
 * A rep that reached depth and came back to rest sooner than `minRepMs` is held open this long, ms: if the
 * angle leaves rest again (past `leaveRestDeg`) in that time and reaches depth again, it was one rep split
 * by a glitch, not two halves of nothing. A keypoint that jumps for a frame or two (sensor noise, heavy
 * compression, a limb crossing another) lasts 33-67 ms at 30 fps, one sample at 10 fps; without this such
 * a spike splits a real rep into two "too fast" halves and both are dropped (measured: a knee-drive lunge
 * under strong sensor noise lost a rep to one frame reading 176°). 150 ms is under any top a runner holds
 * between reps (≥ 0.2 s on our fastest, the knee-drive lunges). Both halves must reach depth, so wobbles
 * at the top (shallow dips around the rest line, a leg switch in alternating lunges) never join up.
 */
export const BRIEF_RETURN_MS = 150


/** How far `angle` is past `threshold` in the working direction (positive = deeper). */
function past(cfg: RepMachineConfig, angle: number, threshold: number): number {
  return cfg.direction === 'flex' ? threshold - angle : angle - threshold
}

// Named guards.
export const atRest = (cfg: RepMachineConfig, angle: number): boolean => past(cfg, angle, cfg.returnRestDeg) <= 0
export const leftRest = (cfg: RepMachineConfig, angle: number): boolean => past(cfg, angle, cfg.leaveRestDeg) > 0
export const reachedDepth = (cfg: RepMachineConfig, angle: number): boolean => past(cfg, angle, cfg.reachDepthDeg) >= 0

export function repTransition(cfg: RepMachineConfig, state: RepState, input: RepInput): RepStep {
  if (input.type === 'interrupt') {
    if (state.ending) return { state: { ...initialRepState }, rep: state.ending }
    const wasMoving = state.phase === 'descending' || state.phase === 'deep'
    return { state: { ...initialRepState }, dropped: wasMoving ? 'interrupted' : undefined }
  }
  const { tMs, angleDeg } = input
  if (!Number.isFinite(angleDeg)) return { state }
  const atDepth = reachedDepth(cfg, angleDeg) || input.deep === true
  switch (state.phase) {
    case 'unready':
      return atRest(cfg, angleDeg) ? { state: { ...state, phase: 'rest', restMs: tMs, startDeg: angleDeg } } : { state }
    case 'rest':
      if (leftRest(cfg, angleDeg)) {
        const phase = atDepth ? 'deep' : 'descending'
        return { state: { ...state, phase, startMs: state.restMs, bottomMs: tMs, extremeDeg: angleDeg, wasDeep: atDepth } }
      }
      return { state: { ...state, restMs: tMs, startDeg: angleDeg } }
    case 'descending':
    case 'deep': {
      const deeper = past(cfg, angleDeg, state.extremeDeg) > 0
      const next: RepState = deeper ? { ...state, extremeDeg: angleDeg, bottomMs: tMs, wasDeep: atDepth } : { ...state, wasDeep: atDepth }
      if (state.phase === 'descending' && atDepth) next.phase = 'deep'
      if (tMs - state.startMs > cfg.maxRepMs) {
        // Stayed down too long (sat down, rested): wait to be seen at rest again before counting.
        return { state: { ...initialRepState }, dropped: 'too-slow' }
      }
      const rest: RepState = { ...initialRepState, phase: 'rest', restMs: tMs, startDeg: angleDeg }
      if (state.ending) {
        // Confirmed unless this sample is back at working depth: then the return was a spike (`ending`).
        return atDepth ? { state: { ...next, ending: null } } : { state: rest, rep: state.ending }
      }
      const { returned } = state
      if (returned !== null) {
        // Back too soon: the same rep if the angle leaves rest again within BRIEF_RETURN_MS, else dropped.
        const brief = tMs - returned.atMs < BRIEF_RETURN_MS
        if (!leftRest(cfg, angleDeg)) {
          return brief ? { state: { ...state, returned: { ...returned, restMs: tMs, restDeg: angleDeg } } } : { state: rest, dropped: 'too-fast' }
        }
        if (brief) return { state: { ...next, phase: atDepth ? 'deep' : 'descending', returned: null, resumed: true } }
        // Dropped, and already on the way down again: a new rep, from the last sample at rest.
        const atRestSince: RepState = { ...initialRepState, phase: 'rest', restMs: returned.restMs, startDeg: returned.restDeg }
        return { state: repTransition(cfg, atRestSince, input).state, dropped: 'too-fast' }
      }
      if (!atRest(cfg, angleDeg)) return { state: next }
      if (next.phase !== 'deep') return { state: rest, dropped: state.resumed ? 'too-fast' : 'too-shallow' }
      if (tMs - state.startMs < cfg.minRepMs) return { state: { ...next, returned: { atMs: tMs, restMs: tMs, restDeg: angleDeg } } }
      const rep: CompletedRep = {
        startMs: state.startMs,
        bottomMs: next.bottomMs,
        endMs: tMs,
        depthDeg: next.extremeDeg,
        rangeDeg: Math.abs(next.extremeDeg - state.startDeg)
      }
      // Straight from depth to rest: held for the next sample (`ending`).
      return state.wasDeep ? { state: { ...next, ending: rep } } : { state: rest, rep }
    }
  }
}
