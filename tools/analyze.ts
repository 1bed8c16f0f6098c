/**
 * Analyse a video file with the same models and form engine as the app.
 *
 *   npm run analyze -- <video> --exercise <id> [--model <name>] [--json] [--no-cache]
 *
 * Decodes the video, estimates a pose on every frame (cached in tests/.cache/poses), runs
 * analyzeFrames from src/shared/engine/analyze.ts, and prints a table or, with --json, the report below
 * (times in seconds). Errors go to stderr as one line, with a non-zero exit.
 *
 * JSON fields (the first eight are issue #3's and keep their names and order):
 *   exercise, model, durationSeconds, framesAnalyzed, repCount, reps, holds, cues
 *   judgedSeconds, notJudgedSeconds   seconds the engine judged / did not judge (from its visibility events)
 *   notJudged          [{start, end, reason, missing, message}] each span not judged: reason is the engine's
 *                      NotJudgedReason ('unspecified' when its event gave none), missing = joints not seen,
 *                      message = the runner's sentence (engine/judging.ts)
 *   notJudgedByReason  [{reason, seconds, missing, message}] the same summed per reason, longest first
 *   cueScope           [{start, end, id, view, message}] cues this camera view cannot show, and when
 *   camera             {state, rollDeg, maxAbsRollDeg, spans: [{start, end, state, rollDeg}]} camera roll
 *                      (degrees, + = image turned clockwise); state null when the engine raised none
 *   exerciseRecognised {planned, recognised, posture, raised, message} the exercise the movement looks like
 *                      (the last settled recognition, or the planned one when none was raised; null = none
 *                      of the ten) and the runner's sentence when it is not the planned one
 *   zeroReason         when nothing was counted (0 reps, 0 holds): why, in one sentence; else null
 *   framesWithPerson   frames where the model found a person
 *   meanLuminance      mean Rec. 601 luma of the analysed frames, 0..1 (null when not measured)
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cameraMessage } from '../src/shared/engine/judging'
import { analyzeFrames, type AnalysisResult } from '../src/shared/engine/analyze'
import { EXERCISE_IDS, type ExerciseId } from '../src/shared/engine/events'
import { DEFAULT_POSE_MODEL, parsePoseModelId, type PoseModelId } from '../src/pose/catalogue'
import type { PoseFrame } from '../src/shared/pose/types'
import { judgingReport, zeroReason, type CameraSpan, type CueScopeSpan, type ExerciseReading, type NotJudgedSpan, type ReasonTotal } from './judgedReport'
import { estimateVideoPoses } from './poses'

/** The app's own default model, so an analysis reads what the runner's workout would have read. */
export const DEFAULT_MODEL: PoseModelId = DEFAULT_POSE_MODEL
const USAGE = 'usage: npm run analyze -- <video> --exercise <id> [--model <name>] [--json] [--no-cache]'
/** Progress lines at most this often, so long videos show life without flooding a log. */
const PROGRESS_INTERVAL_MS = 2000

export interface AnalyzeArgs {
  video: string
  exercise: ExerciseId
  model: PoseModelId
  json: boolean
  cache: boolean
}

export function parseExerciseId(value: unknown): ExerciseId {
  if (typeof value === 'string' && (EXERCISE_IDS as readonly string[]).includes(value)) return value as ExerciseId
  throw new Error(`Unknown exercise ${JSON.stringify(value)}; expected one of: ${EXERCISE_IDS.join(', ')}`)
}

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  let video: string | undefined
  let exercise: string | undefined
  let model: string = DEFAULT_MODEL
  let json = false
  let cache = true
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value; ${USAGE}`)
      return v
    }
    if (arg === '--exercise') exercise = value()
    else if (arg === '--model') model = value()
    else if (arg === '--json') json = true
    else if (arg === '--no-cache') cache = false
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}; ${USAGE}`)
    else if (video === undefined) video = arg
    else throw new Error(`Unexpected extra argument ${JSON.stringify(arg)}; ${USAGE}`)
  }
  if (video === undefined) throw new Error(`No video given; ${USAGE}`)
  if (exercise === undefined) throw new Error(`--exercise is required (one of: ${EXERCISE_IDS.join(', ')}); ${USAGE}`)
  return { video, exercise: parseExerciseId(exercise), model: parsePoseModelId(model), json, cache }
}

