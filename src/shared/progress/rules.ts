import type { ExerciseId } from '../engine/events'
import { bestCleanReps, metHold, metReps, weakestSideHold } from './criteria'
import {
  BAND_LADDER, GLUTE_BRIDGE_LADDER, HEEL_TAP_LADDER, PUSH_UP_KNEES, SQUAT_ASSISTED, bandOf, loadedOf, nextOn, rungOf, variantOf
} from './levels'
import { metStreak, type ExerciseSession } from './streak'
import type { ProgressSet, ProgressionSuggestion } from './types'

/**
 * One rule per exercise: when the latest session(s) at the runner's current level met the routine's
 * prescription with clean form, the routine's next step. Numbers are the routine's own
 * (../shared/exercises.md); a range's top end is what "met" means ("move on when it becomes easy").
 */
export type ProgressionRule = (history: readonly ExerciseSession[]) => ProgressionSuggestion | null

/** The routine's sets for every rep exercise. */
const SETS = 2
/** Reps per set (per leg for lunges and step-ups) in the routine's 2×10. */
const REPS = 10
/** Push-ups: the routine's starting point before 2×10. */
const PUSH_UP_START_REPS = 5
/** Cable row: top of the 8–15 range, where the routine says add load. */
const CABLE_ROW_TOP_REPS = 15
/** Band walk: top of 8–10 steps each direction. */
const BAND_WALK_STEPS = 10
/** Squat: more reps is the routine's progression when overhead arms rule out dumbbells. */
const SQUAT_NEXT_REPS = 15
/**
 * Lunges: the routine adds no load to them (dumbbells are the step-up's progression) and the app has no
 * loaded lunge to pick, so 2×10 per leg clean earns more reps per leg.
 */
const LUNGE_NEXT_REPS = 15
/** Plank: the routine's 30–60 s; 60 s clean earns a longer hold. */
const PLANK_BASE_SECONDS = 30
const PLANK_TOP_SECONDS = 60
/** Side plank: start at 15 s per side, build to 45–60 s. */
const SIDE_PLANK_START_SECONDS = 15
const SIDE_PLANK_TOP_SECONDS = 60
/** Holds grow in quarter-minute steps: a noticeable but reachable next target. */
const HOLD_STEP_SECONDS = 15
/** Glute bridge: the top of the 30–60 s hold and of the 10–20 thrusters. */
const BRIDGE_HOLD_SECONDS = 60
const BRIDGE_THRUSTERS = 20
/** Single-leg bridge: the top of 5–30 s per leg (worded in the suggestion; the ladder ends there). */
const SINGLE_LEG_BRIDGE_SECONDS = 30

function suggest(
  exercise: ExerciseId,
  id: string,
  text: string,
  evidenceText: string,
  evidence: string[]
): ProgressionSuggestion | null {
  if (evidence.length === 0) return null
  const times = evidence.length === 1 ? 'in your last session' : `in your last ${evidence.length} sessions`
  return { exercise, id, text, evidenceText: `${evidenceText} ${times}.`, evidence }
}

/** The next hold target: the next quarter-minute step above what was held. */
function nextHoldTarget(seconds: number): number {
  return (Math.floor(seconds / HOLD_STEP_SECONDS) + 1) * HOLD_STEP_SECONDS
}

const variantLevel = (parts: readonly ProgressSet[]): string => variantOf(parts) ?? 'standard'
const loadLevel = (parts: readonly ProgressSet[]): string => `${variantLevel(parts)}:${loadedOf(parts) ? 'loaded' : 'bodyweight'}`
const met2x = (reps: number) => (parts: readonly ProgressSet[]) => metReps(parts, SETS, reps)

/** A leg exercise done 2×10 per leg: add a dumbbell in each hand, then heavier ones. */
function addLoad(exercise: ExerciseId, name: string): ProgressionRule {
  return (history) => {
    const loaded = history[0] ? loadedOf(history[0].parts) : false
    const ids = metStreak(history, loadLevel, met2x(REPS))
    return loaded
      ? suggest(exercise, `${exercise}:heavier`, `${name}: use heavier dumbbells.`, `2 clean sets of ${REPS} per leg with dumbbells`, ids)
      : suggest(exercise, `${exercise}:dumbbells`, `${name}: hold a dumbbell in each hand.`, `2 clean sets of ${REPS} per leg`, ids)
  }
}

/** A ladder of variants where 2×10 clean at one rung earns the next. */
function variantLadder(exercise: ExerciseId, ladder: readonly (string | null)[], labels: Record<string, string>): ProgressionRule {
  return (history) => {
    const current = rungOf(ladder, history[0] ? variantOf(history[0].parts) : null)
    const next = nextOn(ladder, current)
    if (next === null) return null
    const level = (parts: readonly ProgressSet[]) => rungOf(ladder, variantOf(parts)) ?? 'standard'
    return suggest(exercise, `${exercise}:${next}`, labels[next], `2 clean sets of ${REPS}`, metStreak(history, level, met2x(REPS)))
  }
}

const pushUp: ProgressionRule = (history) => {
  const latest = history[0]
  if (!latest) return null
  if (variantOf(latest.parts) === PUSH_UP_KNEES) {
    const ids = metStreak(history, variantLevel, met2x(REPS))
    return suggest('push-up', 'push-up:full', `Push-ups: try full push-ups from your toes, starting with ${PUSH_UP_START_REPS}.`, `2 clean sets of ${REPS} from the knees`, ids)
  }
  if (metReps(latest.parts, SETS, REPS)) return null // the routine's goal is reached
  const ids = metStreak(history, variantLevel, (parts) => bestCleanReps(parts) >= PUSH_UP_START_REPS)
  return suggest('push-up', 'push-up:2x10', `Push-ups: add reps, working up to ${SETS} sets of ${REPS}.`, `${PUSH_UP_START_REPS} or more clean push-ups in a set`, ids)
}

