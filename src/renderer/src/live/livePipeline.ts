/**
 * One live pose pipeline: a source (webcam or video file) playing in a <video>, a frame pump, and
 * the pose worker client. Screens hold one (via useLivePipeline) and read its state snapshot;
 * poses go to subscribers and the app-wide pose stream without touching React state. Owns the
 * camera, the file URL and the worker: dispose().
 */
import { VideoFileSource } from '../camera/videoFileSource'
import { WebcamSource } from '../camera/webcamSource'
import type { CameraError } from '../camera/cameraErrors'
import type { CameraPreference } from '../camera/cameraPreference'
import { FramePump, type PumpMode } from '../camera/framePump'
import { PoseClient, type PoseClientStatus, type PoseResult } from '../pose/poseClient'
import { publishPose } from './poseStream'
import type { PoseSettings } from './poseSettings'

export type SourceKind = 'none' | 'camera' | 'file'

/** What the UI shows; a new object on every change (for useSyncExternalStore). */
export interface LiveState {
  source: SourceKind
  /** Camera label or file name. */
  sourceLabel: string
  /** The camera preview is mirrored (like a mirror); files are shown as recorded. */
  mirrored: boolean
  /** A sentence about the source (no camera, denied, unplugged, undecodable file), or null. */
  sourceError: string | null
  sourceProblem: CameraError['problem'] | 'file' | null
  /** True once a file has played to its end. */
  fileEnded: boolean
  pose: PoseClientStatus
  settings: PoseSettings
}

type PoseListener = (result: PoseResult) => void

export class LivePipeline {
  private client: PoseClient
  private readonly webcam: WebcamSource
  private readonly file: VideoFileSource
  private pump: FramePump | null = null
  private state: LiveState
  private readonly stateListeners = new Set<() => void>()
  private readonly poseListeners = new Set<PoseListener>()
  private unsubscribeClient: () => void = () => undefined
  private readonly onEnded = () => this.update({ fileEnded: this.state.source === 'file' })

  constructor(private readonly video: HTMLVideoElement, settings: PoseSettings) {
    this.webcam = new WebcamSource(video)
    this.file = new VideoFileSource(video)
    this.webcam.onEnded((error) => {
      this.stopSource()
      this.update({ source: 'none', sourceError: error.message, sourceProblem: error.problem })
    })
    video.addEventListener('ended', this.onEnded)
    this.state = { source: 'none', sourceLabel: '', mirrored: false, sourceError: null, sourceProblem: null, fileEnded: false, pose: { phase: 'loading', model: settings.model }, settings }
    this.client = this.createClient(settings)
  }

  getState = (): LiveState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener)
    return () => this.stateListeners.delete(listener)
  }

  /** Every pose from this pipeline (the live view draws from here). */
  onPose(listener: PoseListener): () => void {
    this.poseListeners.add(listener)
    return () => this.poseListeners.delete(listener)
  }

  /** Frames the current worker never saw because a newer one replaced them (the model fell behind). */
  get droppedFrames(): number {
    return this.client.droppedFrames
  }

  /** tf.memory() in the worker, for diagnostics and leak tests. */
  memory() {
    return this.client.memory()
  }

  async startCamera(preference: CameraPreference): Promise<void> {
    this.stopSource()
    this.update({ source: 'none', sourceError: null, sourceProblem: null, fileEnded: false })
    try {
      const info = await this.webcam.start(preference)
      this.update({ source: 'camera', sourceLabel: info.label || 'Camera', mirrored: true })
      this.startPump('realtime', 'capture')
    } catch (err) {
      const error = err as CameraError
      this.update({ source: 'none', sourceError: error.message ?? String(err), sourceProblem: error.problem ?? 'unknown' })
    }
  }

  async openFile(file: File, mode: PumpMode): Promise<void> {
    this.stopSource()
    this.update({ source: 'none', sourceError: null, sourceProblem: null, fileEnded: false })
    try {
      await this.file.open(file)
      this.update({ source: 'file', sourceLabel: file.name, mirrored: false })
      this.startPump(mode, 'media')
      await this.video.play()
    } catch (err) {
      this.file.close()
      this.update({ source: 'none', sourceError: (err as Error).message, sourceProblem: 'file' })
    }
  }

  /** Switches model or backend: a fresh worker, the same source. */
  setSettings(settings: PoseSettings): void {
    if (settings.model === this.state.settings.model && settings.backend === this.state.settings.backend) return
    this.unsubscribeClient()
    this.client.dispose()
    this.update({ settings, pose: { phase: 'loading', model: settings.model } })
    // The running pump reads the current client, so the source keeps playing into the new worker.
    this.client = this.createClient(settings)
    this.pump?.notifyRoom()
  }

  stopSource(): void {
    this.pump?.dispose()
    this.pump = null
    this.webcam.stop()
    this.file.close()
    if (this.state.source !== 'none') this.update({ source: 'none', sourceLabel: '' })
  }

  dispose(): void {
    this.stopSource()
    this.webcam.dispose()
    this.file.dispose()
    this.video.removeEventListener('ended', this.onEnded)
    this.unsubscribeClient()
    this.client.dispose()
    this.stateListeners.clear()
    this.poseListeners.clear()
  }

  private createClient(settings: PoseSettings): PoseClient {
    const client = new PoseClient({ model: settings.model, backend: settings.backend })
    const offPose = client.onPose((result) => {
      this.pump?.notifyRoom()
      for (const listener of this.poseListeners) listener(result)
      publishPose(result)
    })
    const offStatus = client.onStatus((pose) => {
      this.update({ pose })
      this.pump?.notifyRoom()
    })
    this.unsubscribeClient = () => {
      offPose()
      offStatus()
    }
    return client
  }

  private startPump(mode: PumpMode, clock: 'media' | 'capture'): void {
    const client = () => this.client
    // The sink reads the current client, so a model switch keeps the pump.
    this.pump = new FramePump(this.video, {
      submit: (image, timestampMs, capturedAtMs) => client().submit(image, timestampMs, capturedAtMs),
      get saturated() {
        return client().saturated
      },
      get busy() {
        return client().busy
      },
      get loading() {
        return client().status.phase === 'loading'
      }
    }, mode, clock)
    this.pump.start()
  }

  private update(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch }
    for (const listener of this.stateListeners) listener()
  }
}