/** The --json report: the analysis without its raw event stream, times in seconds (ms precision). */
export interface AnalyzeReport {
  exercise: ExerciseId
  model: PoseModelId
  durationSeconds: number
  framesAnalyzed: number
  repCount: number
  reps: { start: number; bottom: number; end: number; side: string | null; cues: string[] }[]
  holds: { start: number; end: number; side: string | null; goodFormSeconds: number }[]
  cues: { t: number; id: string }[]
  judgedSeconds: number
  notJudgedSeconds: number
  notJudged: NotJudgedSpan[]
  notJudgedByReason: ReasonTotal[]
  cueScope: CueScopeSpan[]
  camera: { state: CameraSpan['state'] | null; rollDeg: number | null; maxAbsRollDeg: number | null; spans: CameraSpan[] }
  exerciseRecognised: ExerciseReading
  zeroReason: string | null
  framesWithPerson: number
  meanLuminance: number | null
}

/** What the report needs from the frames themselves (not from the engine). */
export interface FrameFacts {
  withPerson: number
  /** Mean of the frames' meanLuminance, null when no frame carries one. */
  meanLuminance: number | null
}

export function frameFacts(frames: readonly PoseFrame[]): FrameFacts {
  const lum = frames.flatMap((f) => (f.meanLuminance === undefined ? [] : [f.meanLuminance]))
  return {
    withPerson: frames.filter((f) => f.keypoints.length > 0).length,
    meanLuminance: lum.length === 0 ? null : lum.reduce((a, b) => a + b, 0) / lum.length
  }
}

const sec = (s: number): number => Math.round(s * 1000) / 1000
const deg = (d: number): number => Math.round(d * 10) / 10

export function buildReport(
  result: AnalysisResult, model: PoseModelId, durationSeconds: number, framesAnalyzed: number,
  facts: FrameFacts = { withPerson: framesAnalyzed, meanLuminance: null }
): AnalyzeReport {
  const judging = judgingReport(result, durationSeconds)
  const span = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: sec(x.start), end: sec(x.end) })
  return {
    exercise: result.exercise,
    model,
    durationSeconds: sec(durationSeconds),
    framesAnalyzed,
    repCount: result.repCount,
    reps: result.reps.map((r) => ({ start: sec(r.start), bottom: sec(r.bottom), end: sec(r.end), side: r.side, cues: r.cues })),
    holds: result.holds.map((h) => ({ start: sec(h.start), end: sec(h.end), side: h.side, goodFormSeconds: sec(h.goodFormSeconds) })),
    cues: result.cues.map((c) => ({ t: sec(c.t), id: c.id })),
    judgedSeconds: sec(judging.judgedSeconds),
    notJudgedSeconds: sec(judging.notJudgedSeconds),
    notJudged: judging.notJudged.map(span),
    notJudgedByReason: judging.notJudgedByReason.map((r) => ({ ...r, seconds: sec(r.seconds) })),
    cueScope: judging.cueScope.map(span),
    camera: {
      state: judging.camera.state,
      rollDeg: judging.camera.rollDeg === null ? null : deg(judging.camera.rollDeg),
      maxAbsRollDeg: judging.camera.maxAbsRollDeg === null ? null : deg(judging.camera.maxAbsRollDeg),
      spans: judging.camera.spans.map((c) => ({ ...span(c), rollDeg: deg(c.rollDeg) }))
    },
    exerciseRecognised: judging.exercise,
    zeroReason: zeroReason(result, judging, { withPerson: facts.withPerson, total: framesAnalyzed }),
    framesWithPerson: facts.withPerson,
    meanLuminance: facts.meanLuminance === null ? null : Math.round(facts.meanLuminance * 1000) / 1000
  }
}

const range = (a: number, b: number): string => `${a.toFixed(2).padStart(6)}-${b.toFixed(2).padStart(6)}`

