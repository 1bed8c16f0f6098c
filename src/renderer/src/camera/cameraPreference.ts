/**
 * The runner's camera choice (device and resolution), remembered between launches in localStorage.
 */

/** Capture sizes offered in the picker, in pixels (landscape; the camera may swap for portrait). */
export const RESOLUTIONS = {
  '480p': { width: 640, height: 480 },
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 }
} as const
export type ResolutionId = keyof typeof RESOLUTIONS

/** 720p: enough detail for a whole body 2-3 m away, cheap to downscale for the model. */
export const DEFAULT_RESOLUTION: ResolutionId = '720p'

export interface CameraPreference {
  /** MediaDeviceInfo.deviceId, or null for the system default camera. */
  deviceId: string | null
  resolution: ResolutionId
}

const STORAGE_KEY = 'revup.camera'

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>

function isResolution(value: unknown): value is ResolutionId {
  return typeof value === 'string' && value in RESOLUTIONS
}

/** Reads the saved choice; anything missing or malformed falls back to the defaults. */
export function loadCameraPreference(storage: KeyValueStore | null): CameraPreference {
  const fallback: CameraPreference = { deviceId: null, resolution: DEFAULT_RESOLUTION }
  try {
    const raw = storage?.getItem(STORAGE_KEY)
    if (!raw) return fallback
    const parsed = JSON.parse(raw) as Partial<CameraPreference>
    return {
      deviceId: typeof parsed.deviceId === 'string' && parsed.deviceId.length > 0 ? parsed.deviceId : null,
      resolution: isResolution(parsed.resolution) ? parsed.resolution : DEFAULT_RESOLUTION
    }
  } catch {
    return fallback
  }
}

export function saveCameraPreference(storage: KeyValueStore | null, preference: CameraPreference): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(preference))
  } catch {
    // Storage full or disabled: the choice just isn't remembered.
  }
}

/** getUserMedia constraints for a preference: the saved device if present, the size as an ideal. */
export function cameraConstraints(preference: CameraPreference): MediaStreamConstraints {
  const size = RESOLUTIONS[preference.resolution]
  return {
    audio: false,
    video: {
      ...(preference.deviceId ? { deviceId: { exact: preference.deviceId } } : {}),
      width: { ideal: size.width },
      height: { ideal: size.height },
      frameRate: { ideal: 30 }
    }
  }
}
