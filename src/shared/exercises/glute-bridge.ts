/**
 * Glute bridge (exercises.md §8): a hold timer at the top, a rep count for the thrusters, and a per-leg
 * timer for the single-leg version. The signal is the shoulder–hip–knee angle (180° = the straight line
 * of a full bridge; ~120° lying with knees bent), read only while the runner is lying down.
 * Cues: hips fully up at the top, hips sagging during the hold, hips level on one leg.
 */
import { joint, type Body } from '../engine/body'
import { cueIdsFor } from '../engine/cues'
import { activeCues, clearAllCues, cueTransition, DEFAULT_CUE_DEBOUNCE, type CueState } from '../engine/cueDebouncer'
import type { CameraView, EngineEvent, Side } from '../engine/events'
import { holdTransition, initialHoldState, type HoldConfig, type HoldState } from '../engine/holdTimer'
import { bothLegs, footLift } from '../engine/legs'
import type { RepMachineConfig } from '../engine/repMachine'
import { createRepTracker, type RepSignal } from '../engine/repTracker'
import { createRestReference } from '../engine/restReference'
import type { InterruptibleTracker, RangeOfMotion, RangeOfMotionTracker } from '../engine/tracker'
import { leanFromVertical } from '../pose/geometry'
import type { ExerciseDefinition, ExerciseOptions } from './types'

export const BRIDGE_MACHINE: RepMachineConfig = {
  direction: 'extend',
  // Lying with knees bent the hip angle is ~115–130°; past 140° the hips are lifting.
  leaveRestDeg: 140,
  // 155° = within 25° of a straight shoulder–hip–knee line: the hips are up (foreshortened views read ~160°).
  reachDepthDeg: 155,
  // Back under 135° = hips down near the floor again.
  returnRestDeg: 135,
  // Thrusters pulse about once a second; faster than 0.5 s is jitter.
  minRepMs: 500,
  maxRepMs: 120000
}

/** Lying: the shoulder–hip line is more than 55° from vertical (a standing torso is within ~30°). */
export const LYING_MIN_TORSO_LEAN_DEG = 55
/** In the hold position from 145° (hips ~20° above lying, clearly off the floor); below that the hold pauses. */
export const HOLD_MIN_HIP_DEG = 145
/** Fully up: 165° = within 15° of the straight line the routine asks for (side view only). */
export const FULLY_UP_HIP_DEG = 165
/**
 * Sagging: the hips have sunk 40% of the way from this hold's level back to the runner's own lying angle
 * (relative to their own range, so it works in foreshortened views). The level is the best 1 s average,
 * so the overshoot at the end of the lift does not count as the level.
 */
export const SAG_FRACTION = 0.4
const LEVEL_WINDOW_MS = 1000
/**
 * Holding means still: a held bridge drifts a few degrees per second, while lifting into or lowering out
 * of it moves the hip angle ~50–100°/s. Faster than 25°/s over the last 0.2 s is moving, not holding.
 */
export const MAX_HOLD_RATE_DEG_PER_S = 25
/**
 * Once settling or holding, moving means faster than 40°/s: the entry line plus the ~15°/s a still top
 * wobbles with the lighter pose models (hysteresis). Without it, blazepose-lite's rounded-off lift end
 * and top wobble cut every short labelled hold under the 1.2 s settle time; lowering (~100°/s) still ends it.
 */
export const MAX_HELD_RATE_DEG_PER_S = 40
const RATE_WINDOW_MS = 200
/** Lying angle assumed until one is seen (knees bent, back flat: ~120–125°). */
const DEFAULT_LYING_HIP_DEG = 125
/** One leg up: its ankle more than 60% of a shin above the planted one. */
export const LEG_RAISED_SHIN_FRACTION = 0.6
/** Hips level on one leg: left and right hip heights within 25% of a shin. */
export const MAX_HIP_TILT_SHIN_FRACTION = 0.25

/**
 * The runner's own lying hip angle, for the range-of-motion bar and the hold's sag line: the median of
 * their last three rests (the lowest reading of each), within the span a body lying with knees bent reads
 * (100° to the line a lift starts at). Counting keeps BRIDGE_MACHINE's fixed lines.
 */
export const LYING_REST = { restsKept: 3, bounds: [100, BRIDGE_MACHINE.leaveRestDeg] as [number, number] }