const plank: ProgressionRule = (history) => {
  const best = history[0] ? weakestSideHold(history[0].parts) : 0
  const target = nextHoldTarget(best)
  if (best >= PLANK_TOP_SECONDS) {
    const ids = metStreak(history, variantLevel, (parts) => metHold(parts, PLANK_TOP_SECONDS))
    return suggest('plank', 'plank:longer', `Plank: hold longer, aim for ${target} s.`, `A clean ${PLANK_TOP_SECONDS} s plank`, ids)
  }
  const ids = metStreak(history, variantLevel, (parts) => metHold(parts, PLANK_BASE_SECONDS))
  return suggest('plank', 'plank:build', `Plank: build towards ${PLANK_TOP_SECONDS} s, aim for ${target} s.`, `A clean ${PLANK_BASE_SECONDS} s plank`, ids)
}

const sidePlank: ProgressionRule = (history) => {
  const best = history[0] ? weakestSideHold(history[0].parts) : 0
  if (best >= SIDE_PLANK_TOP_SECONDS) return null // the routine's goal is reached
  const held = Math.max(SIDE_PLANK_START_SECONDS, Math.floor(best / HOLD_STEP_SECONDS) * HOLD_STEP_SECONDS)
  const target = Math.min(SIDE_PLANK_TOP_SECONDS, nextHoldTarget(held))
  const ids = metStreak(history, variantLevel, (parts) => metHold(parts, held))
  return suggest('side-plank', `side-plank:${target}s`, `Side plank: build to ${target} s per side.`, `A clean ${held} s side plank on each side`, ids)
}

const bandWalk: ProgressionRule = (history) => {
  const band = history[0] ? bandOf(history[0].parts) : null
  const next = band ? nextOn(BAND_LADDER, band) : null
  if (band && !next) return null // black is the hardest band
  const ids = metStreak(history, (parts) => bandOf(parts) ?? 'unknown', met2x(BAND_WALK_STEPS))
  const text = next ? `Band walk: move to the ${next} band.` : 'Band walk: move to a heavier band.'
  const withBand = band ? ` with the ${band} band` : ''
  return suggest('band-walk', `band-walk:${next ?? 'heavier'}`, text, `2 clean sets of ${BAND_WALK_STEPS} steps each way${withBand}`, ids)
}

const cableRow: ProgressionRule = (history) =>
  suggest(
    'cable-row',
    'cable-row:load',
    'Cable row: add load (a heavier weight or stronger band) and start again at 8 reps.',
    `2 clean sets of ${CABLE_ROW_TOP_REPS}`,
    metStreak(history, variantLevel, met2x(CABLE_ROW_TOP_REPS))
  )

const gluteBridge: ProgressionRule = (history) => {
  const current = rungOf(GLUTE_BRIDGE_LADDER, history[0] ? variantOf(history[0].parts) : null)
  const next = nextOn(GLUTE_BRIDGE_LADDER, current)
  if (next === null) return null // single leg is the routine's last step
  const met = (parts: readonly ProgressSet[]) => metHold(parts, BRIDGE_HOLD_SECONDS) && bestCleanReps(parts) >= BRIDGE_THRUSTERS
  const level = (parts: readonly ProgressSet[]) => rungOf(GLUTE_BRIDGE_LADDER, variantOf(parts)) ?? 'standard'
  const text = next === 'feet-together' ? 'Glute bridge: bring your feet and knees together.' : `Glute bridge: lift one leg and hold 5–${SINGLE_LEG_BRIDGE_SECONDS} s per leg.`
  return suggest('glute-bridge', `glute-bridge:${next}`, text, `A clean ${BRIDGE_HOLD_SECONDS} s hold and ${BRIDGE_THRUSTERS} thrusters`, metStreak(history, level, met))
}

const squat: ProgressionRule = (history) => {
  const current = history[0] ? variantOf(history[0].parts) : null
  const ids = metStreak(history, variantLevel, met2x(REPS))
  if (current && (SQUAT_ASSISTED as readonly string[]).includes(current)) {
    const aid = current === 'chair' ? 'the chair' : 'the ball'
    return suggest('squat', 'squat:unassisted', `Squat: try it without ${aid}.`, `2 clean sets of ${REPS} with ${aid}`, ids)
  }
  if (metReps(history[0]?.parts ?? [], SETS, SQUAT_NEXT_REPS)) return null
  return suggest('squat', 'squat:more-reps', `Squat: add reps, ${SETS} sets of ${SQUAT_NEXT_REPS}.`, `2 clean sets of ${REPS}`, ids)
}

const lunge: ProgressionRule = (history) => {
  if (metReps(history[0]?.parts ?? [], SETS, LUNGE_NEXT_REPS)) return null
  const ids = metStreak(history, variantLevel, met2x(REPS))
  return suggest('lunge', 'lunge:more-reps', `Lunges: add reps, ${SETS} sets of ${LUNGE_NEXT_REPS} per leg.`, `2 clean sets of ${REPS} per leg`, ids)
}

export const RULES: Record<ExerciseId, ProgressionRule> = {
  'heel-taps': variantLadder('heel-taps', HEEL_TAP_LADDER, {
    'both-legs': 'Heel taps: lift and lower both legs together.',
    'foam-roller': 'Heel taps: do them lying lengthwise on a foam roller, head on it.'
  }),
  plank,
  'side-plank': sidePlank,
  'cable-row': cableRow,
  'push-up': pushUp,
  lunge,
  'step-up': addLoad('step-up', 'Step-ups'),
  'glute-bridge': gluteBridge,
  'band-walk': bandWalk,
  squat
}
