import type { StateCreator } from 'zustand'
import { DEFAULT_POSE_MODEL, isPoseModelId, type PoseModelId } from '../../../pose/catalogue'
import { BACKEND_NAMES, isBackendChoice, type BackendChoice, type BackendName } from '../pose/protocol'
import type { ModelChoiceReason, ModelTiming } from '../pose/modelChoice'
import { DEFAULT_RESOLUTION, isResolution, type ResolutionId } from '../camera/cameraPreference'

/** What the runner chose in Settings; remembered between runs (see index.ts for persistence). */
export interface Settings {
  /** Speak form cues aloud. */
  voice: boolean
  /** A short beep for every counted rep. */
  repSound: boolean
  /** Say the rep number aloud ("three"). */
  spokenCounts: boolean
  /** The same cue is not spoken again within this many seconds. */
  cueCooldownSeconds: number
  /** Rest between sets, seconds; null follows each exercise's prescription. */
  restSeconds: number | null
  /** MediaDeviceInfo.deviceId of the chosen camera; null = the system default. */
  cameraId: string | null
  /** Capture size asked of the camera (the model sees a downscaled copy either way). */
  cameraResolution: ResolutionId
  /** Pose model for the Camera check and the workout alike (with modelChoice 'auto': the measured choice). */
  model: PoseModelId
  /** 'auto' = the model chosen by timing the models on this machine; 'manual' = the runner picked `model`. */
  modelChoice: 'auto' | 'manual'
  /** The last timing of the models on this machine (kept, so it is not re-run at each start); null = never timed. */
  modelMeasurement: ModelMeasurement | null
  /** tfjs backend for pose detection; 'auto' measures the available ones and keeps the fastest. */
  backend: BackendChoice
}

/** What timing the models on this machine found (modelChoice.ts), as kept in settings. */
export interface ModelMeasurement {
  /** When it was measured, ISO 8601. */
  measuredAt: string
  backend: BackendName
  /** Camera frame rate the budget was set for, frames/s. */
  cameraFps: number
  /** Most milliseconds per frame a model could take (camera period less the headroom). */
  budgetMs: number
  timings: ModelTiming[]
  chosen: PoseModelId
  reason: ModelChoiceReason
}

/** True for a stored measurement of the current shape (older or hand-edited storage is dropped). */
export function isModelMeasurement(value: unknown): value is ModelMeasurement {
  if (typeof value !== 'object' || value === null) return false
  const m = value as Partial<ModelMeasurement>
  return typeof m.measuredAt === 'string' && (BACKEND_NAMES as readonly unknown[]).includes(m.backend) &&
    typeof m.cameraFps === 'number' && typeof m.budgetMs === 'number' && isPoseModelId(m.chosen) &&
    (m.reason === 'keeps-up' || m.reason === 'none-keeps-up' || m.reason === 'not-measured') &&
    Array.isArray(m.timings) && m.timings.every((t: Partial<ModelTiming>) => typeof t === 'object' && t !== null && isPoseModelId(t.model) && (t.msPerFrame === undefined || typeof t.msPerFrame === 'number'))
}

/** Model choices shown in Settings (type-checked against the catalogue, which loads no model code). */
export const MODEL_LABELS = {
  'blazepose-lite': 'BlazePose Lite (fastest, 33 points)',
  'blazepose-full': 'BlazePose Full (balanced, 33 points)',
  'blazepose-heavy': 'BlazePose Heavy (most accurate, slow)',
  'movenet-lightning': 'MoveNet Lightning (fast, 17 points: no feet)',
  'movenet-thunder': 'MoveNet Thunder (17 points: no feet)'
} as const satisfies Record<PoseModelId, string>

/** Backend choices shown in Settings and the Camera check. */
export const BACKEND_LABELS = {
  auto: 'Auto (fastest measured)',
  wasm: 'WASM (CPU)',
  webgl: 'WebGL',
  webgpu: 'WebGPU'
} as const satisfies Record<BackendChoice, string>

/** Limits for the numeric settings; the UI uses them for its inputs, setSettings clamps to them. */
export const SETTING_LIMITS = {
  cueCooldownSeconds: { min: 2, max: 60 },
  restSeconds: { min: 0, max: 600 }
} as const

export const DEFAULT_SETTINGS: Settings = {
  voice: true,
  repSound: true,
  // On: a runner on the mat cannot read a count mid-rep (issue 11).
  spokenCounts: true,
  // 8 s: long enough not to nag within one rep, short enough to repeat on the next bad one.
  cueCooldownSeconds: 8,
  restSeconds: null,
  cameraId: null,
  cameraResolution: DEFAULT_RESOLUTION,
  model: DEFAULT_POSE_MODEL,
  // Timed on the runner's machine at first start (settings/modelMeasurement.ts); the default until then.
  modelChoice: 'auto',
  modelMeasurement: null,
  // Measuring beats guessing: the fastest backend differs between machines (GPU or not).
  backend: 'auto'
}

export interface SettingsSlice {
  settings: Settings
  setSettings: (patch: Partial<Settings>) => void
  resetSettings: () => void
}

function clamp(value: number, { min, max }: { min: number; max: number }): number {
  return Math.min(max, Math.max(min, Math.round(value)))
}

/**
 * Applies a patch (from the UI or from storage written by any older build), keeping numbers inside
 * their limits and ignoring non-numbers, unknown models and unknown backends.
 */
export function applySettingsPatch(current: Settings, patch: Partial<Settings>): Settings {
  const next = { ...current, ...patch }
  // Picking a model is an override of the automatic choice.
  if (patch.model !== undefined && patch.modelChoice === undefined && patch.model !== current.model) next.modelChoice = 'manual'
  if (next.modelChoice !== 'auto' && next.modelChoice !== 'manual') next.modelChoice = current.modelChoice
  if (next.modelMeasurement !== null && !isModelMeasurement(next.modelMeasurement)) next.modelMeasurement = current.modelMeasurement
  next.cueCooldownSeconds = Number.isFinite(next.cueCooldownSeconds)
    ? clamp(next.cueCooldownSeconds, SETTING_LIMITS.cueCooldownSeconds)
    : current.cueCooldownSeconds
  if (next.restSeconds !== null) {
    next.restSeconds = Number.isFinite(next.restSeconds) ? clamp(next.restSeconds, SETTING_LIMITS.restSeconds) : current.restSeconds
  }
  if (!isPoseModelId(next.model)) next.model = current.model
  if (!isBackendChoice(next.backend)) next.backend = current.backend
  if (!isResolution(next.cameraResolution)) next.cameraResolution = current.cameraResolution
  if (next.cameraId !== null && (typeof next.cameraId !== 'string' || next.cameraId === '')) next.cameraId = current.cameraId
  if (next.modelChoice === 'auto' && next.modelMeasurement !== null) next.model = next.modelMeasurement.chosen
  return next
}

export const createSettingsSlice: StateCreator<SettingsSlice, [], [], SettingsSlice> = (set) => ({
  settings: DEFAULT_SETTINGS,
  setSettings: (patch) => set((s) => ({ settings: applySettingsPatch(s.settings, patch) })),
  resetSettings: () => set({ settings: DEFAULT_SETTINGS })
})
