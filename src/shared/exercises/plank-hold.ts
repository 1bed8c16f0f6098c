/**
 * The frame loop shared by the two timed holds (plank, side plank): the hold timer and the form
 * cues, stepped together so good-form time only runs while no line fault is seen.
 */
import { clearAllCues, cueTransition, DEFAULT_CUE_DEBOUNCE, type CueState } from '../engine/cueDebouncer'
import type { EngineEvent, Side } from '../engine/events'
import { DEFAULT_HOLD, holdTransition, initialHoldState, type HoldState } from '../engine/holdTimer'

/** What one frame says about the hold, already judged by the exercise's rules. */
export interface HoldSample {
  /** Frame time, ms. */
  tMs: number
  /** The runner is in the hold's position (lying, supported, legs straight). */
  inPosition: boolean
  side: Side | null
  /** Why the position is not held, for the 'paused' event. */
  reason?: string
  /** Cue ids whose fault is seen on this frame. */
  faults: string[]
  /** Cue ids whose joints are seen on this frame (the rest keep their state). */
  judged: string[]
}

/** State across frames: the hold timer and the cue debouncer. */
export class HoldWithCues {
  private hold: HoldState = { ...initialHoldState }
  private cues: CueState = {}

  constructor(private readonly cueIds: readonly string[]) {}

  /** Whether a hold has started and not ended (it may be paused). */
  get open(): boolean {
    return this.hold.phase === 'holding' || this.hold.phase === 'paused'
  }

  /** Cue ids raised right now. */
  isActive(id: string): boolean {
    return this.cues[id]?.active === true
  }

  step(s: HoldSample): EngineEvent[] {
    const events: EngineEvent[] = []
    const open = this.hold.phase === 'holding' || this.hold.phase === 'paused'
    if (open && s.inPosition && s.side !== this.hold.side) {
      // Switched sides (side plank): the hold on the other side is over, a new one settles in.
      const ended = holdTransition(DEFAULT_HOLD, this.hold, { type: 'finish', tMs: this.hold.lastMs })
      this.hold = ended.state
      events.push(...ended.events.map((e) => (e.type === 'hold' ? { ...e, reason: 'switched sides' } : e)))
    }
    // The timer runs only while the line is straight: any fault seen now stops good-form time.
    const goodForm = s.faults.length === 0
    const holdStep = holdTransition(DEFAULT_HOLD, this.hold, {
      type: 'sample', tMs: s.tMs, inPosition: s.inPosition, goodForm, side: s.side, reason: s.reason
    })
    this.hold = holdStep.state
    // Form is judged only in a hold that has started: getting into position (a pike on the way
    // down, hips rising) is not a fault. Otherwise every cue is judged clear so it lapses.
    const input = this.hold.phase === 'holding'
      ? { tMs: s.tMs, faults: s.faults, judged: s.judged }
      : { tMs: s.tMs, faults: [], judged: this.cueIds }
    const cueStep = cueTransition(DEFAULT_CUE_DEBOUNCE, this.cues, input)
    this.cues = cueStep.state
    return [...events, ...holdStep.events, ...cueStep.events]
  }

  /** Tracking lost: the hold pauses (it ends if tracking stays lost), cues are dropped. */
  interrupt(tMs: number, reason: string): EngineEvent[] {
    const holdStep = holdTransition(DEFAULT_HOLD, this.hold, {
      type: 'sample', tMs, inPosition: false, goodForm: false, side: this.hold.side, reason
    })
    this.hold = holdStep.state
    const cleared = clearAllCues(this.cues, tMs)
    this.cues = cleared.state
    return [...holdStep.events, ...cleared.events]
  }

  finish(tMs: number): EngineEvent[] {
    const holdStep = holdTransition(DEFAULT_HOLD, this.hold, { type: 'finish', tMs })
    const cleared = clearAllCues(this.cues, tMs)
    this.hold = holdStep.state
    this.cues = cleared.state
    return [...holdStep.events, ...cleared.events]
  }

  reset(): void {
    this.hold = { ...initialHoldState }
    this.cues = {}
  }
}
