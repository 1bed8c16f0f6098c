import type { CameraView, ExerciseId } from '../engine/events'
import type { ExerciseDefinition } from '../exercises/types'
import type { KeypointName, PoseFrame } from '../pose/types'
import { missingRequired } from '../engine/visibility'
import { viewJudgeable } from '../engine/viewScope'
import { joint, type Body } from '../engine/body'
import { framePosture } from '../engine/posture'
import { PUSH_UP_MACHINE } from '../exercises/push-up'
import { pushUpPosition } from '../exercises/push-up-position'
import { readBody, type BodyReading } from './body-reading'
import { isFloorExercise } from './guards'
import type { Presence } from './types'

/** Why the placement check is not green yet, most important first. */
export type PlacementIssue =
  | 'no-person'
  | 'too-close'
  | 'feet-hidden'
  | 'head-hidden'
  | 'joints-hidden'
  | 'too-far'
  | 'wrong-view'
  | 'get-down'
  | 'stand-up'
  | 'arms-bent'
  | 'kneeling'
  | 'camera-above'

export interface PlacementResult {
  ok: boolean
  issue: PlacementIssue | null
  /** The one sentence to show (and say): what to do next. */
  guidance: string
  /** Required joints not seen in the latest frame. */
  missing: KeypointName[]
  view: CameraView | 'unknown'
  /** Largest body extent as a fraction of the image, latest frame. */
  bodyFraction: number | null
  presence: Presence
}

/** The exercise facts the placement check needs. */
export type PlacementExercise = Pick<ExerciseDefinition, 'id' | 'view' | 'requiredJoints'>

/** A runner smaller than this fraction of the image gives the model too few pixels to judge form. */
export const MIN_BODY_FRACTION = 0.25
/** Larger than this and a small movement takes a limb out of frame. */
export const MAX_BODY_FRACTION = 0.95
/** Share of recent frames that must pass: one bad frame should not flicker the check red. */
export const PASS_SHARE = 0.7

const FEET = /ankle|heel|foot_index/
const HEAD = /nose|eye|ear|mouth/

const GUIDANCE: Record<Exclude<PlacementIssue, 'get-down' | 'joints-hidden'>, string> = {
  'no-person': "I can't see you yet: step into view",
  'too-close': 'Step back',
  'feet-hidden': "I can't see your feet",
  'head-hidden': "I can't see your head",
  'too-far': 'Come a little closer',
  'wrong-view': '',
  'stand-up': 'Stand up to start',
  'arms-bent': 'Straighten your arms onto your hands',
  kneeling: 'Stand up',
  // The engine's sentence (judging.ts) in placement's imperative: from above nothing can be counted.
  'camera-above': 'The camera is looking down on you: put the laptop on the floor, side-on to you'
}

/** Exercises that start standing tall: a kneeling runner is not in their start pose (issue 11, item 5). */
const STANDING_START: ReadonlySet<ExerciseId> = new Set(['squat', 'step-up', 'band-walk'])

/**
 * A push-up starts at the top: an arm this straight (the rep machine's "arms straight again", degrees)
 * with the hand below the shoulder. A forearm plank bends the elbows to ~60–105°.
 */
export const START_ARM_STRAIGHT_MIN_DEG = PUSH_UP_MACHINE.returnRestDeg

/** What the runner does to get into the start position of a floor exercise. */
const GET_DOWN: Partial<Record<ExerciseId, string>> = {
  'heel-taps': 'Lie on your back, knees bent',
  plank: 'Get down into your plank',
  'side-plank': 'Lie on your side, propped on your elbow',
  'push-up': 'Get into your push-up position',
  'glute-bridge': 'Lie on your back, knees bent, feet flat'
}

/**
 * Is the runner placed so the exercise can be judged? Checks the recent frames (oldest first;
 * about half a second) and answers with the most common problem and one sentence of guidance.
 */
export function checkPlacement(exercise: PlacementExercise, frames: readonly PoseFrame[]): PlacementResult {
  if (frames.length === 0) throw new Error(`checkPlacement(${exercise.id}) needs at least one recent PoseFrame, got none`)
  const readings = frames.map(readBody)
  const issues = readings.map((r) => issueOf(exercise, r))
  const passed = issues.filter((i) => i === null).length
  const ok = passed / issues.length >= PASS_SHARE
  const latest = readings[readings.length - 1]
  const issue = ok ? null : mostCommon(issues.filter((i): i is PlacementIssue => i !== null))
  return {
    ok,
    issue,
    guidance: ok ? 'Good: hold still' : guidanceFor(exercise, issue, latest),
    missing: missingJoints(exercise, latest),
    view: latest.view,
    bodyFraction: latest.bodyFraction,
    presence: presenceOf(latest)
  }
}

/** In frame and which posture, for hands-free start and end of a set. */
export function presenceOf(r: BodyReading): Presence {
  return { inFrame: r.person, posture: r.posture }
}

