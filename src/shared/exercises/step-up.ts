/**
 * Step-ups (exercises.md §7): a rep per rise onto the box, per leading leg. The floor level (and the hips'
 * height standing on it) is learned while both feet are down; a foot well above it is on the box. A rep is
 * floor → lead foot up → the body risen onto the box (the hips lifted by the box's height, or both feet
 * up) → both back on the floor. What the trailing foot does at the top (lands beside the lead, hovers,
 * taps) does not matter: the rise is the rep. Strides and shuffles never lift the hips, so never count.
 * Cues: torso upright, leading knee past the toes while rising, pushing off with the trailing leg.
 */
import { joint, otherSide, type Body } from '../engine/body'
import { cueIdsFor } from '../engine/cues'
import { activeCues, clearAllCues, cueTransition, DEFAULT_CUE_DEBOUNCE, type CueState } from '../engine/cueDebouncer'
import { repTiming, type EngineEvent, type Side } from '../engine/events'
import { bothLegs, facingSign, KNEE_PAST_TOES_SHIN_FRACTION, type LegPoints } from '../engine/legs'
import { unknownRollMarginPx } from '../engine/levelling'
import { voteSide } from '../engine/repTracker'
import type { InterruptibleTracker, RangeOfMotion, RangeOfMotionTracker } from '../engine/tracker'
import { leanFromVertical } from '../pose/geometry'
import type { ExerciseDefinition } from './types'

/** A foot more than 30% of a shin (~13 cm) above the floor is on the box (the lowest boxes are ~15 cm). */
export const ON_BOX_SHIN_FRACTION = 0.3
/** A trailing ankle 20% of a shin (~9 cm) up has left the floor (a heel rise lifts it less); below ON_BOX so it is seen before the foot lands. */
export const OFF_FLOOR_SHIN_FRACTION = 0.2
/**
 * Pushing off: the trailing knee straightens sharply, 25° or more within the 0.4 s before its foot leaves
 * the floor (a passive trailing leg opens ~10–15° as the heel rises, then bends as it lifts).
 */
export const PUSH_OFF_TRAIL_KNEE_DEG = 25
export const PUSH_OFF_WINDOW_MS = 400
/** Upper body upright: more than 30° of forward lean while rising is leaning over. */
export const MAX_TORSO_LEAN_DEG = 30
/**
 * The body is up on the box once the hips stand a box's height above their height standing on the floor:
 * the lowest boxes are ~15 cm (0.35 shin), so 0.3 shin, the same line as a foot on the box. A lead foot on
 * the box with its knee still bent cannot lift the hips that far while the trailing foot is on the floor.
 */
export const HIPS_ON_BOX_SHIN_FRACTION = 0.3
/** A rep (up and down) takes at least a second; 20 s is standing on the box, not stepping. */
export const MIN_REP_MS = 1000
export const MAX_REP_MS = 20000
/** Floor level follows slow camera drift while both feet are down (low-pass weight per frame). */
const FLOOR_FOLLOW = 0.1

interface StepState {
  phase: 'unready' | 'floor' | 'stepping' | 'up'
  floorY: number
  /** Mean hip height (image y, px) standing with both feet on the floor. */
  hipFloorY: number
  lead: Side | null
  startMs: number
  topMs: number
  pushOff: boolean
  /** The trailing foot has left the floor in this rep (the push-off check is done). */
  trailLifted: boolean
  /** Per frame of the rep, which leg was higher (the one on the box): the rep's lead leg is voted over them. */
  leadVotes: (Side | null)[]
  /** Recent trailing-knee angles while its foot is down (degrees, ms), for the push-off check. */
  trailKnee: { tMs: number; deg: number }[]
}

const initial: StepState = { phase: 'unready', floorY: 0, hipFloorY: 0, lead: null, startMs: 0, topMs: 0, pushOff: false, trailLifted: false, leadVotes: [], trailKnee: [] }

function rise(leg: LegPoints, floorY: number): number {
  return (floorY - leg.ankle.y) / leg.shinPx
}

