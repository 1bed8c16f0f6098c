/**
 * Mean luminance of each decoded frame (PoseFrame.meanLuminance, 0..1), so the engine can tell "too dark"
 * from "not seen". Kept in its own cache beside the poses (tests/.cache/luma/<clip sha1>-v<N>.json), keyed by
 * the clip alone: brightness does not depend on the pose model, and the pose cache keys stay as they were.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { LUMINANCE_SAMPLE_STEP, meanLuminance } from '../src/pose/lowLight'
import type { PoseFrame } from '../src/shared/pose/types'
import { decodeFrames, type RgbFrame, type VideoInfo } from './video'

/** Bump when the measure changes (weights, sampling), so old sidecars are recomputed. */
const LUMA_VERSION = 1
/** Long side of the small decode used when poses came from the cache (area scaling keeps the mean). */
const LUMA_DECODE_SIDE = 96

/** Mean Rec. 601 luma of an RGB frame's pixel subsample, 0 (black) .. 1 (white): the app's own measure (src/pose/lowLight.ts). */
export function meanLuma(frame: Pick<RgbFrame, 'width' | 'height' | 'data'>, step = LUMINANCE_SAMPLE_STEP): number {
  return meanLuminance({ ...frame, channels: 3 }, step)
}

/** Per-frame values in decode order (frame i at i / fps seconds). */
export interface LumaTrack {
  fps: number
  values: number[]
}

/** Gives each frame the value of the decoded frame at its timestamp (nearest index, clamped). */
export function attachLuminance(frames: readonly PoseFrame[], track: LumaTrack | null): PoseFrame[] {
  if (!track || track.values.length === 0) return [...frames]
  return frames.map((f) => {
    const i = Math.min(track.values.length - 1, Math.max(0, Math.round((f.timestampMs * track.fps) / 1000)))
    return { ...f, meanLuminance: track.values[i] }
  })
}

export function lumaCachePath(cacheDir: string, clipSha1: string): string {
  return join(cacheDir, `${clipSha1}-v${LUMA_VERSION}.json`)
}

export function readLumaTrack(path: string): LumaTrack | null {
  if (!existsSync(path)) return null
  try {
    const t = JSON.parse(readFileSync(path, 'utf8')) as LumaTrack
    return typeof t.fps === 'number' && Array.isArray(t.values) ? t : null
  } catch {
    return null // a corrupt sidecar is measured again
  }
}

export function writeLumaTrack(path: string, track: LumaTrack): void {
  mkdirSync(join(path, '..'), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(track))
  renameSync(tmp, path)
}

/** Measures every frame with a small, fast decode (used when the poses came from the cache). */
export async function measureLumaTrack(info: VideoInfo): Promise<LumaTrack> {
  const values: number[] = []
  for await (const frame of decodeFrames(info, { maxSide: LUMA_DECODE_SIDE })) values.push(meanLuma(frame, 1))
  return { fps: info.fps, values }
}
