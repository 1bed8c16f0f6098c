/**
 * Evaluation: runs the form engine on every labelled clip and compares with the labels.
 *
 *   npm run eval -- [labels.json] [footage-dir] [--fixtures] [--model blazepose-full] [--only squat,lunge]
 *   npm run eval -- --split source        the same, plus one `split A:` / `split B:` eval line per half of the
 *                                         source repositories (tools/evalSplit.ts) and the gap between them
 *   npm run eval -- --robust [--clips a,b] [--kinds dark,roll+10]   perturbed copies (tools/robust.ts)
 *   npm run eval -- --cases               the nine cases of ../shared/robustness/README.md, PASS/FAIL each
 *
 * Poses come from tools/poses.ts (estimated and cached), or with --fixtures only from the committed
 * tests/fixtures/poses/ (clips without one are listed as skipped; fixture frames carry no luminance).
 * The engine runs on the whole clip; only reps, holds and cues inside the clip's labelled `usable` spans
 * are scored (tools/evalScore.ts says what is scored). Stand-ins and eval_skip clips with non-debatable
 * faults are scored for their cues only, and marked so. Prints one row per clip, the recall per cue id,
 * and ends with one `eval:` summary line.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { analyzeFrames } from '../src/shared/engine/analyze'
import { decodePoses } from '../src/shared/pose/compact'
import { DEFAULT_POSE_MODEL, parsePoseModelId, type PoseModelId } from '../src/pose/catalogue'
import type { PoseFrame } from '../src/shared/pose/types'
import { DEFAULT_FOOTAGE_DIR, fixturePathFor } from './extract-fixtures'
import {
  cueForFault, exerciseIdFor, isScored, joinedHolds, recallTable, restrictToUsable, scoreClip, summarise, summaryLine, type ClipLabel, type ClipScore
} from './evalScore'
import { parseManifest, splitBySource, splitGapLine } from './evalSplit'
import { judgingReport, zeroReason } from './judgedReport'
import { ROBUST_KINDS, parseKinds, type RobustKind } from './robustKinds'

const USAGE =
  'usage: npm run eval -- [labels.json] [footage-dir] [--fixtures] [--model NAME] [--only a,b] [--split source] ' +
  '| --robust [--clips a,b] [--kinds k1,k2] | --cases'

export interface EvalArgs {
  labels: string
  footage: string
  fixtures: boolean
  model: PoseModelId
  only: string[]
  split: 'source' | null
  robust: boolean
  cases: boolean
  clips: string[]
  kinds: RobustKind[]
}

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  const positional: string[] = []
  const args: EvalArgs = {
    labels: '', footage: DEFAULT_FOOTAGE_DIR, fixtures: false, model: DEFAULT_POSE_MODEL, only: [], split: null,
    robust: false, cases: false, clips: [], kinds: [...ROBUST_KINDS]
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value; ${USAGE}`)
      return v
    }
    const list = (): string[] => value().split(',').map((x) => x.trim()).filter(Boolean)
    if (a === '--fixtures') args.fixtures = true
    else if (a === '--model') args.model = parsePoseModelId(value())
    else if (a === '--only') args.only = list()
    else if (a === '--split') {
      const v = value()
      if (v !== 'source') throw new Error(`Unknown split "${v}"; expected: source`)
      args.split = 'source'
    } else if (a === '--robust') args.robust = true
    else if (a === '--cases') args.cases = true
    else if (a === '--clips') args.clips = list()
    else if (a === '--kinds') args.kinds = parseKinds(value())
    else if (a.startsWith('--')) throw new Error(`Unknown option ${a}; ${USAGE}`)
    else positional.push(a)
  }
  if (args.robust && args.cases) throw new Error(`--robust and --cases are separate runs; ${USAGE}`)
  if ((args.robust || args.cases) && args.fixtures) throw new Error(`--fixtures cannot be used with --robust or --cases (they derive new videos); ${USAGE}`)
  args.labels = resolve(positional[0] ?? join(DEFAULT_FOOTAGE_DIR, 'labels.json'))
  args.footage = resolve(positional[1] ?? dirname(args.labels))
  return args
}

async function posesFor(clip: string, args: EvalArgs): Promise<{ frames: PoseFrame[]; source: string } | null> {
  const fixture = fixturePathFor(clip)
  if (args.fixtures) {
    // Committed fixtures only: a clip without one is reported, not estimated (estimation is slow on small machines).
    return existsSync(fixture) ? { frames: decodePoses(JSON.parse(readFileSync(fixture, 'utf8'))).frames, source: 'fixture' } : null
  }
  const { estimateVideoPoses } = await import('./poses')
  const poses = await estimateVideoPoses(join(args.footage, clip), { model: args.model, clip })
  return { frames: poses.frames, source: poses.fromCache ? 'cache' : 'estimated' }
}

const pad = (s: string | number, n: number): string => String(s).padEnd(n)

async function evaluate(args: EvalArgs, allLabels: ClipLabel[]): Promise<void> {
  const labels = allLabels.filter((l) => args.only.length === 0 || args.only.some((o) => l.clip.includes(o)))
  const scores: ClipScore[] = []
  const skipped: string[] = []
  console.log(`${pad('clip', 62)} ${pad('exercise', 12)} ${pad('reps exp', 9)} ${pad('got', 4)} ${pad('holds exp→got (s)', 26)} ${pad('good form', 12)} faults  cues (form false / routine)`)
  for (const label of labels) {
    if (!isScored(label)) {
      skipped.push(`${label.clip}: ${label.eval_skip}`)
      continue
    }
    const exercise = exerciseIdFor(label.exercise)
    const poses = await posesFor(label.clip, args)
    if (!poses) {
      skipped.push(`${label.clip}: no committed fixture yet (run without --fixtures to estimate poses)`)
      continue
    }
    const { frames, source } = poses
    const whole = analyzeFrames(exercise, frames)
    const result = restrictToUsable(whole, label.usable)
    const s = scoreClip(label, result)
    scores.push(s)
    const exp = s.countNotScored ? '-' : s.acceptable[0] === s.acceptable[1] ? `${s.expected}` : `${s.expected} (${s.acceptable.join('-')})`
    const holdsExp = joinedHolds(label).map((h) => (h.end - h.start).toFixed(1)).join(',') || '-'
    const holdsGot = result.holds.map((h) => (h.end - h.start).toFixed(1)).join(',') || '-'
    const goodForm = s.labelledGoodFormSeconds === null ? '-' : `${s.labelledGoodFormSeconds.toFixed(1)}→${s.measuredGoodFormSeconds.toFixed(1)}`
    const mark = s.countNotScored || s.countError === 0 ? ' ' : '*'
    console.log(
      `${pad(label.clip, 62)} ${pad(exercise, 12)} ${pad(exp, 9)} ${pad(`${s.measured}${mark}`, 4)} ${pad(`${holdsExp} → ${holdsGot}`, 26)} ${pad(goodForm, 12)} ` +
        `${pad(`${s.faultsFound}/${s.faultsLabelled}`, 7)} ${s.falseCues.length} ${s.falseCues.join(' ')} / ${s.routineCues} [${source}]` +
        `${s.countNotScored ? ` [${s.countNotScored}]` : ''}`
    )
    // A clip where nothing was counted says why, as the analyzer does (reasons from the whole clip).
    const duration = (frames[frames.length - 1]?.timestampMs ?? 0) / 1000
    const why = zeroReason(result, judgingReport(whole, duration))
    if (why && (label.rep_count > 0 || joinedHolds(label).length > 0)) console.log(`    nothing counted: ${why}`)
  }
  for (const s of skipped) console.log(`skipped ${s}`)
  console.log('')
  console.log(recallTable(scores))
  if (args.split === 'source') printSplit(args, labels.filter(isScored), scores)
  console.log(summaryLine(summarise(scores)))
}

/** Faults of a label that recall scores (non-debatable, with a cue mapped). */
function scoredFaultCount(label: ClipLabel): number {
  const exercise = exerciseIdFor(label.exercise)
  return label.faults.filter((f) => !f.debatable && Boolean(cueForFault(f.fault ?? f.type ?? '', exercise))).length
}

