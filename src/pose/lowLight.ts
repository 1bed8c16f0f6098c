/**
 * Frame light before the pose model: the mean luminance of a frame, and a gamma lift for frames a dim room
 * leaves under-exposed. Shared by the renderer's pose worker (RGBA ImageData) and the Node tools (RGB
 * frames), so the app and the analyzer feed the model the same pixels.
 *
 * Why lift: BlazePose's person detector was trained on well-exposed pictures. In a dim room a webcam's
 * auto-exposure runs out (or a phone clip is graded dark) and the whole body sits in the bottom fifth of the
 * range: the detector loses the person for seconds and the landmark model misplaces knees and hips.
 * Measured on the robustness case dark-room (randy's squat, brightness −0.3, gamma 0.6, mean luminance
 * 0.10): BlazePose Lite counts 6 of 7 reps and calls knees caving on one rep of three; the same frames
 * lifted to a mean of 0.4 give 7 of 7 and caving on exactly reps 1–3. The lift is what a camera's own
 * exposure would have done, applied to the pixels only on their way to the model; the preview is unchanged.
 */

/** Rec. 601 luma weights (R, G, B): the brightness a viewer perceives. */
const LUMA_WEIGHTS = [0.299, 0.587, 0.114] as const

/** Every 4th pixel of every 4th row: ~14k samples of a 640×360 frame, far more than a mean needs. */
export const LUMINANCE_SAMPLE_STEP = 4

/** 3 decimals: the pose codec rounds scores the same way, so a fresh and a cached analysis agree exactly. */
const LUMINANCE_DECIMALS = 3

/**
 * Frames darker than this (mean luma, 0..1) are lifted. A webcam exposes for middle grey, 18 % reflectance,
 * which sRGB encodes at ~0.46; a mean of 0.2 is ~2.5 stops under that, past what auto-exposure leaves on a
 * normally lit room (our 40 clips: 0.11–0.85, the two gym clips filmed in the dark at 0.11 and 0.12).
 */
export const LOW_LIGHT_LUMINANCE = 0.2

/**
 * Frames darker than this are too dark to lift: a mean of 0.035 is ~9 of 255 grey levels, where a webcam at
 * full gain has sensor noise of 2–4 levels and the body differs from the room by a level or two; lifted,
 * the noise becomes texture the model reads as limbs. Measured on the robustness case no-one-visible
 * (mean 0.018 with temporal noise): lifted, BlazePose Lite "found" a squatting body and called knees caving
 * on four clean reps; left alone it finds nobody, and the runner is told the room is too dark. The cases
 * dark-room and dark-take2 (mean 0.058) are lifted and counted right.
 */
export const LIFT_FLOOR_LUMINANCE = 0.035

/** A lifted frame's mean is brought up to here: a little under middle grey, so highlights do not clip. */
export const LIFT_TARGET_LUMINANCE = 0.4

/**
 * The strongest lift (smallest gamma): 0.35 brings a 0.07 mean to 0.4; darker frames just above the floor
 * are lifted less than the target asks (gamma 0.27 for 0.035), so their noise is amplified less.
 */
export const MIN_LIFT_GAMMA = 0.35

/** Pixels as a flat byte array, `channels` bytes per pixel, R G B first (RGB frames or RGBA ImageData). */
export interface FramePixels {
  width: number
  height: number
  data: Uint8Array | Uint8ClampedArray
  /** 3 for RGB, 4 for RGBA (alpha ignored). */
  channels: 3 | 4
}

/**
 * Mean Rec. 601 luma of a pixel subsample, 0 (black) .. 1 (white), rounded to 3 decimals.
 * @param step sample every `step`-th pixel of every `step`-th row (1 = every pixel)
 */
export function meanLuminance(frame: FramePixels, step = LUMINANCE_SAMPLE_STEP): number {
  const { width, height, data, channels } = frame
  let sum = 0
  let n = 0
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const i = (y * width + x) * channels
      sum += LUMA_WEIGHTS[0] * data[i] + LUMA_WEIGHTS[1] * data[i + 1] + LUMA_WEIGHTS[2] * data[i + 2]
      n++
    }
  }
  if (n === 0) return 0
  const f = 10 ** LUMINANCE_DECIMALS
  return Math.round((sum / n / 255) * f) / f
}

/**
 * The gamma that brings a frame of this mean luminance to LIFT_TARGET_LUMINANCE, or null when the frame is
 * bright enough to go to the model as it is, or too dark to lift (under LIFT_FLOOR_LUMINANCE).
 * Gamma on a normalised value v ↦ v^γ with γ < 1 raises the darks most and leaves black and white fixed;
 * since the mean of v^γ is not the mean lifted, the target is approximate (within a few hundredths).
 */
export function liftGamma(meanLuma: number): number | null {
  if (!(meanLuma >= LIFT_FLOOR_LUMINANCE) || meanLuma >= LOW_LIGHT_LUMINANCE) return null
  return Math.max(MIN_LIFT_GAMMA, Math.log(LIFT_TARGET_LUMINANCE) / Math.log(meanLuma))
}

const lutCache = new Map<number, Uint8Array>()

function liftTable(gamma: number): Uint8Array {
  const key = Math.round(gamma * 1000)
  let lut = lutCache.get(key)
  if (!lut) {
    lut = new Uint8Array(256)
    for (let v = 0; v < 256; v++) lut[v] = Math.round(255 * (v / 255) ** (key / 1000))
    if (lutCache.size > 64) lutCache.clear()
    lutCache.set(key, lut)
  }
  return lut
}

/** Applies v ↦ 255·(v/255)^γ to the colour bytes in place (alpha untouched). */
export function applyGamma(frame: FramePixels, gamma: number): void {
  const lut = liftTable(gamma)
  const { data, channels } = frame
  for (let i = 0; i < data.length; i += channels) {
    data[i] = lut[data[i]]
    data[i + 1] = lut[data[i + 1]]
    data[i + 2] = lut[data[i + 2]]
  }
}

/**
 * Measures the frame and lifts it in place when it is under-exposed.
 * @returns the frame's mean luminance as captured (before any lift: it is what "too dark" is judged on)
 *   and the gamma applied, or null when the frame was left as it was.
 */
export function liftLowLight(frame: FramePixels, measured?: number): { meanLuminance: number; gamma: number | null } {
  const mean = measured ?? meanLuminance(frame)
  const gamma = liftGamma(mean)
  if (gamma !== null) applyGamma(frame, gamma)
  return { meanLuminance: mean, gamma }
}
