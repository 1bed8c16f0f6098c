/**
 * The camera's roll (its turn about the viewing axis), tracked across frames from the evidence in
 * rollSources.ts: a running median over the last few seconds, so one bad frame cannot move it, classified as
 * level, tilted (ask the runner to level the laptop) or sideways (the picture is on its side).
 *
 * Degrees, positive = the picture is turned CLOCKWISE on screen: the world's "up" appears turned clockwise
 * from image-up, so a runner standing straight leans to the image right. Level the frame with
 * `derollFrame(frame, tracker.correctionDeg)` (levelFrame.ts), which turns it back by -roll.
 *
 * Feed it bodies built from the camera's own frame (not a levelled one): the estimate is of that frame.
 */
import { distance, wrapDeg, type Point2 } from '../pose/geometry'
import type { Body } from './body'
import type { CameraRollState, EngineEvent, ExerciseId } from './events'
import type { PostureFamily } from './rollSources'
import { centre, splitStanceRoll } from './rollSources'
import { rollEvidence } from './sideways'

export type { PostureFamily } from './rollSources'

/**
 * At or below this the camera counts as level. A runner standing "straight" sways and leans ±2–3°, and a
 * pitched or raised camera tilts an off-centre body or a receding floor line by up to ~5° more (measured on
 * level footage), so the estimate cannot tell a smaller roll from the runner.
 */
export const LEVEL_MAX_DEG = 5
/**
 * Above this the runner is asked to level the laptop: at 8° a knee-over-toe or sit-back comparison a shin
 * length up shifts by sin 8° ≈ 0.14 shin, more than the engine's margins. Between the two limits the state
 * stays as it was (hysteresis), so an estimate near one limit does not flicker.
 */
export const TILTED_MIN_DEG = 8
/** Beyond this the picture is on its side: nearer a quarter turn (±90°) than level. */
export const SIDEWAYS_MIN_DEG = 45
/** Beyond this the picture is upside down: nearer a half turn (180°) than a quarter turn. */
export const UPSIDE_DOWN_MIN_DEG = 135
/**
 * Below this no correction is applied: the estimate is within the runner's own sway and the sources' bias,
 * so turning the frame by it would add error as often as it removes it.
 */
export const CORRECTION_DEADBAND_DEG = 3
/** The median runs over this much recent evidence: several seconds of standing still, or a held plank. */
export const ROLL_WINDOW_MS = 4000
/** An estimate needs at least this many frames of evidence spread over at least ROLL_MIN_SPAN_MS. */
export const ROLL_MIN_SAMPLES = 8
export const ROLL_MIN_SPAN_MS = 700
/** A new state must hold this long before it is announced (a runner reading the screen, not one frame). */
export const ROLL_SETTLE_MS = 1000

/**
 * The standing axis is read only while the hips move slower than this (torso lengths per second): a runner
 * walking, stepping or swaying into a rep leans into the movement; standing still they do not.
 */
export const STILL_MAX_TORSOS_PER_S = 0.5

/** The exercises done lying or propped on the floor; the rest are done standing. */
const FLOOR_EXERCISES: ReadonlySet<ExerciseId> = new Set<ExerciseId>(['heel-taps', 'plank', 'side-plank', 'push-up', 'glute-bridge'])

/** Whether the runner stands or lies for an exercise (null = unknown plan). */
export function postureFamily(exercise: ExerciseId | null): PostureFamily {
  if (exercise === null) return 'any'
  return FLOOR_EXERCISES.has(exercise) ? 'floor' : 'standing'
}

/** The state a settled roll puts the camera in, given the state it was in (hysteresis between LEVEL_MAX_DEG and TILTED_MIN_DEG). */
export function rollState(rollDeg: number, previous: CameraRollState | null = null): CameraRollState {
  const size = Math.abs(rollDeg)
  if (size >= UPSIDE_DOWN_MIN_DEG) return 'upside-down'
  if (size >= SIDEWAYS_MIN_DEG) return 'sideways'
  if (size > TILTED_MIN_DEG) return 'tilted'
  if (size <= LEVEL_MAX_DEG) return 'level'
  return previous === 'tilted' ? 'tilted' : 'level'
}

/**
 * The picture's turn when it is on its side or upside down (nothing is judged then: every rule reads the
 * picture's axes, and the runner is asked to turn the camera), else null (level or tilted: judged, tilted
 * ones corrected or held back by levelling.ts).
 */
