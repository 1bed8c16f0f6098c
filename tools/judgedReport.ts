/**
 * What an analysis could not judge, and why, read from the engine's events: spans not judged (visibility
 * events with their reason and the joints not seen), cues the camera view cannot show (cue-scope), the
 * camera's roll (camera) and the exercise the movement looks like (exercise), plus the one sentence that
 * explains an analysis with nothing counted. Pure; times in SECONDS on the frame clock.
 *
 * The sentences are the engine's own (src/shared/engine/judging.ts), so the analyzer, the app and its
 * voice never disagree about why nothing was counted.
 */
import type { AnalysisResult } from '../src/shared/engine/analyze'
import { CUES } from '../src/shared/engine/cues'
import type { BodyPosture, CameraRollState, CameraView, EngineEvent, ExerciseId, NotJudgedReason } from '../src/shared/engine/events'
import { cameraMessage, cueNotJudgedMessage, notJudgedMessage, wrongExerciseMessage } from '../src/shared/engine/judging'
import type { KeypointName } from '../src/shared/pose/types'

/** A stretch of time the engine did not judge. reason 'unspecified' = a visibility event without a reason. */
export interface NotJudgedSpan {
  /** Seconds. */
  start: number
  end: number
  reason: NotJudgedReason | 'unspecified'
  missing: KeypointName[]
  /** The runner's sentence for it. */
  message: string
}

/** A cue the camera view could not show over [start, end] seconds. */
export interface CueScopeSpan {
  start: number
  end: number
  id: string
  view: CameraView | 'unknown'
  message: string
}

/** The camera's roll state from one camera event to the next (seconds; degrees, + = image turned clockwise). */
export interface CameraSpan {
  start: number
  end: number
  state: CameraRollState
  rollDeg: number
}

export interface ExerciseReading {
  planned: ExerciseId
  /** The last settled recognition (null = none of the ten), or the planned exercise when none was raised. */
  recognised: ExerciseId | null
  posture: BodyPosture
  /** Whether any exercise event was raised (false: `recognised` is just the plan). */
  raised: boolean
  /** The runner's sentence when the recognised exercise is not the planned one, else null. */
  message: string | null
}

export interface ReasonTotal {
  reason: NotJudgedReason | 'unspecified'
  seconds: number
  /** Joints named by any span of this reason. */
  missing: KeypointName[]
  message: string
}

export interface JudgingReport {
  durationSeconds: number
  judgedSeconds: number
  notJudgedSeconds: number
  notJudged: NotJudgedSpan[]
  /** Seconds per reason, longest first. */
  notJudgedByReason: ReasonTotal[]
  cueScope: CueScopeSpan[]
  camera: { state: CameraRollState | null; rollDeg: number | null; maxAbsRollDeg: number | null; spans: CameraSpan[] }
  exercise: ExerciseReading
}

const s = (ms: number): number => ms / 1000

/** The sentence for a not-judged span; an event without a reason still says what was not seen. */
export function notJudgedSentence(reason: NotJudgedReason | 'unspecified', missing: readonly KeypointName[]): string {
  if (reason !== 'unspecified') return notJudgedMessage(reason, missing)
  return missing.length > 0 ? notJudgedMessage('joints-hidden', missing) : 'Not judged (the engine gave no reason).'
}

/** cueNotJudgedMessage, kept from throwing on a cue id the cue list does not know yet. */
function cueScopeSentence(id: string, view: CameraView | 'unknown'): string {
  if (CUES[id]) return cueNotJudgedMessage(id, view)
  return `${view === 'front' ? 'From the front' : view === 'side' ? 'From the side' : 'From this angle'} I can't check this: ${id}`
}

type Visibility = Extract<EngineEvent, { type: 'visibility' }>

/**
 * Not-judged spans from visibility events: each ok:false event opens (or replaces) a span; ok:true closes it.
 * Touching spans with the same reason and sentence are joined.
 */
export function notJudgedSpans(events: readonly EngineEvent[], durationSeconds: number): NotJudgedSpan[] {
  const spans: NotJudgedSpan[] = []
  let open: Visibility | null = null
  const close = (endS: number): void => {
    if (!open) return
    const start = Math.min(s(open.t), durationSeconds)
    const end = Math.max(start, Math.min(endS, durationSeconds))
    const reason = open.reason ?? 'unspecified'
    const message = notJudgedSentence(reason, open.missing)
    const last = spans[spans.length - 1]
    // Back-to-back events that say the same thing to the runner are one span (the joints named are joined).
    if (last && last.end === start && last.reason === reason && last.message === message) {
      last.end = Math.max(last.end, end)
      last.missing = [...new Set([...last.missing, ...open.missing])]
    } else if (end > start) spans.push({ start, end, reason, missing: [...open.missing], message })
    open = null
  }
  for (const e of events) {
    if (e.type !== 'visibility') continue
    close(s(e.t))
    if (!e.ok) open = e
  }
  close(durationSeconds)
  return spans
}

export function totalsByReason(spans: readonly NotJudgedSpan[]): ReasonTotal[] {
  const by = new Map<ReasonTotal['reason'], { seconds: number; missing: Set<KeypointName> }>()
  for (const sp of spans) {
    const t = by.get(sp.reason) ?? { seconds: 0, missing: new Set<KeypointName>() }
    t.seconds += sp.end - sp.start
    sp.missing.forEach((m) => t.missing.add(m))
    by.set(sp.reason, t)
  }
  return [...by.entries()]
    .map(([reason, t]) => ({ reason, seconds: t.seconds, missing: [...t.missing], message: notJudgedSentence(reason, [...t.missing]) }))
    .sort((a, b) => b.seconds - a.seconds)
}

