/**
 * The perturbations of `npm run eval -- --robust` (issue 9): each kind is one ffmpeg recipe that films
 * the same clip worse, the way a home set-up does, plus how the clip's labels move with it. Pure: the
 * recipe is data (a filter graph and encoder arguments), derived and run by tools/robust.ts.
 *
 * Every recipe first scales the clip to the analyzer's own input size (long side DEFAULT_MAX_SIDE), so
 * noise, blur and compression act at the resolution the model sees, as a webcam's would.
 */
import type { PoseFrame } from '../src/shared/pose/types'
import type { ClipLabel } from './evalScore'
import { DEFAULT_MAX_SIDE, scaledSize } from './video'

export const ROBUST_KINDS = [
  'dark', 'noise', 'compression', '320x180', '15fps',
  'roll+5', 'roll-5', 'roll+10', 'roll-10', 'roll+15', 'roll-15', 'roll+20', 'roll-20',
  'mirrored', 'feet-cropped', 'head-cropped', 'bottoms-paused'
] as const
export type RobustKind = (typeof ROBUST_KINDS)[number]

/** What a home camera produces (issue 9 sets countKept ≥ 0.9 over these). */
export const HOME_CAMERA_KINDS: readonly RobustKind[] = ['dark', 'noise', 'compression', '320x180', '15fps', 'roll+5', 'roll-5', 'roll+10', 'roll-10']

/**
 * Kinds that take part of the body out of the picture, or tilt it past what the engine should correct:
 * the count may legitimately be lost there if the engine says why (the robustness README's "N reps, or a
 * message that ..."). Each names the reasons that explain it.
 */
export const EXPLAINED_BY: Partial<Record<RobustKind, { notJudged?: string[]; camera?: string[] }>> = {
  'feet-cropped': { notJudged: ['out-of-frame', 'joints-hidden'] },
  // BlazePose finds a person by the face: with the head cut off, "nobody found" is what the model truly sees,
  // and its sentence ("step into the picture") still makes the runner fix the framing.
  'head-cropped': { notJudged: ['out-of-frame', 'joints-hidden', 'no-person'] },
  'roll+15': { camera: ['tilted', 'sideways'] },
  'roll-15': { camera: ['tilted', 'sideways'] },
  'roll+20': { camera: ['tilted', 'sideways'] },
  'roll-20': { camera: ['tilted', 'sideways'] }
}

export function parseKinds(list: string): RobustKind[] {
  const kinds = list.split(',').map((k) => k.trim()).filter(Boolean)
  for (const k of kinds) {
    if (!(ROBUST_KINDS as readonly string[]).includes(k)) throw new Error(`Unknown robustness kind "${k}"; expected one of: ${ROBUST_KINDS.join(', ')}`)
  }
  return kinds as RobustKind[]
}

/** "Dim room": the robustness README's dark-room strength (brightness −0.3, gamma 0.6). */
const DARK_FILTER = 'eq=brightness=-0.3:gamma=0.6'
/** Sensor noise of a cheap webcam: temporal, ±16 of 255 per channel (ffmpeg's default fixed seed). */
const NOISE_FILTER = 'noise=alls=16:allf=t'
/** Heavy compression: x264 CRF 38 (18 is visually lossless; a video call at low bandwidth looks like 35–40). */
const HEAVY_CRF = 38
/** Every other recipe re-encodes near-losslessly so only the named change is tested. */
const CLEAN_CRF = 18
/** A webcam stream's small size: long side 320 (320×180 for a 16:9 picture). */
const LOW_RES_SIDE = 320
const LOW_FPS = 15
/** The routine's own squat pause: each labelled rep time frozen this long. */
export const PAUSE_S = 2
/** Where the crop line falls between two joints: 0.6 of knee→ankle cuts the feet and keeps the knees. */
const FEET_CUT_FRACTION = 0.6
/** Half-way from the nose to the shoulders: the head goes, the shoulders stay. */
const HEAD_CUT_FRACTION = 0.5
/** Keypoints below this score are not used to place a crop. */
const MIN_SCORE = 0.5

export interface Recipe {
  kind: RobustKind
  /** ffmpeg -vf graph. */
  filter: string
  /** Output frame rate (the source's unless the kind changes it). */
  fps: number
  crf: number
  /** Labelled times (s, original clock) frozen for PAUSE_S each; empty unless bottoms-paused. */
  pauses: number[]
  /** One line saying what was done, for the report. */
  description: string
}

