/**
 * Extracts keypoint fixtures from the real footage: every clip in ../shared/footage/labels.json plus the
 * unlabelled stand-ins (band_walk/, cable_row/, heel_taps/), every frame at native fps, written with the
 * compact codec to tests/fixtures/poses/<folder>/<clip-stem>.json. Videos are never copied.
 *
 *   npm run extract-fixtures -- [--model blazepose-full] [--only squat,plank] [--jobs 2] [--force] [--footage DIR]
 *
 * Clips run in child processes, at most --jobs at once (default 2; the WASM backend is single-threaded here).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parsePoseModelId, type PoseModelId } from '../src/pose/models'
import { encodePoses, type CompactPoses } from '../src/shared/pose/compact'
import { REPO_ROOT, estimateVideoPoses } from './poses'

export const FIXTURES_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'poses')
export const DEFAULT_FOOTAGE_DIR = resolve(REPO_ROOT, '../shared/footage')
const STAND_IN_FOLDERS = ['band_walk', 'cable_row', 'heel_taps']
/** Order clips so the engine helpers get the exercises they tune first. */
const FOLDER_PRIORITY = ['squat', 'plank', 'side_plank', 'lunge', 'pushup', 'glute_bridge', 'step_up', 'dead_bug', ...STAND_IN_FOLDERS]
const MAX_JOBS = 2

/** Clip paths relative to the footage folder, labelled clips and stand-ins, in priority order. */
export function listFootageClips(footageDir: string): string[] {
  const labelsPath = join(footageDir, 'labels.json')
  if (!existsSync(labelsPath)) throw new Error(`labels.json not found in ${footageDir}; expected the shared footage folder`)
  const labelled = (JSON.parse(readFileSync(labelsPath, 'utf8')) as { clip: string }[]).map((l) => l.clip)
  const standIns = STAND_IN_FOLDERS.flatMap((folder) => {
    const dir = join(footageDir, folder)
    return existsSync(dir) ? readdirSync(dir).filter((f) => /\.(mp4|mov|webm|mkv)$/i.test(f)).map((f) => `${folder}/${f}`) : []
  })
  const all = [...new Set([...labelled, ...standIns])]
  const rank = (clip: string): number => {
    const i = FOLDER_PRIORITY.indexOf(clip.split('/')[0])
    return i < 0 ? FOLDER_PRIORITY.length : i
  }
  return all.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

/** tests/fixtures/poses/<folder>/<clip-stem>.json for a clip path like 'squat/x.mp4'. */
export function fixturePathFor(clip: string): string {
  return join(FIXTURES_DIR, dirname(clip), `${basename(clip, extname(clip))}.json`)
}

/** JSON with one frame row per line: small, and diffs show which frames changed. */
export function formatFixture(poses: CompactPoses): string {
  return `{"header":${JSON.stringify(poses.header)},\n"frames":[\n${poses.frames.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`
}

interface Args { model: PoseModelId; only: string[]; jobs: number; force: boolean; footage: string; clip: string | null }

export function parseExtractArgs(argv: string[]): Args {
  // Not DEFAULT_POSE_MODEL: fixtures are reference keypoints for engine tests, so they use the more accurate
  // full model (models/README.md) and must not change when the app's speed-driven default does.
  const args: Args = { model: 'blazepose-full', only: [], jobs: MAX_JOBS, force: false, footage: DEFAULT_FOOTAGE_DIR, clip: null }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${flag} needs a value`)
      return v
    }
    if (flag === '--model') args.model = parsePoseModelId(value())
    else if (flag === '--only') args.only = value().split(',').filter(Boolean)
    else if (flag === '--jobs') {
      const jobs = Number(value())
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) throw new Error(`--jobs must be 1..${MAX_JOBS} (shared CPU), got ${argv[i]}`)
      args.jobs = jobs
    } else if (flag === '--force') args.force = true
    else if (flag === '--footage') args.footage = resolve(value())
    else if (flag === '--clip') args.clip = value()
    else throw new Error(`Unknown option ${flag}; expected --model, --only, --jobs, --force or --footage`)
  }
  return args
}

/** Extracts one clip in this process and writes its fixture. */
async function extractOne(clip: string, args: Args): Promise<void> {
  const started = Date.now()
  const result = await estimateVideoPoses(join(args.footage, clip), { model: args.model, clip })
  const out = fixturePathFor(clip)
  mkdirSync(dirname(out), { recursive: true })
  // Re-encode with the footage-relative clip name (a cached run may carry another path).
  const encoded = encodePoses(result.frames, { ...result.header, clip })
  writeFileSync(out, formatFixture(encoded))
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  console.log(`${clip}: ${result.frames.length} frames, ${result.meanInferenceMs.toFixed(1)} ms/frame${result.fromCache ? ' (cached)' : ''}, ${seconds} s`)
}

function runChild(clip: string, args: Args): Promise<boolean> {
  const childArgs = [...process.execArgv, fileURLToPath(import.meta.url), '--clip', clip, '--model', args.model, '--footage', args.footage]
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, childArgs, { stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('close', (code) => resolvePromise(code === 0))
    child.on('error', () => resolvePromise(false))
  })
}

async function main(argv: string[]): Promise<void> {
  const args = parseExtractArgs(argv)
  if (args.clip) return extractOne(args.clip, args)
  const clips = listFootageClips(args.footage)
    .filter((c) => args.only.length === 0 || args.only.some((o) => c.startsWith(`${o}/`) || c.includes(o)))
    .filter((c) => args.force || !existsSync(fixturePathFor(c)))
  console.log(`extract-fixtures: ${clips.length} clip(s) with ${args.model}, ${args.jobs} at a time`)
  const failed: string[] = []
  const queue = [...clips]
  await Promise.all(Array.from({ length: args.jobs }, async () => {
    for (let clip = queue.shift(); clip !== undefined; clip = queue.shift()) {
      if (!(await runChild(clip, args))) failed.push(clip)
    }
  }))
  if (failed.length > 0) throw new Error(`extract-fixtures: ${failed.length} clip(s) failed: ${failed.join(', ')}`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err))
    process.exit(1)
  })
}