function printSplit(args: EvalArgs, labels: ClipLabel[], scores: ClipScore[]): void {
  const manifestPath = join(args.footage, 'manifest.tsv')
  if (!existsSync(manifestPath)) throw new Error(`manifest.tsv not found in ${args.footage}; --split source needs its source_repo column`)
  // The split is made from the labels, not from what was analysed, so it does not move with --fixtures.
  const halves = splitBySource(labels.map((l) => ({ clip: l.clip, faults: scoredFaultCount(l) })), parseManifest(readFileSync(manifestPath, 'utf8')))
  console.log('')
  const summaries = halves.map((half) => {
    console.log(`split ${half.name}: ${half.clips.length} clips (${half.faults} scored faults) from ${half.repos.length} repositories: ${half.repos.join(', ')}`)
    for (const clip of half.clips) console.log(`  ${half.name} ${clip}${scores.some((s) => s.clip === clip) ? '' : ' (not analysed in this run)'}`)
    return summarise(scores.filter((s) => half.clips.includes(s.clip)))
  })
  halves.forEach((half, i) => console.log(`split ${half.name}: ${summaryLine(summaries[i])}`))
  const metrics = summaries.map((m, i) => ({ ...m, faultsLabelled: scores.filter((s) => halves[i].clips.includes(s.clip)).reduce((n, s) => n + s.faultsLabelled, 0) }))
  console.log(splitGapLine(metrics[0], metrics[1]))
}

async function main(): Promise<void> {
  const args = parseEvalArgs(process.argv.slice(2))
  const labels = JSON.parse(readFileSync(args.labels, 'utf8')) as ClipLabel[]
  if (args.robust) {
    const { runRobust } = await import('./robust')
    return runRobust({ labels, footage: args.footage, model: args.model, clips: args.clips, kinds: args.kinds })
  }
  if (args.cases) {
    const { runCases } = await import('./robust')
    return runCases(args.model)
  }
  return evaluate(args, labels)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err))
    process.exit(1)
  })
}