export interface SourceInfo { width: number; height: number; fps: number }

/**
 * Median position (normalised) of a group of joints over the frames, each frame giving the mean of the
 * group's confidently seen members (a side view often sees only the near ankle).
 */
function medianPoint(frames: readonly PoseFrame[], names: string[]): { x: number; y: number } | null {
  const xs: number[] = []
  const ys: number[] = []
  for (const f of frames) {
    const seen = f.keypoints.filter((k) => names.includes(k.name) && k.score >= MIN_SCORE)
    if (seen.length === 0) continue
    xs.push(seen.reduce((s, k) => s + k.x, 0) / seen.length)
    ys.push(seen.reduce((s, k) => s + k.y, 0) / seen.length)
  }
  if (xs.length === 0) return null
  const med = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]
  return { x: med(xs), y: med(ys) }
}

const even = (v: number): number => Math.max(2, 2 * Math.floor(v / 2))

/**
 * The crop (pixels of a w×h picture) that cuts the body `fraction` of the way from joint group `keep` to
 * joint group `cut` and removes the `cut` side. The cut runs across the image axis the body lies along
 * (`axisFrom` → `axisTo`): rows for a standing body, columns for a lying one. Null when a joint group
 * was never confidently seen.
 */
export function cropAcrossBody(
  frames: readonly PoseFrame[], w: number, h: number,
  keep: string[], cut: string[], fraction: number, axisFrom: string[], axisTo: string[]
): { x: number; y: number; w: number; h: number } | null {
  const a = medianPoint(frames, keep)
  const b = medianPoint(frames, cut)
  const axisA = medianPoint(frames, axisFrom)
  const axisB = medianPoint(frames, axisTo)
  if (!a || !b || !axisA || !axisB) return null
  const vertical = Math.abs(axisB.y - axisA.y) * h >= Math.abs(axisB.x - axisA.x) * w
  if (vertical) {
    const line = even((a.y + fraction * (b.y - a.y)) * h)
    return b.y > a.y ? { x: 0, y: 0, w: even(w), h: Math.max(2, line) } : { x: 0, y: line, w: even(w), h: even(h - line) }
  }
  const line = even((a.x + fraction * (b.x - a.x)) * w)
  return b.x > a.x ? { x: 0, y: 0, w: Math.max(2, line), h: even(h) } : { x: line, y: 0, w: even(w - line), h: even(h) }
}

const HIPS = ['left_hip', 'right_hip']
const KNEES = ['left_knee', 'right_knee']
const ANKLES = ['left_ankle', 'right_ankle']
const SHOULDERS = ['left_shoulder', 'right_shoulder']

/**
 * The recipe for one kind on one clip, or null where it does not apply (no labelled rep to pause at,
 * joints never seen to place a crop). `frames` are the unperturbed clip's poses (to place the crops).
 */
