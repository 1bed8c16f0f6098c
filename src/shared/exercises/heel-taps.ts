/**
 * Double heel taps (../shared/exercises.md §1): side view, lying on the back. A rep per heel tap of
 * one leg (a hip flexion cycle: thigh up past vertical, then lowered until the heel taps the floor),
 * alternating legs, each leg followed on its own; the 'both-legs' progression counts one rep per tap
 * of both legs together. Cues: the knee stays bent near 90°, the tap reaches the floor, controlled
 * lowering (not dropping the leg).
 */
import { joint, type Body } from '../engine/body'
import type { EngineEvent, Side } from '../engine/events'
import type { RepMachineConfig } from '../engine/repMachine'
import { createRepTracker, type RepCheckContext, type RepSignal, type RepTracker } from '../engine/repTracker'
import { clearAllCues, cueTransition, DEFAULT_CUE_DEBOUNCE, type CueState } from '../engine/cueDebouncer'
import { createRestReference, type RestReference } from '../engine/restReference'
import type { InterruptibleTracker, RangeOfMotion, RangeOfMotionTracker } from '../engine/tracker'
import { TapCheck } from './heel-taps-tap'
import type { ExerciseDefinition, ExerciseOptions } from './types'

/**
 * Signal: the hip angle shoulder–hip–knee. Lying flat with the knee at 90° and the heel on the floor
 * the thigh rises ~45° off the floor (hip ~135°); the routine lifts it until the thigh is over the
 * pelvis (vertical: hip ~90°).
 */
export const HEEL_TAP_MACHINE: RepMachineConfig = {
  direction: 'flex',
  // Under 112° the leg is rising: 13°+ above even the lowest tap (a 70°-bent knee taps at ~125°) and 8° past
  // returnRest, so jitter at the floor cannot start a rep.
  leaveRestDeg: 112,
  // Within 10° of a vertical thigh = "thigh above the pelvis".
  reachDepthDeg: 100,
  // Lowered back past 120° = down at the floor (a 110°-bent knee taps at ~145°, a 70° one at ~125°).
  returnRestDeg: 120,
  // Up and down in under 0.6 s is a kick or a tracking jump.
  minRepMs: 600,
  // A slow rep (inhale up, exhale down) is ~3–4 s; 12 s with the knee up is resting.
  maxRepMs: 12000
}

/** Knee opened past 130° (40° beyond the prescribed 90°) = the leg is straightening out. */
export const KNEE_STRAIGHTENING_DEG = 130
/**
 * Lowering from the top (thigh vertical) to the tap position covers ~30–45° of hip angle; done in
 * under 0.35 s (well over 100°/s) the leg is falling, not lowered on a slow exhale.
 */
export const MIN_LOWERING_MS = 350
/** The top of the rep lasts while the hip angle stays within 5° of its deepest value (a held top is not lowering). */
export const TOP_BAND_DEG = 5

/**
 * Lying on the back, the shoulder–hip line is within ~10° of horizontal (a foam roller under the head
 * tilts it a little more); past 35° the runner is sitting up or standing, where hip flexion is a squat
 * or a step, not a heel tap.
 */
export const LYING_TORSO_MAX_TILT_DEG = 35

/** Whether the body lies on its back: torso near horizontal and the bent knee above the hip (face-down it hangs below). */
export function lyingOnBack(body: Body, side: Side): boolean {
  const shoulder = body.point(joint(side, 'shoulder')) ?? body.point(joint(side === 'left' ? 'right' : 'left', 'shoulder'))
  const hip = body.point(joint(side, 'hip'))
  const knee = body.point(joint(side, 'knee'))
  if (!shoulder || !hip || !knee) return false
  const tilt = (Math.atan2(Math.abs(hip.y - shoulder.y), Math.abs(hip.x - shoulder.x)) * 180) / Math.PI
  return tilt <= LYING_TORSO_MAX_TILT_DEG && knee.y < hip.y
}

/** Hip flexion angle of one leg, degrees, or null when not seen or not lying on the back. */
export function hipAngle(body: Body, side: Side): number | null {
  if (!lyingOnBack(body, side)) return null
  const other = side === 'left' ? 'right' : 'left'
  return body.angle(joint(side, 'shoulder'), joint(side, 'hip'), joint(side, 'knee'))
    ?? body.angle(joint(other, 'shoulder'), joint(side, 'hip'), joint(side, 'knee'))
}

/** Lowering time: from the last moment at the top to the end of the rep, ms. */
export function loweringMs(ctx: RepCheckContext): number {
  const top = ctx.rep.depthDeg
  const atTop = ctx.samples.filter((s) => s.deg <= top + TOP_BAND_DEG)
  const leftTop = atTop.length === 0 ? ctx.rep.bottomMs : atTop[atTop.length - 1].tMs
  return ctx.rep.endMs - leftTop
}

function legTracker(side: Side | null, signal: (body: Body) => RepSignal | null): RepTracker {
  return createRepTracker({
    exercise: 'heel-taps',
    machine: HEEL_TAP_MACHINE,
    signal,
    checkRep: (ctx) => (loweringMs(ctx) < MIN_LOWERING_MS ? ['heel-taps-dropping'] : [])
  })
}

/**
 * A leg's own resting hip angle (heel on the floor), for the range-of-motion bar: the median of its last
 * three rests (the most open reading of each), within what a heel on the floor reads: from the back-at-rest
 * line to 155°, where a heel taps with the knee opened to the straightening line (130°; thigh ≈ shin, so the
 * thigh rises (180° − knee) / 2 off the floor: 90° knee → 135° hip). Display only: counting keeps
 * HEEL_TAP_MACHINE's fixed lines.
 */
