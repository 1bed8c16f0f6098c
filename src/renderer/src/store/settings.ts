import type { StateCreator } from 'zustand'
import type { PoseModelId } from '../pose/models'

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
  model: PoseModelId
}

/** Model choices shown in Settings (type-checked against the catalogue without loading model code). */
export const MODEL_LABELS = {
  'blazepose-lite': 'BlazePose Lite (fastest, 33 points)',
  'blazepose-full': 'BlazePose Full (balanced, 33 points)',
  'blazepose-heavy': 'BlazePose Heavy (most accurate, slow)',
  'movenet-lightning': 'MoveNet Lightning (fast, 17 points: no feet)',
  'movenet-thunder': 'MoveNet Thunder (17 points: no feet)'
} as const satisfies Record<PoseModelId, string>

/** Limits for the numeric settings; the UI uses them for its inputs, setSettings clamps to them. */
export const SETTING_LIMITS = {
  cueCooldownSeconds: { min: 2, max: 60 },
  restSeconds: { min: 0, max: 600 }
} as const

export const DEFAULT_SETTINGS: Settings = {
  voice: true,
  repSound: true,
  spokenCounts: false,
  // 8 s: long enough not to nag within one rep, short enough to repeat on the next bad one.
  cueCooldownSeconds: 8,
  restSeconds: null,
  cameraId: null,
  // The live pipeline's default, chosen by benchmark on a 2-core CPU-only machine (live/poseSettings.ts).
  model: 'blazepose-lite'
}

export interface SettingsSlice {
  settings: Settings
  setSettings: (patch: Partial<Settings>) => void
  resetSettings: () => void
}

function clamp(value: number, { min, max }: { min: number; max: number }): number {
  return Math.min(max, Math.max(min, Math.round(value)))
}

/** Applies a patch, keeping numbers inside their limits and ignoring non-numbers. */
export function applySettingsPatch(current: Settings, patch: Partial<Settings>): Settings {
  const next = { ...current, ...patch }
  next.cueCooldownSeconds = Number.isFinite(next.cueCooldownSeconds)
    ? clamp(next.cueCooldownSeconds, SETTING_LIMITS.cueCooldownSeconds)
    : current.cueCooldownSeconds
  if (next.restSeconds !== null) {
    next.restSeconds = Number.isFinite(next.restSeconds) ? clamp(next.restSeconds, SETTING_LIMITS.restSeconds) : current.restSeconds
  }
  if (!(next.model in MODEL_LABELS)) next.model = current.model
  return next
}

export const createSettingsSlice: StateCreator<SettingsSlice, [], [], SettingsSlice> = (set) => ({
  settings: DEFAULT_SETTINGS,
  setSettings: (patch) => set((s) => ({ settings: applySettingsPatch(s.settings, patch) })),
  resetSettings: () => set({ settings: DEFAULT_SETTINGS })
})
