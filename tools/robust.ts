/**
 * Runners for `npm run eval -- --robust` and `npm run eval -- --cases` (issue 9). Both derive videos with
 * ffmpeg into tests/.cache/ (never committed), estimate poses through tools/poses.ts (cached by the derived
 * file's sha1) and run the same engine as the app.
 *
 * --robust: each kind of tools/robustKinds.ts on a few labelled clips (DEFAULT_ROBUST_CLIPS, or --clips),
 *   derived into tests/.cache/robust/<kind>-<hash of recipe + source sha1>-<clip>.mp4. Prints one line per
 *   analysis, a table per kind, and ends with `robust: clips=<n> countKept=<0..1> cuesAdded=<n> silentZeros=<n>`
 *   (tools/robustScore.ts says what each means).
 * --cases: ../shared/robustness/derive.sh into tests/.cache/cases/ (re-derived when derive.sh changes), then
 *   PASS/FAIL per case of its README against the "must give" column; then the same checks on other strengths
 *   of the changes (STRENGTH_CASES, derived into tests/.cache/case-strengths/), ending
 *   `cases: passed=<n>/9 strengths=<n>/<m>`.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { analyzeFrames } from '../src/shared/engine/analyze'
import type { PoseModelId } from '../src/pose/catalogue'
import { buildReport, frameFacts, type AnalyzeReport } from './analyze'
import { ROBUST_CASES, STRENGTH_CASES, caseLine, type RobustCase, type StrengthCase } from './cases'
import { exerciseIdFor, restrictToUsable, type ClipLabel } from './evalScore'
import { judgingReport } from './judgedReport'
import { REPO_ROOT, estimateVideoPoses, sha1OfFile } from './poses'
import { derivedName, ffmpegArgs, recipeFor, shiftLabel, type RobustKind } from './robustKinds'
import { kindTable, outcomeLine, robustLine, scoreRobust, summariseRobust, type RobustOutcome } from './robustScore'
import { probeVideo } from './video'

export const ROBUST_CACHE_DIR = join(REPO_ROOT, 'tests', '.cache', 'robust')
export const CASES_CACHE_DIR = join(REPO_ROOT, 'tests', '.cache', 'cases')
/** Where the other strengths of the cases are derived (STRENGTH_CASES), one file per recipe. */
export const STRENGTHS_CACHE_DIR = join(REPO_ROOT, 'tests', '.cache', 'case-strengths')
/** derive.sh's encoder settings, so a strength differs from its case only in the amount of the change. */
const CASE_ENCODING = ['-an', '-c:v', 'libx264', '-crf', '18', '-pix_fmt', 'yuv420p']
export const DERIVE_SCRIPT = resolve(REPO_ROOT, '../shared/robustness/derive.sh')
/** Bump when the derivation changes in a way the recipe text does not show (encoder settings). */
const ROBUST_VERSION = 1

/**
 * Six short clips, one body position each (front and side squat, side lunge, front floor-camera push-up,
 * plank hold, side glute bridge): about 1,700 frames, so all 15 kinds fit in ~20 min on 2 cores with Lite.
 */
export const DEFAULT_ROBUST_CLIPS = [
  'squat/squat_front_kneevalgus_wrong_then_right_randy.mp4',
  'squat/squat_side_studio_istock_hanshitha.mp4',
  'lunge/reverse_lunge_kneedrive_side_darebee_be2018.mp4',
  'pushup/pushup_front_gym_turf_omartarek5.mp4',
  'plank/plank_forearm_side_outdoor_amateur_myoxyn.mp4',
  'glute_bridge/glute_bridge_side_darebee_be2018.mp4'
]

export interface RobustArgs {
  labels: ClipLabel[]
  footage: string
  model: PoseModelId
  /** Substrings of clip paths; empty = DEFAULT_ROBUST_CLIPS. */
  clips: string[]
  kinds: RobustKind[]
}

function runFfmpeg(args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    child.on('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new Error('ffmpeg was not found on PATH; install ffmpeg to derive clips') : err))
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`ffmpeg failed (${code}): ${stderr.trim().split('\n').pop() ?? ''}`))))
  })
}

const log = (line: string): void => { process.stderr.write(`${line}\n`) }

async function analyseFile(path: string, exercise: ReturnType<typeof exerciseIdFor>, model: PoseModelId, clip: string) {
  const poses = await estimateVideoPoses(path, { model, clip })
  const result = analyzeFrames(exercise, poses.frames)
  const lastMs = poses.frames[poses.frames.length - 1]?.timestampMs ?? 0
  const duration = Number.isFinite(poses.info.durationSeconds) ? poses.info.durationSeconds : lastMs / 1000
  return { poses, result, duration }
}