/**
 * The line the bar asks the hips to reach, degrees: the routine's straight shoulder–hip–knee line
 * (FULLY_UP_HIP_DEG, cued below it on a side view, as checkRep does) where the view can show it; a
 * foreshortened view reads ~160° at the top, so there the line is the one a rep counts at.
 */
export function bridgeTargetDeg(view: CameraView | 'unknown'): number {
  return view === 'side' ? FULLY_UP_HIP_DEG : BRIDGE_MACHINE.reachDepthDeg
}

/** Sagging must last a second before it is cued: lowering out of the hold passes the same angles in well under that. */
const BRIDGE_CUE_DEBOUNCE = { ...DEFAULT_CUE_DEBOUNCE, raiseAfterMs: 1000 }

export const BRIDGE_HOLD: HoldConfig = {
  // Rep and thruster tops stay still for well under a second; 1.2 s still at the top is a deliberate hold.
  settleMs: 1200,
  // Hips down for a second ends the hold (the next lift is a new hold or a thruster).
  endAfterMs: 1000
}

function lying(body: Body, side: Side): boolean {
  const shoulder = body.point(joint(side, 'shoulder'))
  const hip = body.point(joint(side, 'hip'))
  return !!shoulder && !!hip && leanFromVertical(hip, shoulder) > LYING_MIN_TORSO_LEAN_DEG
}

/** Shoulder–hip–knee angle on the better-seen side while lying, degrees. */
export function bridgeSignal(body: Body): RepSignal | null {
  const side = body.nearSide()
  if (!side || !lying(body, side)) return null
  const deg = body.angle(joint(side, 'shoulder'), joint(side, 'hip'), joint(side, 'knee'))
  return deg === null ? null : { deg, side: null }
}

/** The planted (working) leg when the other is raised, else null. */
function plantedLeg(body: Body): Side | null {
  const { left, right } = bothLegs(body)
  if (!left || !right) return null
  if (footLift(left, right) > LEG_RAISED_SHIN_FRACTION) return 'right'
  if (footLift(right, left) > LEG_RAISED_SHIN_FRACTION) return 'left'
  return null
}

function hipsTilted(body: Body): boolean | null {
  const l = body.point('left_hip')
  const r = body.point('right_hip')
  const legs = bothLegs(body)
  const shin = legs.left?.shinPx ?? legs.right?.shinPx
  if (!l || !r || !shin) return null
  return Math.abs(l.y - r.y) > MAX_HIP_TILT_SHIN_FRACTION * shin
}

