/**
 * Compact on-disk form of a PoseFrame sequence: one JSON header plus one number row per frame.
 * Used for the keypoint fixtures in tests/fixtures/poses/ and reusable by the session store.
 *
 * Row layout (all plain numbers, so JSON stays small and diffable):
 *   [timestampMs, x0, y0, score0, x1, y1, score1, ...]            image keypoints, in header.keypoints order
 *   followed, when header.world is true, by [wx0, wy0, wz0, ...]   world landmarks (metres; score = image score)
 *   A frame where no person was found is just [timestampMs].
 */
import { BLAZEPOSE_KEYPOINTS, type KeypointName, type PoseFrame, type WorldLandmark } from './types'

export const COMPACT_POSES_FORMAT = 'revup-poses'
export const COMPACT_POSES_VERSION = 1

/** Rounding: 4 decimals of a normalised coordinate is 0.2 px on a 1920 px frame; 3 decimals of a score is plenty. */
const XY_DECIMALS = 4
const SCORE_DECIMALS = 3
/** 1 mm resolution for world landmarks (metres). */
const WORLD_DECIMALS = 3
/** 0.1 ms keeps 23.976 fps timestamps exact enough to recover frame order and spacing. */
const TIME_DECIMALS = 1

/** What a compact sequence says about where it came from. */
export interface CompactPosesHeader {
  format: typeof COMPACT_POSES_FORMAT
  version: typeof COMPACT_POSES_VERSION
  /** Pose model id, e.g. 'blazepose-full'. */
  model: string
  /** Analysed image size in pixels (after any downscale). */
  width: number
  height: number
  /** Frames per second of the source (frames may still be dropped; timestamps are authoritative). */
  fps: number
  /** Source clip, e.g. 'squat/squat_side_studio_istock_hanshitha.mp4', or a session id. */
  clip: string
  /** Keypoint names in row order (33 for BlazePose, 17 for MoveNet). */
  keypoints: KeypointName[]
  /** True when rows carry world landmarks after the image keypoints. */
  world: boolean
}

export interface CompactPoses {
  header: CompactPosesHeader
  frames: number[][]
}

export type CompactPosesSource = Omit<CompactPosesHeader, 'format' | 'version' | 'keypoints' | 'world'> & {
  /** Keypoint order; defaults to the names found in the first frame with a person, else BlazePose's 33. */
  keypoints?: KeypointName[]
  /** Store world landmarks when frames have them (default true). */
  world?: boolean
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals
  const r = Math.round(value * f) / f
  return Object.is(r, -0) ? 0 : r
}

/** Encodes frames; a keypoint missing from a frame is written as x = y = score = 0. */
export function encodePoses(frames: readonly PoseFrame[], source: CompactPosesSource): CompactPoses {
  const firstWithPerson = frames.find((f) => f.keypoints.length > 0)
  const names = source.keypoints ?? firstWithPerson?.keypoints.map((k) => k.name) ?? [...BLAZEPOSE_KEYPOINTS]
  const world = (source.world ?? true) && frames.some((f) => (f.worldLandmarks?.length ?? 0) > 0)
  const header: CompactPosesHeader = {
    format: COMPACT_POSES_FORMAT,
    version: COMPACT_POSES_VERSION,
    model: source.model,
    width: source.width,
    height: source.height,
    fps: source.fps,
    clip: source.clip,
    keypoints: names,
    world
  }
  const rows = frames.map((frame) => {
    const row = [round(frame.timestampMs, TIME_DECIMALS)]
    if (frame.keypoints.length === 0) return row
    const byName = new Map(frame.keypoints.map((k) => [k.name, k]))
    for (const name of names) {
      const k = byName.get(name)
      row.push(k ? round(k.x, XY_DECIMALS) : 0, k ? round(k.y, XY_DECIMALS) : 0, k ? round(k.score, SCORE_DECIMALS) : 0)
    }
    if (world) {
      const worldByName = new Map((frame.worldLandmarks ?? []).map((w) => [w.name, w]))
      for (const name of names) {
        const w = worldByName.get(name)
        row.push(w ? round(w.x, WORLD_DECIMALS) : 0, w ? round(w.y, WORLD_DECIMALS) : 0, w ? round(w.z, WORLD_DECIMALS) : 0)
      }
    }
    return row
  })
  return { header, frames: rows }
}

const KNOWN_NAMES: ReadonlySet<string> = new Set(BLAZEPOSE_KEYPOINTS)

function fail(what: string): never {
  throw new Error(`Invalid compact poses: ${what}`)
}

function checkHeader(value: unknown): CompactPosesHeader {
  if (typeof value !== 'object' || value === null) fail('header missing; expected an object with format "revup-poses"')
  const h = value as Record<string, unknown>
  if (h.format !== COMPACT_POSES_FORMAT) fail(`format ${JSON.stringify(h.format)}; expected "${COMPACT_POSES_FORMAT}"`)
  if (h.version !== COMPACT_POSES_VERSION) fail(`version ${JSON.stringify(h.version)}; expected ${COMPACT_POSES_VERSION}`)
  for (const key of ['width', 'height', 'fps'] as const) {
    if (typeof h[key] !== 'number' || !(h[key] > 0)) fail(`header.${key} ${JSON.stringify(h[key])}; expected a positive number`)
  }
  if (typeof h.model !== 'string' || typeof h.clip !== 'string') fail('header.model and header.clip must be strings')
  if (!Array.isArray(h.keypoints) || h.keypoints.length === 0) fail('header.keypoints must be a non-empty array of keypoint names')
  const unknown = h.keypoints.filter((n) => typeof n !== 'string' || !KNOWN_NAMES.has(n))
  if (unknown.length > 0) fail(`unknown keypoint names ${JSON.stringify(unknown)}; expected BlazePose names`)
  if (typeof h.world !== 'boolean') fail(`header.world ${JSON.stringify(h.world)}; expected true or false`)
  return h as unknown as CompactPosesHeader
}

/** Decodes and validates; errors name the frame index and what was expected. */
export function decodePoses(data: unknown): { header: CompactPosesHeader; frames: PoseFrame[] } {
  if (typeof data !== 'object' || data === null) fail('expected an object { header, frames }')
  const { header: rawHeader, frames: rawFrames } = data as { header?: unknown; frames?: unknown }
  const header = checkHeader(rawHeader)
  if (!Array.isArray(rawFrames)) fail('frames must be an array of number rows')
  const n = header.keypoints.length
  const fullLength = 1 + n * 3 + (header.world ? n * 3 : 0)
  const frames: PoseFrame[] = rawFrames.map((row: unknown, i: number) => {
    if (!Array.isArray(row) || (row.length !== 1 && row.length !== fullLength)) {
      fail(`frame ${i} has ${Array.isArray(row) ? row.length : typeof row} values; expected 1 or ${fullLength}`)
    }
    if (!row.every((v) => typeof v === 'number' && Number.isFinite(v))) fail(`frame ${i} holds a non-finite or non-number value`)
    const frame: PoseFrame = { timestampMs: row[0], imageWidth: header.width, imageHeight: header.height, keypoints: [] }
    if (row.length === 1) return frame
    frame.keypoints = header.keypoints.map((name, k) => ({ name, x: row[1 + k * 3], y: row[2 + k * 3], score: row[3 + k * 3] }))
    if (header.world) {
      const base = 1 + n * 3
      frame.worldLandmarks = header.keypoints.map((name, k): WorldLandmark => ({
        name, x: row[base + k * 3], y: row[base + k * 3 + 1], z: row[base + k * 3 + 2], score: row[3 + k * 3]
      }))
    }
    return frame
  })
  return { header, frames }
}
