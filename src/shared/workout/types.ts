import type { ExerciseId, Side } from '../engine/events'
import type { BandColour, ExerciseOptions } from '../exercises/types'

/**
 * The guided workout as plain data. Every time here is milliseconds on one clock that the caller
 * chooses (the renderer uses performance.now()); durations are milliseconds unless named *Seconds.
 */

/** What the runner does in one part of a set: a leg, a side lying down, or a walking direction. */
export type SidePart = { side: Side | null; kind: 'none' | 'leg' | 'side-down' | 'direction' }

/** One exercise as the runner set it up on Home: the prescription with their adjustments. */
export interface PlanStep {
  exercise: ExerciseId
  sets: number
  /** Reps per set part (per leg / side / direction when the step has two parts). */
  reps: number | null
  /** Target hold per set part, seconds. */
  holdSeconds: number | null
  /** Rest between sets, seconds. */
  restSeconds: number
  /** The parts of every set, in order: one part, or left then right. */
  parts: SidePart[]
  options: ExerciseOptions & { bandColour?: BandColour }
}

export interface WorkoutPlan {
  steps: PlanStep[]
}

/** Where the runner is in the plan. */
export interface Cursor {
  step: number
  set: number
  part: number
}

/** How a set part ended. 'side-switch': the engine saw the runner move to the other side; the part stays owed. */
export type SetEnd = 'target' | 'runner-left' | 'skipped' | 'workout-ended' | 'side-switch'

/** What one set part achieved, kept for the summary and the session record. */
export interface SetResult {
  exercise: ExerciseId
  set: number
  side: Side | null
  reps: number
  targetReps: number | null
  /** Seconds of hold with good form. */
  holdSeconds: number
  targetHoldSeconds: number | null
  /** Ids of every cue raised during the part, in order, repeats removed. */
  cues: string[]
  startedAtMs: number
  endedAtMs: number
  endedBy: SetEnd
}

/** Live progress of the set part being done. */
export interface LiveSet {
  startedAtMs: number
  reps: number
  /** Good-form hold time banked before the current running stretch, ms. */
  holdBankedMs: number
  /** When the hold timer last started running, or null while it is stopped. */
  holdRunningSinceMs: number | null
  /** Why the hold timer is stopped (the engine's sentence), null while running or not started. */
  holdPausedReason: string | null
  /** The cue being shown now, if any. */
  activeCue: string | null
  /** When the cue shown now was raised (it stays on screen at least CUE_MIN_SHOWN_MS from then), or null. */
  activeCueSinceMs: number | null
  /** The engine has cleared the cue shown now before CUE_MIN_SHOWN_MS was up: it goes at the first tick after. */
  activeCueCleared: boolean
  cues: string[]
  /** Since when the runner has looked gone (stood up from the floor, or left the frame); null while present. */
  awaySinceMs: number | null
  /** When the engine moved this set to this part's side mid-set (a rep or hold on it); null if the plan started it. */
  switchedAtMs: number | null
  /** The set is paused because the runner stepped out (not by their asking): coming back resumes it. */
  steppedOut: boolean
  /** Since when a stepped-out runner has been back in position; null while still away. */
  backSinceMs: number | null
}

/** The phases of a workout, as a tagged union: each carries only what it needs. */
export type WorkoutState =
  | { phase: 'plan'; plan: WorkoutPlan; results: SetResult[] }
  | { phase: 'placement'; plan: WorkoutPlan; results: SetResult[]; cursor: Cursor; okSinceMs: number | null; pausedAtMs: number | null }
  | {
      phase: 'countdown'
      plan: WorkoutPlan
      results: SetResult[]
      cursor: Cursor
      endsAtMs: number
      /** Since when the placement check has been red during the countdown; null while green. */
      redSinceMs: number | null
      pausedAtMs: number | null
    }
  | { phase: 'set'; plan: WorkoutPlan; results: SetResult[]; cursor: Cursor; live: LiveSet; pausedAtMs: number | null }
  | {
      phase: 'rest'
      plan: WorkoutPlan
      results: SetResult[]
      /** The part that comes after the rest. */
      cursor: Cursor
      endsAtMs: number
      /** The next part is the other side / leg / direction of the same set. */
      sideSwitch: boolean
      pausedAtMs: number | null
    }
  | { phase: 'summary'; plan: WorkoutPlan; results: SetResult[]; endedAtMs: number }

export type Phase = WorkoutState['phase']

/** What the runner looks like right now, reduced from recent pose frames by the placement check. */
export interface Presence {
  /** A person with enough visible joints is in frame. */
  inFrame: boolean
  posture: 'standing' | 'floor' | 'unknown'
}

/** Everything that can happen to a workout. `t` is the caller's clock in ms. */
export type WorkoutEvent =
  | { type: 'START'; t: number }
  | { type: 'TICK'; t: number }
  /** Result of the placement check on recent frames. */
  | { type: 'PLACEMENT'; t: number; ok: boolean }
  | { type: 'PRESENCE'; t: number; presence: Presence }
  /** A counted rep; `side` is the engine's (leg, side or direction), and picks the part it counts for. */
  | { type: 'REP'; t: number; side: Side | null }
  /**
   * The engine's hold timer started/resumed (running) or paused/ended (not running). The workout
   * times the hold itself on its own clock, so an engine reset after a pause cannot skew it.
   */
  | { type: 'HOLD'; t: number; running: boolean; reason?: string; /** The engine's side (a side plank's down side). */ side?: Side | null }
  | { type: 'CUE'; t: number; id: string; phase: 'raised' | 'cleared' }
  | { type: 'PAUSE'; t: number }
  | { type: 'RESUME'; t: number }
  /** Skip forward: end the current part now, or cut the rest short. 'exercise' also drops its remaining sets. */
  | { type: 'SKIP'; t: number; scope: 'part' | 'exercise' }
  /**
   * The runner is doing another routine exercise than the planned one and accepted the switch: the current
   * part ends (kept if anything was done) and `step` replaces the planned step, starting at its first set.
   */
  | { type: 'SWITCH_EXERCISE'; t: number; step: PlanStep }
  /** Change the running rest by this many seconds (negative shortens it). */
  | { type: 'ADJUST_REST'; t: number; deltaSeconds: number }
  | { type: 'END'; t: number }
