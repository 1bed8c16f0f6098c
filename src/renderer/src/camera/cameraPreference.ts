/**
 * The runner's camera choice (device and resolution) and the getUserMedia constraints it asks for.
 * The choice itself is remembered with the other settings (store/settings.ts).
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

export function isResolution(value: unknown): value is ResolutionId {
  return typeof value === 'string' && value in RESOLUTIONS
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