export function pictureTurned(state: CameraRollState | null | undefined): 'sideways' | 'upside-down' | null {
  return state === 'sideways' || state === 'upside-down' ? state : null
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/**
 * The median of angles (degrees) on the circle: each is taken as its nearest turn from the samples' circular
 * mean, so a picture upside down, read as +178° on one frame and −179° on the next (the same turn), gives
 * ~180°, not the ~0° ("level") a plain median of the two sides would. Result in (-180, 180].
 */
export function circularMedianDeg(values: number[]): number {
  const rad = Math.PI / 180
  const mean = Math.atan2(values.reduce((s, v) => s + Math.sin(v * rad), 0), values.reduce((s, v) => s + Math.cos(v * rad), 0)) / rad
  return wrapDeg(mean + median(values.map((v) => wrapDeg(v - mean))))
}

export interface RollReading {
  /** Median roll over the window (on the circle), degrees in (-180, 180], clockwise positive. */
  rollDeg: number
  state: CameraRollState
}

export interface RollTrackerOptions {
  /** The planned exercise (or its posture family): a straight body lying across the image means different things for a squat and a plank. */
  exercise?: ExerciseId | null
}

/** Tracks the camera's roll across frames; reports a 'camera' event when its state first settles and whenever it changes. */
export class RollTracker {
  private readonly expect: PostureFamily
  /** A lunge is planned: its split stance's toes give the floor (rollSources.ts, splitStanceRoll). */
  private readonly splitStance: boolean
  private samples: { t: number; deg: number }[] = []
  private settled: RollReading | null = null
  private candidate: CameraRollState | null = null
  private candidateSinceMs = 0
  private latest: number | null = null
  private lastHip: { t: number; hip: Point2 } | null = null

  constructor(options: RollTrackerOptions = {}) {
    this.expect = postureFamily(options.exercise ?? null)
    this.splitStance = options.exercise === 'lunge'
  }

  /** The settled reading, or null before enough evidence. */
  get reading(): RollReading | null {
    return this.settled
  }

  /** The latest windowed median (settled or not), degrees, or null before enough evidence. */
  get estimateDeg(): number | null {
    return this.latest
  }

  /** The turn to undo with derollFrame, degrees: the settled roll beyond the dead band, else 0. */
  get correctionDeg(): number {
    const roll = this.settled?.rollDeg ?? 0
    return Math.abs(roll) < CORRECTION_DEADBAND_DEG ? 0 : roll
  }

  update(body: Body): EngineEvent[] {
    const t = body.tMs
    const still = this.still(body)
    const deg = rollEvidence(body, this.expect, still) ?? (this.splitStance && still ? splitStanceRoll(body) : null)
    if (deg !== null && Number.isFinite(deg)) this.samples.push({ t, deg })
    this.samples = this.samples.filter((s) => t - s.t <= ROLL_WINDOW_MS && s.t <= t)
    if (this.samples.length < ROLL_MIN_SAMPLES || t - this.samples[0].t < ROLL_MIN_SPAN_MS) return []
    const rollDeg = circularMedianDeg(this.samples.map((s) => s.deg))
    this.latest = rollDeg
    const state = rollState(rollDeg, this.settled?.state ?? null)
    if (this.settled && state === this.settled.state) {
      // Same state: follow the estimate quietly (the correction tracks it), no event.
      this.settled = { rollDeg, state }
      this.candidate = null
      return []
    }
    if (this.candidate !== state) {
      this.candidate = state
      this.candidateSinceMs = t
    }
    if (t - this.candidateSinceMs < ROLL_SETTLE_MS) return []
    this.settled = { rollDeg, state }
    this.candidate = null
    return [{ type: 'camera', t, rollDeg: Math.round(rollDeg * 10) / 10, state }]
  }

  /** Whether the hips moved slower than STILL_MAX_TORSOS_PER_S since the last frame (false when unknown). */
  private still(body: Body): boolean {
    const hip = centre(body, 'hip')
    const shoulder = centre(body, 'shoulder')
    const last = this.lastHip
    this.lastHip = hip ? { t: body.tMs, hip } : null
    if (!hip || !shoulder || !last || body.tMs <= last.t) return false
    const torso = distance(hip, shoulder)
    return torso > 0 && distance(hip, last.hip) / torso / ((body.tMs - last.t) / 1000) < STILL_MAX_TORSOS_PER_S
  }

  reset(): void {
    this.lastHip = null
    this.samples = []
    this.settled = null
    this.candidate = null
    this.latest = null
  }
}