export function recipeFor(kind: RobustKind, source: SourceInfo, label: Pick<ClipLabel, 'reps'>, frames: readonly PoseFrame[]): Recipe | null {
  const base = scaledSize(source.width, source.height, DEFAULT_MAX_SIDE)
  const scale = `scale=${base.width}:${base.height}:flags=area`
  const make = (filter: string, description: string, over: Partial<Recipe> = {}): Recipe => ({
    kind, filter: `${scale},${filter}`, fps: source.fps, crf: CLEAN_CRF, pauses: [], description, ...over
  })
  const roll = /^roll([+-]\d+)$/.exec(kind)
  if (roll) {
    const deg = Number(roll[1])
    // ffmpeg's rotate turns the image clockwise for a positive angle (the engine's sign for roll).
    return make(`rotate=${deg}*PI/180:fillcolor=black`, `rolled ${deg > 0 ? '+' : ''}${deg}° (clockwise +), corners cut`)
  }
  switch (kind) {
    case 'dark':
      return make(DARK_FILTER, 'darker: brightness −0.3, gamma 0.6')
    case 'noise':
      return make(NOISE_FILTER, 'temporal noise ±16/255')
    case 'compression':
      return make('null', `x264 CRF ${HEAVY_CRF}`, { crf: HEAVY_CRF })
    case '320x180': {
      const low = scaledSize(source.width, source.height, LOW_RES_SIDE)
      return make(`scale=${low.width}:${low.height}:flags=area`, `${low.width}×${low.height}`)
    }
    case '15fps':
      return make(`fps=${LOW_FPS}`, `${LOW_FPS} fps`, { fps: LOW_FPS })
    case 'mirrored':
      return make('hflip', 'mirrored left-right')
    case 'feet-cropped': {
      const c = cropAcrossBody(frames, base.width, base.height, KNEES, ANKLES, FEET_CUT_FRACTION, HIPS, ANKLES)
      return c && make(`crop=${c.w}:${c.h}:${c.x}:${c.y}`, `feet cut off (${c.w}×${c.h} of ${base.width}×${base.height})`)
    }
    case 'head-cropped': {
      const c = cropAcrossBody(frames, base.width, base.height, SHOULDERS, ['nose'], HEAD_CUT_FRACTION, HIPS, ['nose'])
      return c && make(`crop=${c.w}:${c.h}:${c.x}:${c.y}`, `head cut off (${c.w}×${c.h} of ${base.width}×${base.height})`)
    }
    case 'bottoms-paused': {
      const pauses = [...new Set(label.reps.map((r) => r.t))].sort((a, b) => a - b)
      if (pauses.length === 0) return null
      const n = Math.round(PAUSE_S * source.fps)
      // loop= repeats frame `start` n more times; applied latest first so earlier frame indices stay valid.
      const loops = [...pauses].reverse().map((t) => `loop=loop=${n}:size=1:start=${Math.round(t * source.fps)}`)
      return make(`${loops.join(',')},setpts=N/(${source.fps})/TB`, `each of ${pauses.length} labelled rep times frozen ${PAUSE_S} s`, { pauses })
    }
    default:
      return null
  }
}

/** Original clock → perturbed clock: every pause before t delays it by PAUSE_S. */
export function shiftTime(t: number, pauses: readonly number[]): number {
  return t + PAUSE_S * pauses.filter((p) => p < t).length
}

/** Perturbed clock → original clock (a time inside a pause maps to the paused moment). */
export function unshiftTime(t: number, pauses: readonly number[]): number {
  let delay = 0
  for (const p of [...pauses].sort((a, b) => a - b)) {
    const startHere = p + delay
    if (t <= startHere) break
    if (t < startHere + PAUSE_S) return p
    delay += PAUSE_S
  }
  return t - delay
}

/** The label as it reads on the perturbed clip (times moved by the pauses; everything else unchanged). */
export function shiftLabel<T extends ClipLabel & { duration_s?: number }>(label: T, pauses: readonly number[]): T {
  if (pauses.length === 0) return label
  const sh = (t: number): number => shiftTime(t, pauses)
  return {
    ...label,
    duration_s: label.duration_s === undefined ? undefined : label.duration_s + PAUSE_S * pauses.length,
    usable: label.usable.map(([a, b]) => [sh(a), sh(b)] as [number, number]),
    reps: label.reps.map((r) => ({ ...r, t: sh(r.t) })),
    holds: label.holds.map((h) => ({ ...h, start: sh(h.start), end: sh(h.end) })),
    faults: label.faults.map((f) => ({ ...f, start: sh(f.start), end: sh(f.end), rep_t: f.rep_t === undefined ? undefined : sh(f.rep_t) }))
  }
}

/** The cache name of a derived clip: kind, a hash of the recipe and the source, and the clip's stem. */
export function derivedName(recipe: Recipe, key: string, clip: string): string {
  const stem = (clip.split('/').pop() ?? clip).replace(/\.[^.]+$/, '')
  return `${recipe.kind}-${key.slice(0, 12)}-${stem}.mp4`
}

/** The ffmpeg arguments that derive a recipe's clip (video only, H.264, yuv420p). */
export function ffmpegArgs(recipe: Recipe, input: string, output: string): string[] {
  return [
    '-nostdin', '-hide_banner', '-loglevel', 'error', '-y', '-i', input, '-map', '0:v:0', '-an', '-vf', recipe.filter,
    '-r', String(recipe.fps), '-c:v', 'libx264', '-preset', 'veryfast', '-crf', String(recipe.crf), '-pix_fmt', 'yuv420p', output
  ]
}
