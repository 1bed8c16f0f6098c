/**
 * Turns camera and video failures into sentences a runner can act on. getUserMedia rejects with
 * DOMExceptions whose names differ a little between browsers; all the known ones map here.
 */

export type CameraProblem = 'unsupported' | 'no-camera' | 'denied' | 'in-use' | 'resolution' | 'unplugged' | 'unknown'

export interface CameraError {
  problem: CameraProblem
  /** What went wrong and what to do, for the user. */
  message: string
}

const BY_NAME: Readonly<Record<string, CameraProblem>> = {
  NotFoundError: 'no-camera',
  DevicesNotFoundError: 'no-camera',
  NotAllowedError: 'denied',
  PermissionDeniedError: 'denied',
  SecurityError: 'denied',
  NotReadableError: 'in-use',
  TrackStartError: 'in-use',
  AbortError: 'in-use',
  OverconstrainedError: 'resolution',
  ConstraintNotSatisfiedError: 'resolution'
}

const MESSAGES: Readonly<Record<CameraProblem, string>> = {
  unsupported: 'Camera access is not available in this window. You can still open a video file.',
  'no-camera': 'No camera was found. Plug in a webcam and press Start, or open a video file instead.',
  denied: 'Camera permission was denied. Allow camera access for RevUp in your system or browser settings, then press Start.',
  'in-use': 'The camera could not be started; another app may be using it. Close that app and press Start.',
  resolution: 'The camera does not support the chosen resolution. Pick a lower resolution and press Start.',
  unplugged: 'The camera stopped sending video (unplugged or taken by another app). Reconnect it and press Start.',
  unknown: 'The camera could not be started.'
}

/** Classifies a getUserMedia / enumerateDevices failure. */
export function describeCameraError(err: unknown): CameraError {
  const name = typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : ''
  const problem = BY_NAME[name] ?? 'unknown'
  const detail = problem === 'unknown' && err instanceof Error && err.message ? ` (${err.message})` : ''
  return { problem, message: MESSAGES[problem] + detail }
}

/** The error for a problem we detect ourselves (no mediaDevices, a track that ended). */
export function cameraError(problem: CameraProblem): CameraError {
  return { problem, message: MESSAGES[problem] }
}

/** HTMLMediaElement error codes (MediaError.code) to the reason a video file will not play. */
const MEDIA_ERROR_REASONS: Readonly<Record<number, string>> = {
  1: 'loading was aborted',
  2: 'it could not be read',
  3: 'it is damaged or uses an encoding this app cannot decode',
  4: 'its format is not supported (use MP4 with H.264, WebM or MOV)'
}

/** A sentence for a video file that will not decode, naming the file. */
export function describeVideoError(fileName: string, code: number | undefined): string {
  const reason = (code !== undefined && MEDIA_ERROR_REASONS[code]) || 'it could not be decoded'
  return `Could not play "${fileName}": ${reason}. Try another file, or convert it to MP4 (H.264).`
}