/** The judging part of the table: seconds judged, each span not judged and why, cue scope, camera, exercise. */
export function formatJudging(report: AnalyzeReport): string[] {
  const lines: string[] = []
  const total = report.durationSeconds.toFixed(1)
  lines.push(`judged ${report.judgedSeconds.toFixed(1)} s of ${total} s; not judged ${report.notJudgedSeconds.toFixed(1)} s`)
  for (const sp of report.notJudged) {
    lines.push(`  not judged ${range(sp.start, sp.end)} s  ${sp.reason.padEnd(13)} ${sp.message}`)
  }
  for (const sp of report.cueScope) {
    lines.push(`  cue not judged ${range(sp.start, sp.end)} s  ${sp.id} (${sp.view} view): ${sp.message}`)
  }
  if (report.camera.state === null) lines.push('camera: no roll reading')
  else {
    const notLevel = report.camera.spans.filter((c) => c.state !== 'level')
    const detail = notLevel.map((c) => `${c.state} ${c.rollDeg.toFixed(0)}° ${range(c.start, c.end)} s`).join('; ')
    // The runner's sentence for any time the camera was not level (the app says the same): what to do about it.
    // The worst state seen decides the advice: a picture turned over outranks one on its side, which outranks a tilt.
    const worst = (['upside-down', 'sideways', 'tilted'] as const).find((s) => notLevel.some((c) => c.state === s))
    const advice = worst ? cameraMessage(worst) : null
    lines.push(`camera: ${report.camera.state} (roll ${report.camera.rollDeg?.toFixed(0)}°, largest ${report.camera.maxAbsRollDeg?.toFixed(0)}°)${detail ? `; ${detail}` : ''}${advice ? ` - ${advice}` : ''}`)
  }
  const ex = report.exerciseRecognised
  const recognised = ex.recognised ?? `none of the ten (${ex.posture})`
  lines.push(`exercise: asked ${ex.planned}, recognised ${recognised}${ex.raised ? '' : ' (no recognition raised; taken as planned)'}${ex.message ? ` - ${ex.message}` : ''}`)
  if (report.meanLuminance !== null) lines.push(`mean luminance: ${report.meanLuminance.toFixed(2)}`)
  return lines
}

export function formatTable(report: AnalyzeReport): string {
  const lines = [
    `${report.exercise}: ${report.repCount} rep(s), ${report.holds.length} hold(s); ${report.framesAnalyzed} frames over ${report.durationSeconds.toFixed(1)} s with ${report.model}`
  ]
  if (report.zeroReason) lines.push(`nothing counted: ${report.zeroReason}`)
  if (report.reps.length > 0) {
    lines.push('', ' rep   start  bottom     end  side   cues')
    report.reps.forEach((r, i) => {
      lines.push(`${String(i + 1).padStart(4)} ${r.start.toFixed(2).padStart(7)} ${r.bottom.toFixed(2).padStart(7)} ${r.end.toFixed(2).padStart(7)}  ${(r.side ?? '-').padEnd(5)}  ${r.cues.join(', ') || '-'}`)
    })
  }
  if (report.holds.length > 0) {
    lines.push('', 'hold   start     end  good form (s)  side')
    report.holds.forEach((h, i) => {
      lines.push(`${String(i + 1).padStart(4)} ${h.start.toFixed(2).padStart(7)} ${h.end.toFixed(2).padStart(7)} ${h.goodFormSeconds.toFixed(1).padStart(14)}  ${h.side ?? '-'}`)
    })
  }
  lines.push('', report.cues.length > 0 ? `cues: ${report.cues.map((c) => `${c.t.toFixed(1)}s ${c.id}`).join('; ')}` : 'cues: none')
  lines.push(...formatJudging(report))
  return lines.join('\n')
}

async function main(argv: string[]): Promise<void> {
  const args = parseAnalyzeArgs(argv)
  let lastProgress = Date.now()
  const poses = await estimateVideoPoses(resolve(args.video), {
    model: args.model,
    cache: args.cache,
    clip: args.video,
    onProgress: (done, total) => {
      if (Date.now() - lastProgress < PROGRESS_INTERVAL_MS) return
      lastProgress = Date.now()
      process.stderr.write(`analyze: ${done}/${total} frames (${Math.round((100 * done) / total)}%)\n`)
    }
  })
  const result = analyzeFrames(args.exercise, poses.frames)
  const lastMs = poses.frames[poses.frames.length - 1]?.timestampMs ?? 0
  const duration = Number.isFinite(poses.info.durationSeconds) ? poses.info.durationSeconds : lastMs / 1000
  const report = buildReport(result, args.model, duration, poses.frames.length, frameFacts(poses.frames))
  process.stdout.write(`${args.json ? JSON.stringify(report, null, 2) : formatTable(report)}\n`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`analyze: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}\n`)
    process.exit(1)
  })
}
