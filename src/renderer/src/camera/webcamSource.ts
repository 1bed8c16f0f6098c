/**
 * The webcam as a frame source: opens a camera into a <video> element, lists cameras, and reports
 * a camera that stops mid-use (unplugged: the track 'ended'). Owns the MediaStream: dispose().
 */
import { cameraError, describeCameraError, type CameraError } from './cameraErrors'
import { cameraConstraints, type CameraPreference } from './cameraPreference'

export interface CameraDevice {
  deviceId: string
  /** Empty until the user has granted camera permission once. */
  label: string
}

/** Cameras the system reports (labels appear only after permission was granted). */
export async function listCameras(): Promise<CameraDevice[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return []
  const devices = await navigator.mediaDevices.enumerateDevices()
  return devices
    .filter((d) => d.kind === 'videoinput')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }))
}

export class WebcamSource {
  private stream: MediaStream | null = null
  private endedListener: ((error: CameraError) => void) | null = null

  constructor(private readonly video: HTMLVideoElement) {}

  /**
   * Starts the camera and plays it in the video element. Rejects with a CameraError (problem +
   * sentence) when there is no camera, permission is denied, or the camera is busy.
   */
  async start(preference: CameraPreference): Promise<{ width: number; height: number; label: string }> {
    this.stop()
    if (!navigator.mediaDevices?.getUserMedia) throw cameraError('unsupported')
    let stream: MediaStream
    try {
      stream = await navigator.mediaDevices.getUserMedia(cameraConstraints(preference))
    } catch (err) {
      throw describeCameraError(err)
    }
    this.stream = stream
    const track = stream.getVideoTracks()[0]
    track?.addEventListener('ended', () => {
      if (this.stream === stream) this.endedListener?.(cameraError('unplugged'))
    })
    this.video.srcObject = stream
    this.video.muted = true
    this.video.playsInline = true
    await this.video.play()
    const settings = track?.getSettings() ?? {}
    return { width: settings.width ?? this.video.videoWidth, height: settings.height ?? this.video.videoHeight, label: track?.label ?? '' }
  }

  /** Called once if the camera stops mid-use. */
  onEnded(listener: (error: CameraError) => void): void {
    this.endedListener = listener
  }

  /** The id of the running camera (to remember it), or null. */
  get deviceId(): string | null {
    return this.stream?.getVideoTracks()[0]?.getSettings().deviceId ?? null
  }

  stop(): void {
    this.stream?.getTracks().forEach((t) => t.stop())
    this.stream = null
    if (this.video.srcObject) this.video.srcObject = null
  }

  dispose(): void {
    this.endedListener = null
    this.stop()
  }
}