export const HEEL_ON_FLOOR_REST = { restsKept: 3, bounds: [HEEL_TAP_MACHINE.returnRestDeg, 155] as [number, number] }

/** One leg's rep tracker with its tap check and its own rest. */
interface Leg {
  reps: RepTracker
  tap: TapCheck
  rest: RestReference
}

const STRAIGHTENING = 'heel-taps-knee-straightening'

/**
 * "The knee stays bent near 90° through the movement": judged on every frame lying on the back, not only
 * while a leg is rising, since a leg that straightens out (as in a dead bug's extension) does so on its
 * way away from the chest, where no heel-tap rep is under way.
 */
function kneeStraightening(body: Body): { judged: string[]; faults: string[] } {
  const knees = (['left', 'right'] as const)
    .filter((s) => lyingOnBack(body, s))
    .map((s) => body.angle(joint(s, 'hip'), joint(s, 'knee'), joint(s, 'ankle')))
    .filter((k): k is number => k !== null)
  if (knees.length === 0) return { judged: [], faults: [] }
  return { judged: [STRAIGHTENING], faults: Math.max(...knees) > KNEE_STRAIGHTENING_DEG ? [STRAIGHTENING] : [] }
}

export class HeelTapsTracker implements InterruptibleTracker, RangeOfMotionTracker {
  private readonly legs: Leg[]
  private knees: CueState = {}

  constructor(options: ExerciseOptions = {}) {
    if (options.variant === 'both-legs') {
      // Both legs move together: one rep per tap, read from the mean hip angle of the legs seen.
      const signal = (body: Body): RepSignal | null => {
        const angles = (['left', 'right'] as const).map((s) => hipAngle(body, s)).filter((a) => a !== null)
        return angles.length === 0 ? null : { deg: angles.reduce((a, b) => a + b, 0) / angles.length, side: null }
      }
      // The tap is judged on the leg nearer the camera, whose heel the model sees best.
      this.legs = [{ reps: legTracker(null, signal), tap: new TapCheck('near'), rest: createRestReference('flex', HEEL_ON_FLOOR_REST) }]
    } else {
      this.legs = (['left', 'right'] as const).map((side) => {
        const signal = (body: Body): RepSignal | null => {
          const deg = hipAngle(body, side)
          return deg === null ? null : { deg, side }
        }
        return { reps: legTracker(side, signal), tap: new TapCheck(side), rest: createRestReference('flex', HEEL_ON_FLOOR_REST) }
      })
    }
  }

  /**
   * The tapping leg's hip flexion (shoulder–hip–knee, degrees): from that leg's own heel-on-floor angle to
   * the thigh over the pelvis (HEEL_TAP_MACHINE.reachDepthDeg). The tapping leg is the one furthest from
   * its rest; in the both-legs variant, the two legs' mean.
   */
  get rangeOfMotion(): RangeOfMotion | null {
    let tapping: RangeOfMotion | null = null
    for (const leg of this.legs) {
      const rom = leg.reps.rangeOfMotion
      if (!rom) continue
      const reading = { ...rom, rest: leg.rest.restDeg ?? rom.rest }
      if (!tapping || reading.rest - reading.value > tapping.rest - tapping.value) tapping = reading
    }
    return tapping
  }

  update(body: Body): EngineEvent[] {
    const events: EngineEvent[] = []
    for (const leg of this.legs) {
      for (const e of leg.reps.update(body)) {
        if (e.type === 'rep') events.push(...leg.tap.add(e, body.tMs))
        else events.push(e)
      }
      const rom = leg.reps.rangeOfMotion
      if (rom) leg.rest.update(body.tMs, rom.value, leg.reps.phase !== 'rest')
      events.push(...leg.tap.update(body, leg.reps.phase === 'descending' || leg.reps.phase === 'deep'))
    }
    const knee = cueTransition(DEFAULT_CUE_DEBOUNCE, this.knees, { tMs: body.tMs, ...kneeStraightening(body) })
    this.knees = knee.state
    events.push(...knee.events)
    return events
  }

  interrupt(tMs: number, reason: string): EngineEvent[] {
    return [...this.legs.flatMap((l) => [...l.tap.flush(tMs), ...l.reps.interrupt(tMs, reason)]), ...this.clearKnees(tMs)]
  }

  finish(tMs: number): EngineEvent[] {
    return [...this.legs.flatMap((l) => [...l.tap.flush(tMs), ...l.reps.finish(tMs)]), ...this.clearKnees(tMs)]
  }

  private clearKnees(tMs: number): EngineEvent[] {
    const cleared = clearAllCues(this.knees, tMs)
    this.knees = cleared.state
    return cleared.events
  }

  reset(): void {
    this.knees = {}
    for (const l of this.legs) {
      l.reps.reset()
      l.tap.reset()
      l.rest.reset()
    }
  }
}

export const heelTaps: ExerciseDefinition = {
  id: 'heel-taps',
  name: 'Double heel taps',
  group: 'core',
  view: 'side',
  measure: 'reps',
  prescription: { sets: 2, reps: 10, perSide: false, restSeconds: 45, text: '10 reps, 2 sets' },
  variants: [
    { id: 'alternating', label: 'Alternating legs' },
    { id: 'both-legs', label: 'Both legs together' },
    { id: 'foam-roller', label: 'On a foam roller (alternating)' }
  ],
  requiredJoints: ['left_shoulder', 'left_hip', 'left_knee', 'left_ankle'],
  cueIds: ['heel-taps-knee-straightening', 'heel-taps-short-tap', 'heel-taps-dropping'],
  createTracker: (options) => new HeelTapsTracker(options)
}
