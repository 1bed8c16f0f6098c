/**
 * Video input for the Node tools: ffprobe for the stream's size, rate and length; ffmpeg to decode
 * into raw RGB frames streamed from a pipe (one frame in memory at a time).
 */
import { spawn } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

/** What ffprobe says about the first video stream, as displayed (rotation applied). */
export interface VideoInfo {
  path: string
  /** Displayed size in pixels. */
  width: number
  height: number
  /** Frames per second (the stream's average rate). */
  fps: number
  /** Length in seconds. */
  durationSeconds: number
}

/** One decoded frame: tightly packed RGB, 3 bytes per pixel, row-major. */
export interface RgbFrame {
  index: number
  /** Media time of the frame in milliseconds, index / fps (decoding runs at a constant rate). */
  timestampMs: number
  /** Size in pixels after any downscale. */
  width: number
  height: number
  data: Uint8Array
}

export interface DecodeOptions {
  /** Downscale so the long side is at most this many pixels (never upscales). Omit for native size. */
  maxSide?: number
}

/** The analyzer's default cap: pose models take 192-256 px inputs, so 640 px loses nothing and decodes fast. */
export const DEFAULT_MAX_SIDE = 640

interface ProcessResult { code: number | null; stdout: string; stderr: string }

function run(cmd: string, args: string[]): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    child.on('error', (err: NodeJS.ErrnoException) => reject(spawnError(cmd, err)))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

function spawnError(cmd: string, err: NodeJS.ErrnoException): Error {
  return err.code === 'ENOENT'
    ? new Error(`${cmd} was not found on PATH; install ffmpeg (which provides ${cmd}) to analyse videos`)
    : err
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n').map((l) => l.trim()).filter(Boolean)
  return lines[lines.length - 1] ?? 'no message'
}

function assertReadableFile(path: string): void {
  if (!existsSync(path)) throw new Error(`Video not found: ${path}; expected a path to a video file`)
  if (!statSync(path).isFile()) throw new Error(`Not a file: ${path}; expected a path to a video file`)
}

function parseRate(rate: unknown): number {
  if (typeof rate !== 'string') return Number.NaN
  const [num, den] = rate.split('/').map(Number)
  return den ? num / den : num
}

/** Reads size, frame rate and duration; throws a one-line error for a missing or undecodable file. */
export async function probeVideo(path: string): Promise<VideoInfo> {
  assertReadableFile(path)
  const { code, stdout, stderr } = await run('ffprobe', [
    '-v', 'error', '-select_streams', 'v:0',
    '-show_entries', 'stream=width,height,avg_frame_rate,r_frame_rate,duration:stream_side_data=rotation:stream_tags=rotate:format=duration',
    '-of', 'json', path
  ])
  if (code !== 0) throw new Error(`Cannot read video ${path}: ${lastLine(stderr)}`)
  const parsed = JSON.parse(stdout) as {
    streams?: { width?: number; height?: number; avg_frame_rate?: string; r_frame_rate?: string; duration?: string; side_data_list?: { rotation?: number }[]; tags?: { rotate?: string } }[]
    format?: { duration?: string }
  }
  const stream = parsed.streams?.[0]
  if (!stream || !stream.width || !stream.height) throw new Error(`Cannot read video ${path}: no video stream found; expected a file with a video track`)
  const rotation = Number(stream.side_data_list?.find((s) => s.rotation !== undefined)?.rotation ?? stream.tags?.rotate ?? 0)
  const quarterTurn = Math.abs(rotation) % 180 === 90
  let fps = parseRate(stream.avg_frame_rate)
  if (!(fps > 0)) fps = parseRate(stream.r_frame_rate)
  if (!(fps > 0)) throw new Error(`Cannot read video ${path}: no frame rate in the video stream`)
  const durationSeconds = Number(stream.duration ?? parsed.format?.duration)
  return {
    path,
    width: quarterTurn ? stream.height : stream.width,
    height: quarterTurn ? stream.width : stream.height,
    fps,
    durationSeconds: Number.isFinite(durationSeconds) ? durationSeconds : Number.NaN
  }
}

/** Output size for a downscale cap, keeping the aspect ratio and even sides (what ffmpeg scalers like). */
export function scaledSize(width: number, height: number, maxSide?: number): { width: number; height: number } {
  if (maxSide === undefined || Math.max(width, height) <= maxSide) return { width, height }
  if (!(maxSide >= 16)) throw new Error(`maxSide must be at least 16 pixels, got ${maxSide}`)
  const scale = maxSide / Math.max(width, height)
  const even = (v: number): number => Math.max(2, 2 * Math.round((v * scale) / 2))
  return { width: even(width), height: even(height) }
}

/**
 * Decodes every frame as RGB at a constant rate equal to the stream's fps (variable-rate clips get frames
 * duplicated or dropped to that grid, so timestamps line up with the clip's time in seconds).
 * Frames are yielded one at a time straight from ffmpeg's stdout; breaking out of the loop stops ffmpeg.
 */
export async function* decodeFrames(info: VideoInfo, options: DecodeOptions = {}): AsyncGenerator<RgbFrame> {
  const { width, height } = scaledSize(info.width, info.height, options.maxSide)
  const frameBytes = width * height * 3
  const filters = width === info.width && height === info.height ? [] : ['-vf', `scale=${width}:${height}:flags=area`]
  const child = spawn('ffmpeg', [
    '-nostdin', '-v', 'error', '-i', info.path, '-map', '0:v:0', '-an', '-sn',
    ...filters, '-fps_mode', 'cfr', '-r', String(info.fps), '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'
  ], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  let spawnFailure: Error | null = null
  child.on('error', (err: NodeJS.ErrnoException) => { spawnFailure = spawnError('ffmpeg', err) })
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))

  let buffer = Buffer.alloc(frameBytes)
  let filled = 0
  let index = 0
  let finished = false
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let offset = 0
      while (offset < chunk.length) {
        const take = Math.min(frameBytes - filled, chunk.length - offset)
        chunk.copy(buffer, filled, offset, offset + take)
        filled += take
        offset += take
        if (filled === frameBytes) {
          yield { index, timestampMs: (index * 1000) / info.fps, width, height, data: buffer }
          index++
          buffer = Buffer.alloc(frameBytes)
          filled = 0
        }
      }
    }
    const code = await exited
    finished = true
    if (spawnFailure) throw spawnFailure
    if (code !== 0) throw new Error(`Cannot decode video ${info.path}: ${lastLine(stderr)}`)
    if (index === 0) throw new Error(`Cannot decode video ${info.path}: no frames decoded`)
  } finally {
    if (!finished) child.kill('SIGKILL')
  }
}
