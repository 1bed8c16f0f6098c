/**
 * Evaluation: runs the form engine on every labelled clip and compares with the labels.
 *
 *   npm run eval -- [labels.json] [footage-dir] [--fixtures] [--model blazepose-full] [--only squat,lunge]
 *
 * Poses come from tools/poses.ts (estimated and cached), or with --fixtures only from the committed
 * tests/fixtures/poses/ (clips without one are listed as skipped). The engine runs on the whole clip; only reps, holds and cues
 * inside the clip's labelled `usable` spans are scored. Ends with one `eval:` summary line (routine cues are
 * counted apart from falseCues, as routineCues=<n> at its end).
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { analyzeFrames, type AnalysisResult } from '../src/shared/engine/analyze'
import { decodePoses } from '../src/shared/pose/compact'
import { DEFAULT_POSE_MODEL } from '../src/renderer/src/pose/catalogue'
import type { PoseFrame } from '../src/shared/pose/types'
import { DEFAULT_FOOTAGE_DIR, fixturePathFor } from './extract-fixtures'
import { exerciseIdFor, scoreClip, summarise, summaryLine, type ClipLabel, type ClipScore } from './evalScore'

interface Args { labels: string; footage: string; fixtures: boolean; model: string; only: string[] }

function parseArgs(argv: string[]): Args {
  const positional: string[] = []
  const args: Args = { labels: '', footage: DEFAULT_FOOTAGE_DIR, fixtures: false, model: DEFAULT_POSE_MODEL, only: [] }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--fixtures') args.fixtures = true
    else if (a === '--model') args.model = argv[++i] ?? ''
    else if (a === '--only') args.only = (argv[++i] ?? '').split(',').filter(Boolean)
    else if (a.startsWith('--')) throw new Error(`Unknown option ${a}; expected --fixtures, --model NAME or --only a,b`)
    else positional.push(a)
  }
  args.labels = resolve(positional[0] ?? join(DEFAULT_FOOTAGE_DIR, 'labels.json'))
  args.footage = resolve(positional[1] ?? dirname(args.labels))
  return args
}

async function posesFor(clip: string, args: Args): Promise<{ frames: PoseFrame[]; source: string } | null> {
  const fixture = fixturePathFor(clip)
  if (args.fixtures) {
    // Committed fixtures only: a clip without one is reported, not estimated (estimation is slow on small machines).
    return existsSync(fixture) ? { frames: decodePoses(JSON.parse(readFileSync(fixture, 'utf8'))).frames, source: 'fixture' } : null
  }
  const { estimateVideoPoses } = await import('./poses')
  const poses = await estimateVideoPoses(join(args.footage, clip), { model: args.model as never, clip })
  return { frames: poses.frames, source: poses.fromCache ? 'cache' : 'estimated' }
}

/**
 * The engine sees the whole clip, as it would live; only what falls inside the labelled `usable` spans is
 * scored: reps whose bottom lies in a span, holds clipped to the spans, cues raised in a span.
 */
function restrictToUsable(result: AnalysisResult, usable: [number, number][]): AnalysisResult {
  const inside = (t: number): boolean => usable.some(([a, b]) => t >= a && t <= b)
  const reps = result.reps.filter((r) => inside(r.bottom))
  const holds = result.holds.flatMap((h) =>
    usable.map(([a, b]) => ({ ...h, start: Math.max(h.start, a), end: Math.min(h.end, b) })).filter((c) => c.end > c.start)
  )
  return { ...result, reps, repCount: reps.length, holds, cues: result.cues.filter((c) => inside(c.t)) }
}

const pad = (s: string | number, n: number): string => String(s).padEnd(n)

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const labels = JSON.parse(readFileSync(args.labels, 'utf8')) as ClipLabel[]
  const scores: ClipScore[] = []
  const skipped: string[] = []
  console.log(`${pad('clip', 62)} ${pad('exercise', 12)} ${pad('reps exp', 9)} ${pad('got', 4)} ${pad('holds exp→got (s)', 26)} faults  cues (form false / routine)`)
  for (const label of labels) {
    if (args.only.length > 0 && !args.only.some((o) => label.clip.includes(o))) continue
    if (label.eval_skip) {
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
    const result = restrictToUsable(analyzeFrames(exercise, frames), label.usable)
    const s = scoreClip(label, result)
    scores.push(s)
    const exp = s.acceptable[0] === s.acceptable[1] ? `${s.expected}` : `${s.expected} (${s.acceptable.join('-')})`
    const holdsExp = label.holds.filter((h) => h.in_usable !== false).map((h) => (h.end - h.start).toFixed(1)).join(',') || '-'
    const holdsGot = result.holds.map((h) => (h.end - h.start).toFixed(1)).join(',') || '-'
    const mark = s.countError === 0 ? ' ' : '*'
    console.log(
      `${pad(label.clip, 62)} ${pad(exercise, 12)} ${pad(exp, 9)} ${pad(`${s.measured}${mark}`, 4)} ${pad(`${holdsExp} → ${holdsGot}`, 26)} ` +
        `${pad(`${s.faultsFound}/${s.faultsLabelled}`, 7)} ${s.falseCues.length} ${s.falseCues.join(' ')} / ${s.routineCues} [${source}]`
    )
  }
  for (const s of skipped) console.log(`skipped ${s}`)
  console.log(summaryLine(summarise(scores)))
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err))
  process.exit(1)
})