/**
 * The rise of the hips above the runner's own standing height on the floor (learned while both feet are
 * down), in shin lengths, for the range-of-motion bar: 0 standing on the floor, HIPS_ON_BOX_SHIN_FRACTION
 * at the line where the body is up on the box. Not a joint angle: a step-up is the whole body climbing.
 */
export function hipRise(hipFloorY: number, hipY: number, shinPx: number): RangeOfMotion {
  return { unit: 'shin', value: (hipFloorY - hipY) / shinPx, rest: 0, target: HIPS_ON_BOX_SHIN_FRACTION, direction: 'extend' }
}

function createStepUpTracker(): InterruptibleTracker & RangeOfMotionTracker {
  let s: StepState = initial
  let rangeOfMotion: RangeOfMotion | null = null
  let cues: CueState = {}
  let repCues = new Set<string>()
  /** Lead legs of the set's counted reps, newest last. */
  let leadSides: Side[] = []

  const clear = (tMs: number): EngineEvent[] => {
    const c = clearAllCues(cues, tMs, true)
    cues = c.state
    repCues = new Set()
    return c.events
  }

  /** Watches the trailing knee until its foot leaves the floor: straightening sharply just before = pushing off. */
  const pushOffCheck = (body: Body, trail: LegPoints, events: EngineEvent[]): void => {
    if (s.trailLifted || !s.lead) return
    const trailSide = otherSide(s.lead)
    const trailKnee = body.angle(joint(trailSide, 'hip'), joint(trailSide, 'knee'), joint(trailSide, 'ankle'))
    const trailUp = rise(trail, s.floorY) > OFF_FLOOR_SHIN_FRACTION
    if (!trailUp && trailKnee !== null) {
      s = { ...s, trailKnee: [...s.trailKnee.filter((k) => body.tMs - k.tMs <= PUSH_OFF_WINDOW_MS), { tMs: body.tMs, deg: trailKnee }] }
    }
    if (!s.pushOff && trailUp && s.trailKnee.length > 0) {
      const recent = s.trailKnee.filter((k) => body.tMs - k.tMs <= PUSH_OFF_WINDOW_MS + 100)
      const straightened = recent.length > 1 ? Math.max(...recent.map((k) => k.deg)) - Math.min(...recent.map((k) => k.deg)) : 0
      const extendedAtEnd = recent.length > 1 && recent[recent.length - 1].deg >= Math.max(...recent.map((k) => k.deg)) - 5
      if (straightened >= PUSH_OFF_TRAIL_KNEE_DEG && extendedAtEnd) {
        s = { ...s, pushOff: true }
        repCues.add('step-up-push-off')
        events.push({ type: 'cue', t: body.tMs, phase: 'raised', id: 'step-up-push-off' })
      }
      s = { ...s, trailKnee: [] }
    }
    if (trailUp) s = { ...s, trailLifted: true }
  }

  return {
    /** hipRise on the latest frame with both legs seen; null before one. Read only: counting never uses it. */
    get rangeOfMotion() {
      return rangeOfMotion
    },
    update(body: Body) {
      const events: EngineEvent[] = []
      rangeOfMotion = null
      const { left, right } = bothLegs(body)
      if (!left || !right) return events
      const level = Math.max(left.ankle.y, right.ankle.y)
      const hipY = (left.hip.y + right.hip.y) / 2
      const shin = (left.shinPx + right.shinPx) / 2
      const upL = rise(left, s.floorY) > ON_BOX_SHIN_FRACTION
      const upR = rise(right, s.floorY) > ON_BOX_SHIN_FRACTION
      switch (s.phase) {
        case 'unready':
          s = { ...initial, phase: 'floor', floorY: level, hipFloorY: hipY }
          break
        case 'floor':
          if (upL !== upR) s = { ...s, phase: 'stepping', lead: upL ? 'left' : 'right', startMs: body.tMs, pushOff: false, trailLifted: false, leadVotes: [], trailKnee: [] }
          else if (!upL) s = { ...s, floorY: s.floorY + FLOOR_FOLLOW * (level - s.floorY), hipFloorY: s.hipFloorY + FLOOR_FOLLOW * (hipY - s.hipFloorY) }
          break
        case 'stepping': {
          const lead = s.lead!
          const trail = lead === 'left' ? right : left
          const leadLeg = lead === 'left' ? left : right
          if (!upL && !upR) {
            s = { ...s, phase: 'floor', lead: null }
            events.push(...clear(body.tMs))
            break
          }
          pushOffCheck(body, trail, events)
          // The foot on the box while the other is on the floor is the lead: one vote per such frame.
          if (upL !== upR) s = { ...s, leadVotes: [...s.leadVotes, upL ? 'left' : 'right'] }
          const judged: string[] = []
          const faults: string[] = []
          const sign = facingSign(body)
          if (sign !== null && leadLeg.toe) {
            judged.push('knee-past-toes')
            const margin = unknownRollMarginPx(body, leadLeg.knee.y - leadLeg.toe.y)
            if ((leadLeg.knee.x - leadLeg.toe.x) * sign > KNEE_PAST_TOES_SHIN_FRACTION * leadLeg.shinPx + margin) faults.push('knee-past-toes')
          }
          const near = body.nearSide()
          const sh = near ? body.point(joint(near, 'shoulder')) : null
          if (sign !== null && sh) {
            judged.push('torso-leaning')
            if (leanFromVertical(leadLeg.hip, sh) > MAX_TORSO_LEAN_DEG) faults.push('torso-leaning')
          }
          const c = cueTransition(DEFAULT_CUE_DEBOUNCE, cues, { tMs: body.tMs, faults, judged })
          cues = c.state
          events.push(...c.events)
          for (const id of activeCues(cues)) repCues.add(id)
          const hipsUp = (s.hipFloorY - hipY) / shin > HIPS_ON_BOX_SHIN_FRACTION
          if ((upL && upR) || hipsUp) s = { ...s, phase: 'up', topMs: body.tMs }
          break
        }
        case 'up':
          pushOffCheck(body, s.lead === 'left' ? right : left, events)
          if (!upL && !upR) {
            const duration = body.tMs - s.startMs
            if (duration >= MIN_REP_MS && duration <= MAX_REP_MS) {
              // Voted over the rep, and a same-leg set keeps its leg (repTracker.voteSide): one swapped frame
              // at the first step cannot book the other leg.
              const [a, b] = leadSides.slice(-2)
              const lead = voteSide(s.leadVotes, leadSides.length >= 2 && a === b ? a : null) ?? s.lead!
              leadSides.push(lead)
              events.push({
                type: 'rep', t: body.tMs, exercise: 'step-up', side: lead, startMs: s.startMs, bottomMs: s.topMs, endMs: body.tMs,
                depthDeg: null, rangeDeg: null, ...repTiming(s.startMs, s.topMs, body.tMs), cues: [...repCues],
                variant: { leadLeg: lead, trailingLeg: otherSide(lead) }
              })
            }
            events.push(...clear(body.tMs))
            s = { ...s, phase: 'floor', lead: null }
          }
          break
      }
      rangeOfMotion = hipRise(s.hipFloorY, hipY, shin)
      return events
    },
    interrupt(tMs) {
      s = initial
      rangeOfMotion = null
      return clear(tMs)
    },
    finish(tMs) {
      s = initial
      return clear(tMs)
    },
    reset() {
      s = initial
      rangeOfMotion = null
      leadSides = []
      cues = {}
      repCues = new Set()
    }
  }
}

export const stepUp: ExerciseDefinition = {
  id: 'step-up',
  name: 'Step-ups',
  group: 'lower',
  view: 'side',
  measure: 'reps',
  prescription: { sets: 2, reps: 10, perSide: true, restSeconds: 60, text: '10 reps each leg, 2 sets' },
  variants: [
    { id: 'bodyweight', label: 'Bodyweight' },
    { id: 'dumbbells', label: 'A dumbbell in each hand' }
  ],
  requiredJoints: ['left_hip', 'left_knee', 'left_ankle', 'right_hip', 'right_knee', 'right_ankle'],
  cueIds: cueIdsFor('step-up'),
  createTracker: createStepUpTracker
}
