/**
 * `npm run bench:engine-code`: does the form engine's compiled code keep growing over a long set?
 * The soak (`bench:soak`) sees the page's V8 code grow through an hour, but the page holds the engine,
 * React and the set screen together. This runs the engine alone, in Node, as the page drives it: one
 * engine fed a real squat clip's keypoints (BlazePose Full fixture, front view, knees caving on some reps)
 * in a loop, timestamps running on at the clip's frame rate, a full collection (`--expose-gc`) and
 * V8's heap spaces read every `--every` frames. Printed as a table, a measurement, not a test.
 * Flags: --frames N (default 200,000: ~111 minutes at 30 fps), --every N (default 20,000).
 * Sizes: `code` = V8's code space(s) (machine code of every tier), `old` = the old generation (live JS
 * data after the collection), KB.
 */
import v8 from 'node:v8'
import { loadPoseFixture } from '../fixtures/synthetic/realFixtures'
import { createEngine } from '../../src/shared/engine/engine'

const CLIP = ['squat', 'squat_front_kneevalgus_wrong_then_right_randy'] as const

function numberFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('bench:engine-code needs --expose-gc (run it through `npm run bench:engine-code`)')

const totalFrames = numberFlag('--frames', 200_000)
const every = numberFlag('--every', 20_000)
const frames = loadPoseFixture(...CLIP)
const frameMs = frames[1].timestampMs - frames[0].timestampMs
const engine = createEngine('squat', {})

/** Used bytes of the heap spaces whose name starts with `prefix` (code_space and code_large_object_space, ...), KB. */
function spaceKb(prefix: string): number {
  return v8.getHeapSpaceStatistics().filter((s) => s.space_name.startsWith(prefix)).reduce((sum, s) => sum + s.space_used_size, 0) / 1024
}

const rows: { frame: number; minutes: number; codeKb: number; oldKb: number; reps: number }[] = []
let reps = 0
for (let i = 0; i <= totalFrames; i++) {
  if (i % every === 0) {
    gc()
    rows.push({ frame: i, minutes: (i * frameMs) / 60_000, codeKb: spaceKb('code'), oldKb: spaceKb('old'), reps })
  }
  const frame = frames[i % frames.length]
  reps += engine.push({ ...frame, timestampMs: i * frameMs }).filter((e) => e.type === 'rep').length
}

console.log(`bench:engine-code ${CLIP.join('/')} looped, ${totalFrames} frames at ${(1000 / frameMs).toFixed(0)} fps, Node ${process.version}`)
console.log('| frame | set time (min) | reps | code KB | old generation KB |')
console.log('|---|---|---|---|---|')
for (const r of rows) console.log(`| ${r.frame} | ${r.minutes.toFixed(1)} | ${r.reps} | ${r.codeKb.toFixed(0)} | ${r.oldKb.toFixed(0)} |`)
const warm = rows.filter((r) => r.minutes >= 20)
if (warm.length >= 2) {
  const first = warm[0]
  const last = warm[warm.length - 1]
  const min = Math.min(...warm.map((r) => r.codeKb))
  const max = Math.max(...warm.map((r) => r.codeKb))
  console.log(`bench:engine-code code from ${first.minutes.toFixed(0)} to ${last.minutes.toFixed(0)} min: ${first.codeKb.toFixed(0)} → ${last.codeKb.toFixed(0)} KB (${(((last.codeKb - first.codeKb) / first.codeKb) * 100).toFixed(1)}%; range ${min.toFixed(0)}–${max.toFixed(0)} KB)`)
}