function issueOf(exercise: PlacementExercise, r: BodyReading): PlacementIssue | null {
  if (!r.person) return 'no-person'
  const floor = isFloorExercise(exercise.id)
  if (floor && r.fromAbove) return 'camera-above'
  if (floor && r.posture === 'standing') return 'get-down'
  if (!floor && r.posture === 'floor') return 'stand-up'
  const missing = missingJoints(exercise, r)
  const cut = r.clipped.length > 0 || (r.bodyFraction ?? 0) > MAX_BODY_FRACTION
  // Small in the picture and not cut: the runner is too far, even when the model then misses a foot or a hand.
  if (!cut && r.sizeFraction !== null && r.sizeFraction < MIN_BODY_FRACTION) return 'too-far'
  if (missing.some((j) => FEET.test(j))) return cut ? 'too-close' : 'feet-hidden'
  if (missing.some((j) => HEAD.test(j))) return cut ? 'too-close' : 'head-hidden'
  if (missing.length > 0) return cut ? 'too-close' : 'joints-hidden'
  if (cut) return 'too-close'
  if ((r.sizeFraction ?? 0) < MIN_BODY_FRACTION) return 'too-far'
  // The engine's one definition of the views that count this exercise (side, front or a 3/4 angle).
  if (!viewJudgeable(exercise.id, r.viewReading)) return 'wrong-view'
  return startPoseIssue(exercise, r)
}

/**
 * The exercise's own start pose, beyond "on the floor" or "upright": a push-up starts on straight arms
 * with the hands under the shoulders (not on the forearms), a squat standing (not kneeling).
 */
function startPoseIssue(exercise: PlacementExercise, r: BodyReading): PlacementIssue | null {
  if (exercise.id === 'push-up') return pushUpTop(r.body) === false ? 'arms-bent' : null
  if (STANDING_START.has(exercise.id) && framePosture(r.body) === 'kneeling') return 'kneeling'
  return null
}

/**
 * At the top of a push-up: some arm seen straight with its hand below the shoulder (within 45° of
 * straight down). null when no arm is seen whole, or the body is up (placement's posture check judges that).
 */
export function pushUpTop(body: Body): boolean | null {
  if (pushUpPosition(body) === 'upright') return null
  let seen = false
  for (const side of ['left', 'right'] as const) {
    const shoulder = body.point(joint(side, 'shoulder'))
    const wrist = body.point(joint(side, 'wrist'))
    const deg = body.angle(joint(side, 'shoulder'), joint(side, 'elbow'), joint(side, 'wrist'))
    if (!shoulder || !wrist || deg === null) continue
    seen = true
    const down = wrist.y - shoulder.y
    if (deg >= START_ARM_STRAIGHT_MIN_DEG && down > 0 && Math.abs(wrist.x - shoulder.x) <= down) return true
  }
  return seen ? false : null
}

/**
 * Required joints not seen. In a side view only the side facing the camera has to be seen (the far
 * side hides behind the body; the engine's own gate rule); front-on, both sides must be.
 */
export function missingJoints(exercise: PlacementExercise, r: BodyReading): KeypointName[] {
  const sideOn = exercise.view === 'side' && r.view !== 'front'
  return sideOn ? missingRequired(r.body, exercise.requiredJoints) : r.body.missing(exercise.requiredJoints)
}

function guidanceFor(exercise: PlacementExercise, issue: PlacementIssue | null, latest: BodyReading): string {
  switch (issue) {
    case null:
      return 'Good: hold still'
    case 'get-down':
      return GET_DOWN[exercise.id] ?? 'Get into your start position'
    case 'joints-hidden':
      return `I can't see your ${partsNamed(missingJoints(exercise, latest))}`
    case 'wrong-view':
      return exercise.view === 'side' ? 'Turn your side to the camera' : 'Turn to face the camera'
    default:
      return GUIDANCE[issue]
  }
}

/** "left_knee, right_wrist" → "knees and hands": body parts in the runner's words. */
function partsNamed(missing: KeypointName[]): string {
  const words: [RegExp, string][] = [
    [/wrist|pinky|index|thumb/, 'hands'],
    [/elbow/, 'elbows'],
    [/shoulder/, 'shoulders'],
    [/hip/, 'hips'],
    [/knee/, 'knees']
  ]
  const named = words.filter(([re]) => missing.some((j) => re.test(j))).map(([, w]) => w)
  if (named.length === 0) return 'whole body'
  return named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`
}

function mostCommon<T>(items: T[]): T | null {
  const counts = new Map<T, number>()
  let best: T | null = null
  for (const item of items) {
    const n = (counts.get(item) ?? 0) + 1
    counts.set(item, n)
    if (best === null || n > (counts.get(best) ?? 0)) best = item
  }
  return best
}