function createBridgeTracker(options: ExerciseOptions = {}): InterruptibleTracker & RangeOfMotionTracker {
  const singleLeg = options.variant === 'single-leg'
  const reps = createRepTracker({
    exercise: 'glute-bridge',
    machine: BRIDGE_MACHINE,
    signal: bridgeSignal,
    checkRep: ({ rep, bottom }) => (bottom.view.view === 'side' && rep.depthDeg < FULLY_UP_HIP_DEG ? ['bridge-hips-not-up'] : []),
    variant: () => ({ variant: options.variant ?? 'hold-thrusters' })
  })
  let hold: HoldState = initialHoldState
  let level = 0
  let window: { tMs: number; deg: number }[] = []
  let recent: { tMs: number; deg: number }[] = []
  let cues: CueState = {}
  const lyingRest = createRestReference(BRIDGE_MACHINE.direction, LYING_REST)
  // The runner's own lying angle (the lowest reading of their last rests), for the range-of-motion bar and the
  // sag line: not the last frame under the rest line, which is wherever the lift happened to be sampled
  // (measured: at 15 fps a clean held bridge read 134° "lying" and sagged past a line 12° under its level).
  const lyingDeg = (): number => lyingRest.restDeg ?? DEFAULT_LYING_HIP_DEG
  let view: CameraView | 'unknown' = 'unknown'

  const holdStep = (input: Parameters<typeof holdTransition>[2]): EngineEvent[] => {
    const step = holdTransition(BRIDGE_HOLD, hold, input)
    hold = step.state
    if (hold.phase === 'out') {
      level = 0
      window = []
    }
    return step.events
  }

  return {
    /** Hip extension (shoulder–hip–knee, degrees) from the runner's own lying angle to bridgeTargetDeg. */
    get rangeOfMotion(): RangeOfMotion | null {
      const rom = reps.rangeOfMotion
      return rom && { ...rom, rest: lyingDeg(), target: bridgeTargetDeg(view) }
    },
    update(body) {
      const events = reps.update(body)
      const signal = bridgeSignal(body)
      // Joints unseen on this frame: judge nothing (the engine pauses the hold if it lasts).
      if (!signal) return events
      // Only a reading the rep machine calls rest is the runner's rest (not hips already up before the first rep).
      lyingRest.update(body.tMs, signal.deg, reps.phase !== 'rest')
      view = body.view.view
      recent = [...recent.filter((r) => body.tMs - r.tMs <= RATE_WINDOW_MS), { tMs: body.tMs, deg: signal.deg }]
      const span = (body.tMs - recent[0].tMs) / 1000
      const maxRate = hold.phase === 'out' ? MAX_HOLD_RATE_DEG_PER_S : MAX_HELD_RATE_DEG_PER_S
      const moving = span > 0 && Math.abs(signal.deg - recent[0].deg) / span > maxRate
      const inPosition = signal.deg >= HOLD_MIN_HIP_DEG && !moving
      if (inPosition) {
        window = [...window.filter((w) => body.tMs - w.tMs < LEVEL_WINDOW_MS), { tMs: body.tMs, deg: signal.deg }]
        if (body.tMs - window[0].tMs >= LEVEL_WINDOW_MS / 2) level = Math.max(level, window.reduce((a, w) => a + w.deg, 0) / window.length)
      }
      const faults: string[] = []
      const judged: string[] = []
      if (inPosition && hold.phase === 'holding') {
        judged.push('bridge-hips-sagging')
        if (level > 0 && signal.deg < level - SAG_FRACTION * (level - lyingDeg())) faults.push('bridge-hips-sagging')
        if (singleLeg) {
          const tilt = hipsTilted(body)
          if (tilt !== null) {
            judged.push('hips-not-level')
            if (tilt) faults.push('hips-not-level')
          }
        }
      }
      const c = cueTransition(BRIDGE_CUE_DEBOUNCE, cues, { tMs: body.tMs, faults, judged })
      cues = c.state
      events.push(...c.events)
      // Hips back down on the floor: the hold is over, not paused.
      if (signal.deg < BRIDGE_MACHINE.returnRestDeg && (hold.phase === 'holding' || hold.phase === 'paused')) {
        events.push(...holdStep({ type: 'finish', tMs: body.tMs, reason: 'hips down' }))
      }
      const side = singleLeg ? plantedLeg(body) : null
      const sideChanged = singleLeg && hold.phase !== 'out' && side !== null && hold.side !== null && side !== hold.side
      if (sideChanged) events.push(...holdStep({ type: 'finish', tMs: body.tMs }))
      events.push(...holdStep({
        type: 'sample',
        tMs: body.tMs,
        inPosition: inPosition && (!singleLeg || side !== null),
        goodForm: activeCues(cues).length === 0,
        side,
        reason: inPosition ? 'leg down' : moving ? 'hips moving' : 'hips down'
      }))
      return events
    },
    interrupt(tMs, reason) {
      const events = reps.interrupt(tMs, reason)
      events.push(...holdStep({ type: 'sample', tMs, inPosition: false, goodForm: false, side: hold.side, reason }))
      return events
    },
    finish(tMs) {
      const events = reps.finish(tMs)
      events.push(...holdStep({ type: 'finish', tMs }))
      const cleared = clearAllCues(cues, tMs)
      cues = cleared.state
      return [...events, ...cleared.events]
    },
    reset() {
      reps.reset()
      lyingRest.reset()
      view = 'unknown'
      hold = initialHoldState
      level = 0
      window = []
      recent = []
      cues = {}
    }
  }
}

export const gluteBridge: ExerciseDefinition = {
  id: 'glute-bridge',
  name: 'Glute bridge',
  group: 'lower',
  view: 'side',
  measure: 'reps-and-hold',
  prescription: { sets: 1, reps: 15, holdSeconds: 45, perSide: false, restSeconds: 45, text: 'Hold the top 30–60 s, then 10–20 thrusters' },
  variants: [
    { id: 'hold-thrusters', label: 'Hold, then thrusters' },
    { id: 'feet-together', label: 'Feet and knees together' },
    { id: 'single-leg', label: 'Single-leg hold (5–30 s per leg)' }
  ],
  requiredJoints: ['left_shoulder', 'left_hip', 'left_knee', 'right_shoulder', 'right_hip', 'right_knee'],
  cueIds: cueIdsFor('glute-bridge'),
  createTracker: createBridgeTracker
}

