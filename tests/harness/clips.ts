/**
 * Real footage for browser tests and the bench: finds a clip in the shared footage folder and
 * converts a short piece of it with ffmpeg (y4m for Chromium's fake camera, mp4/webm for the file
 * source), cached in tests/.cache/clips. Videos are never committed.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { REPO_ROOT } from './server'

export const FOOTAGE_DIR = process.env.REVUP_FOOTAGE_DIR ?? resolve(REPO_ROOT, '..', 'shared', 'footage')
const CLIP_CACHE = resolve(REPO_ROOT, 'tests', '.cache', 'clips')

/** The bench and e2e clip: side-view squats, whole body in frame, 5 reps in 13 s (labels.json). */
export const DEFAULT_CLIP = 'squat/squat_side_studio_istock_hanshitha.mp4'

export interface ClipOptions {
  /** Path relative to the footage folder. */
  clip?: string
  startS?: number
  durationS?: number
  /** Output width in pixels (height keeps the aspect ratio, rounded to even). */
  width?: number
  fps?: number
  format: 'y4m' | 'mp4' | 'webm'
}

/**
 * Returns why footage is unusable, or null when it is there. Tests skip with this message locally
 * and fail with it in CI (process.env.CI), so a CI run can never pass by skipping.
 */
export function footageProblem(clip = DEFAULT_CLIP): string | null {
  const path = resolve(FOOTAGE_DIR, clip)
  if (!existsSync(path)) return `Footage missing: ${path} (set REVUP_FOOTAGE_DIR to the folder with labels.json).`
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' })
  } catch {
    return 'ffmpeg is not installed; it converts footage for the fake camera.'
  }
  return null
}

/** Converts (once) and returns the absolute path of the converted clip. */
export function prepareClip(options: ClipOptions): string {
  const { clip = DEFAULT_CLIP, startS = 0, durationS = 5, width = 640, fps = 30, format } = options
  const name = `${clip.replace(/[^a-z0-9]+/gi, '_')}_${startS}s_${durationS}s_${width}w_${fps}fps.${format}`
  const out = resolve(CLIP_CACHE, name)
  const source = resolve(FOOTAGE_DIR, clip)
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(source).mtimeMs) return out
  mkdirSync(CLIP_CACHE, { recursive: true })
  const codec = format === 'mp4' ? ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-movflags', '+faststart'] : format === 'webm' ? ['-c:v', 'libvpx', '-b:v', '1M'] : []
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-ss', String(startS), '-t', String(durationS), '-i', source,
    '-vf', `fps=${fps},scale=${width}:-2`, '-pix_fmt', 'yuv420p', '-an', ...codec, out
  ])
  return out
}