export function cueScopeSpans(events: readonly EngineEvent[], durationSeconds: number): CueScopeSpan[] {
  const open = new Map<string, Extract<EngineEvent, { type: 'cue-scope' }>>()
  const spans: CueScopeSpan[] = []
  const close = (id: string, endS: number): void => {
    const e = open.get(id)
    if (!e) return
    open.delete(id)
    const start = Math.min(s(e.t), durationSeconds)
    const end = Math.max(start, Math.min(endS, durationSeconds))
    if (end > start) spans.push({ start, end, id, view: e.view, message: cueScopeSentence(id, e.view) })
  }
  for (const e of events) {
    if (e.type !== 'cue-scope') continue
    close(e.id, s(e.t))
    if (!e.judged) open.set(e.id, e)
  }
  for (const id of [...open.keys()]) close(id, durationSeconds)
  return spans.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id))
}

export function cameraSpans(events: readonly EngineEvent[], durationSeconds: number): CameraSpan[] {
  const cams = events.filter((e): e is Extract<EngineEvent, { type: 'camera' }> => e.type === 'camera')
  return cams
    .map((e, i) => ({
      start: Math.min(s(e.t), durationSeconds),
      end: Math.min(i + 1 < cams.length ? s(cams[i + 1].t) : durationSeconds, durationSeconds),
      state: e.state,
      rollDeg: e.rollDeg
    }))
    .filter((sp) => sp.end > sp.start)
}

export function exerciseReading(planned: ExerciseId, events: readonly EngineEvent[]): ExerciseReading {
  const last = [...events].reverse().find((e): e is Extract<EngineEvent, { type: 'exercise' }> => e.type === 'exercise')
  if (!last) return { planned, recognised: planned, posture: 'unknown', raised: false, message: null }
  const message = last.recognised === planned ? null : wrongExerciseMessage(last.recognised, last.posture)
  return { planned, recognised: last.recognised, posture: last.posture, raised: true, message }
}

export function judgingReport(result: AnalysisResult, durationSeconds: number): JudgingReport {
  const notJudged = notJudgedSpans(result.events, durationSeconds)
  const notJudgedSeconds = notJudged.reduce((n, sp) => n + sp.end - sp.start, 0)
  const cams = cameraSpans(result.events, durationSeconds)
  const lastCam = cams[cams.length - 1]
  const rolls = result.events.flatMap((e) => (e.type === 'camera' ? [Math.abs(e.rollDeg)] : []))
  return {
    durationSeconds,
    judgedSeconds: Math.max(0, durationSeconds - notJudgedSeconds),
    notJudgedSeconds,
    notJudged,
    notJudgedByReason: totalsByReason(notJudged),
    cueScope: cueScopeSpans(result.events, durationSeconds),
    camera: {
      state: lastCam?.state ?? null,
      rollDeg: lastCam?.rollDeg ?? null,
      maxAbsRollDeg: rolls.length > 0 ? Math.max(...rolls) : null,
      spans: cams
    },
    exercise: exerciseReading(result.exercise, result.events)
  }
}

/** Range-of-motion cues: raised when a rep did not go deep enough, so they explain reps left uncounted. */
const DEPTH_CUES = ['squat-depth', 'push-up-depth', 'lunge-depth', 'heel-taps-short-tap', 'bridge-hips-not-up', 'row-short-pull']

/**
 * Why an analysis counted nothing, in one sentence, or null when it counted a rep or a hold. In order:
 * a picture on its side or upside down; the longest not-judged reason; a different exercise recognised; a depth cue
 * (reps too shallow to count); nobody in any frame; otherwise that nothing reached the counting depth.
 */
export function zeroReason(result: AnalysisResult, judging: JudgingReport, personFrames?: { withPerson: number; total: number }): string | null {
  if (result.repCount > 0 || result.holds.length > 0) return null
  const pct = (x: number): string => `${x.toFixed(1)} of ${judging.durationSeconds.toFixed(1)} s`
  const turned = (['upside-down', 'sideways'] as const).find((s) => judging.camera.spans.some((c) => c.state === s))
  if (turned) return `${cameraMessage(turned)} (nothing counted)`
  const longest = judging.notJudgedByReason[0]
  if (longest) return `${longest.message} (not judged ${pct(judging.notJudgedSeconds)}; nothing counted)`
  if (judging.exercise.message) return `${judging.exercise.message} (nothing counted as ${judging.exercise.planned})`
  const depthCue = result.cues.find((c) => DEPTH_CUES.includes(c.id))
  if (depthCue) return `No rep went deep enough to count: "${CUES[depthCue.id]?.text ?? depthCue.id}"`
  if (judging.camera.spans.some((c) => c.state === 'tilted')) return `${cameraMessage('tilted')} (nothing counted)`
  if (personFrames && personFrames.total > 0 && personFrames.withPerson === 0) return 'Nobody was found in any frame (the engine gave no reason).'
  return 'Judged the whole time, but no rep reached the counting depth and no hold position was held.'
}