export async function runRobust(args: RobustArgs): Promise<void> {
  const wanted = args.clips.length > 0 ? args.clips : DEFAULT_ROBUST_CLIPS
  const labels = args.labels.filter((l) => wanted.some((w) => l.clip.includes(w)) && !l.eval_skip && !l.stand_in)
  if (labels.length === 0) throw new Error(`No labelled clip matches --clips ${wanted.join(',')}; expected parts of clip paths in labels.json`)
  mkdirSync(ROBUST_CACHE_DIR, { recursive: true })
  const outcomes: RobustOutcome[] = []
  const started = Date.now()
  console.log(`robust: ${labels.length} clip(s) × ${args.kinds.length} kind(s) with ${args.model}`)
  for (const label of labels) {
    const exercise = exerciseIdFor(label.exercise)
    const source = join(args.footage, label.clip)
    const info = await probeVideo(source)
    const sourceSha1 = await sha1OfFile(source)
    log(`robust: ${label.clip}: unperturbed`)
    const base = await analyseFile(source, exercise, args.model, label.clip)
    const baseline = restrictToUsable(base.result, label.usable)
    for (const kind of args.kinds) {
      const recipe = recipeFor(kind, info, label, base.poses.frames)
      if (!recipe) {
        console.log(`  ${kind.padEnd(15)} ${label.clip.padEnd(62)} n/a (${kind === 'bottoms-paused' ? 'no labelled rep to pause at' : 'joints never seen to place the crop'})`)
        continue
      }
      const key = createHash('sha1').update(JSON.stringify({ recipe, ROBUST_VERSION, sourceSha1 })).digest('hex')
      const derived = join(ROBUST_CACHE_DIR, derivedName(recipe, key, label.clip))
      if (!existsSync(derived)) {
        log(`robust: ${label.clip}: deriving ${kind} (${recipe.description})`)
        const tmp = `${derived}.${process.pid}.tmp.mp4`
        await runFfmpeg(ffmpegArgs(recipe, source, tmp))
        renameSync(tmp, derived)
      }
      log(`robust: ${label.clip}: analysing ${kind}`)
      const run = await analyseFile(derived, exercise, args.model, `${kind}:${label.clip}`)
      const shifted = shiftLabel(label, recipe.pauses)
      const perturbed = restrictToUsable(run.result, shifted.usable)
      const outcome = scoreRobust(kind, shifted, baseline, perturbed, judgingReport(run.result, run.duration), recipe.pauses)
      outcomes.push(outcome)
      console.log(outcomeLine(outcome))
    }
  }
  console.log('')
  console.log(kindTable(outcomes, args.kinds))
  log(`robust: done in ${((Date.now() - started) / 60000).toFixed(1)} min`)
  console.log(robustLine(summariseRobust(outcomes)))
}

/** Runs derive.sh into the cases cache unless its outputs exist for this very script. */
export async function deriveCases(): Promise<void> {
  if (!existsSync(DERIVE_SCRIPT)) throw new Error(`derive.sh not found at ${DERIVE_SCRIPT}; expected ../shared/robustness/derive.sh beside the repository`)
  const scriptSha1 = await sha1OfFile(DERIVE_SCRIPT)
  const stamp = join(CASES_CACHE_DIR, '.derive-sha1')
  const complete = ROBUST_CASES.every((c) => existsSync(join(CASES_CACHE_DIR, c.file)))
  if (complete && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === scriptSha1) return
  log(`cases: deriving the robustness clips into ${CASES_CACHE_DIR}`)
  rmSync(CASES_CACHE_DIR, { recursive: true, force: true })
  mkdirSync(CASES_CACHE_DIR, { recursive: true })
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn('bash', [DERIVE_SCRIPT, CASES_CACHE_DIR], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`derive.sh failed (${code}): ${stderr.trim().split('\n').pop() ?? ''}`))))
  })
  writeFileSync(stamp, `${scriptSha1}\n`)
}

/** Analyses one derived case clip (deriveCases first) as the analyzer's --json report. */
export async function analyseCase(c: RobustCase, model: PoseModelId): Promise<AnalyzeReport> {
  const path = join(CASES_CACHE_DIR, c.file)
  const run = await analyseFile(path, c.exercise, model, `case:${c.name}`)
  return buildReport(run.result, model, run.duration, run.poses.frames.length, frameFacts(run.poses.frames))
}

/**
 * Derives one strength case (from its source in ../shared/footage, with ffmpeg) unless this very recipe's
 * output exists; returns its path. The file name carries a hash of the recipe and the source's sha1.
 */
export async function deriveStrength(c: StrengthCase): Promise<string> {
  const source = resolve(REPO_ROOT, '../shared/footage', c.source)
  if (!existsSync(source)) throw new Error(`${c.source} not found in ../shared/footage; expected the shared footage beside the repository`)
  const key = createHash('sha1').update(JSON.stringify({ input: c.input, filter: c.filter, CASE_ENCODING, source: await sha1OfFile(source) })).digest('hex').slice(0, 12)
  const derived = join(STRENGTHS_CACHE_DIR, `${c.name}-${key}.mp4`)
  if (existsSync(derived)) return derived
  mkdirSync(STRENGTHS_CACHE_DIR, { recursive: true })
  log(`cases: deriving ${c.name} (${c.filter})`)
  const tmp = `${derived}.${process.pid}.tmp.mp4`
  await runFfmpeg(['-hide_banner', '-loglevel', 'error', '-y', ...c.input, '-i', source, '-vf', c.filter, ...CASE_ENCODING, tmp])
  renameSync(tmp, derived)
  return derived
}

/** Analyses one strength case (derived first when needed) as the analyzer's --json report. */
export async function analyseStrength(c: StrengthCase, model: PoseModelId): Promise<AnalyzeReport> {
  const run = await analyseFile(await deriveStrength(c), c.exercise, model, `strength:${c.name}`)
  return buildReport(run.result, model, run.duration, run.poses.frames.length, frameFacts(run.poses.frames))
}

/** Analyses each case in turn, printing its PASS/FAIL line; returns how many passed. */
async function runEach<C extends RobustCase>(cases: readonly C[], analyse: (c: C) => Promise<AnalyzeReport>): Promise<number> {
  let passed = 0
  for (const c of cases) {
    log(`cases: ${c.name}`)
    const report = await analyse(c)
    if (c.check(report)) passed++
    console.log(caseLine(c, report))
  }
  return passed
}

export async function runCases(model: PoseModelId): Promise<void> {
  await deriveCases()
  const passed = await runEach(ROBUST_CASES, (c) => analyseCase(c, model))
  const strengths = await runEach(STRENGTH_CASES, (c) => analyseStrength(c, model))
  console.log(`cases: passed=${passed}/${ROBUST_CASES.length} strengths=${strengths}/${STRENGTH_CASES.length} with ${model}`)
}

