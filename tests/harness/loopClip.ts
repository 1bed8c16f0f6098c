/**
 * A looping y4m for the live-vs-analyzer parity test: a cut of a real clip at 30 fps (as a webcam
 * delivers), led by its first frame held still and trailed by its last frame held still.
 *
 * Chromium's fake camera plays a file in a loop, and the set can start anywhere in it (model load and
 * placement take as long as they take on a busy machine), so the test compares one whole loop that
 * starts after the set did. The still lead and trail put the loop's seam where nothing moves: no rep
 * and no hold change can fall on it, and the engine settles on a still body before the movement.
 * The analyzer reads the very same file, frame for frame. Written to tests/.cache/parity (never committed).
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs'
import { resolve } from 'node:path'
import { prepareClip } from './clips'
import { REPO_ROOT } from './server'

const PARITY_CACHE = resolve(REPO_ROOT, 'tests', '.cache', 'parity')
/** The camera's rate: webcams deliver 30 fps, and the fake camera paces the file at its own rate. */
export const LOOP_FPS = 30

export interface LoopClipOptions {
  /** Path relative to the footage folder. */
  clip: string
  startS: number
  durationS: number
  /** Seconds of the first frame held before the movement. */
  leadS: number
  /** Seconds of the last frame held after it. */
  trailS: number
  /** Output width in pixels (640 = the analyzer's default long side for landscape clips). */
  width?: number
}

export interface LoopClip {
  path: string
  /** Frames in one loop. */
  frames: number
  /** One loop, ms: frames / 30 fps. */
  periodMs: number
  /** Where the cut's own first frame sits in the loop, ms (= leadS). */
  movementStartMs: number
  movementEndMs: number
}

interface Y4m { header: Buffer; frames: Buffer[] }

/** Splits a y4m file into its stream header and its frames (each with its "FRAME" line). */
export function parseY4m(data: Buffer): Y4m {
  const headerEnd = data.indexOf(0x0a)
  const header = data.subarray(0, headerEnd + 1)
  const fields = header.toString('latin1').trim().split(' ')
  const width = Number(fields.find((f) => f.startsWith('W'))?.slice(1))
  const height = Number(fields.find((f) => f.startsWith('H'))?.slice(1))
  const colour = fields.find((f) => f.startsWith('C'))?.slice(1) ?? '420jpeg'
  if (!colour.startsWith('420')) throw new Error(`y4m colour space ${colour} is not 4:2:0; expected ffmpeg's -pix_fmt yuv420p output`)
  const picture = width * height + 2 * ((width / 2) * (height / 2))
  const frames: Buffer[] = []
  let at = headerEnd + 1
  while (at < data.length) {
    const lineEnd = data.indexOf(0x0a, at)
    if (lineEnd < 0 || !data.subarray(at, at + 5).equals(Buffer.from('FRAME'))) throw new Error(`y4m frame ${frames.length} has no FRAME line at byte ${at}`)
    const end = lineEnd + 1 + picture
    frames.push(data.subarray(at, end))
    at = end
  }
  return { header, frames }
}

/** Builds (once) the looping file; frames are copied byte for byte from one ffmpeg cut. */
export function prepareLoopClip(options: LoopClipOptions): LoopClip {
  const { clip, startS, durationS, leadS, trailS, width = 640 } = options
  const cut = prepareClip({ clip, startS, durationS, width, fps: LOOP_FPS, format: 'y4m' })
  const name = `${clip.replace(/[^a-z0-9]+/gi, '_')}_${startS}s_${durationS}s_lead${leadS}_trail${trailS}_${width}w.y4m`
  const out = resolve(PARITY_CACHE, name)
  const { header, frames } = parseY4m(readFileSync(cut))
  const lead = Math.round(leadS * LOOP_FPS)
  const trail = Math.round(trailS * LOOP_FPS)
  const total = lead + frames.length + trail
  if (!existsSync(out) || statSync(out).mtimeMs < statSync(cut).mtimeMs) {
    mkdirSync(PARITY_CACHE, { recursive: true })
    const fd = openSync(out, 'w')
    try {
      writeSync(fd, header)
      for (let i = 0; i < lead; i++) writeSync(fd, frames[0])
      for (const frame of frames) writeSync(fd, frame)
      for (let i = 0; i < trail; i++) writeSync(fd, frames[frames.length - 1])
    } finally {
      closeSync(fd)
    }
  }
  const ms = (n: number) => (n * 1000) / LOOP_FPS
  return { path: out, frames: total, periodMs: ms(total), movementStartMs: ms(lead), movementEndMs: ms(lead + frames.length) }
}
