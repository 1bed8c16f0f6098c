/**
 * The "Camera check" screen: pick a camera or a video file, the model and backend (the same
 * settings the workout uses), and watch the skeleton to check the framing before a workout.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react'
import { CameraSelect } from '../camera/CameraSelect'
import { listCameras, type CameraDevice } from '../camera/webcamSource'
import { VIDEO_FILE_ACCEPT } from '../camera/videoFileSource'
import type { PumpMode } from '../camera/framePump'
import { POSE_MODELS, POSE_MODEL_IDS, type PoseModelId } from '../../../pose/catalogue'
import { BACKEND_NAMES, type BackendChoice } from '../pose/protocol'
import type { PoseClientStatus } from '../pose/poseClient'
import { useAppStore } from '../store'
import { BACKEND_LABELS } from '../store/settings'
import { LiveView } from './LiveView'
import { usePoseSettings } from './usePoseSettings'
import { useLivePipeline } from './useLivePipeline'

function describePose(status: PoseClientStatus | undefined): string {
  if (!status) return ''
  if (status.phase === 'loading') return `Loading ${POSE_MODELS[status.model].displayName}…`
  if (status.phase === 'error') return status.message
  const probes = status.probes.map((p) => (p.ok ? `${p.backend} ${p.msPerFrame!.toFixed(0)} ms` : `${p.backend} not used (${p.error ?? 'failed'})`)).join(', ')
  const threads = status.wasmThreads && status.wasmThreads > 1 ? ` (${status.wasmThreads} threads)` : ''
  return `${POSE_MODELS[status.model].displayName} on ${status.backend}${threads}` + (probes ? ` — measured: ${probes}` : '') + (status.notice ? ` — ${status.notice}` : '')
}

export function LiveScreen() {
  const videoRef = useRef<HTMLVideoElement>(null)
  const settings = usePoseSettings()
  const setSettings = useAppStore((s) => s.setSettings)
  // The same camera choice the workout uses, remembered with the other settings.
  const deviceId = useAppStore((s) => s.settings.cameraId)
  const resolution = useAppStore((s) => s.settings.cameraResolution)
  const camera = { deviceId, resolution }
  const [cameras, setCameras] = useState<CameraDevice[]>([])
  const [fileMode, setFileMode] = useState<PumpMode>('realtime')
  const { pipeline, state } = useLivePipeline(videoRef, settings)

  useEffect(() => {
    listCameras().then(setCameras, () => setCameras([]))
  }, [state?.source])

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    if (file) void pipeline?.openFile(file, fileMode)
    event.target.value = ''
  }

  return (
    <section className="live-screen" aria-labelledby="live-title">
      <h1 id="live-title">Camera check</h1>
      <div className="live-controls">
        <fieldset>
          <legend>Camera</legend>
          <CameraSelect cameras={cameras} />
          <button type="button" onClick={() => void pipeline?.startCamera(camera)} disabled={!pipeline}>
            Start camera
          </button>
        </fieldset>
        <fieldset>
          <legend>Video file</legend>
          <label>
            Playback
            <select value={fileMode} onChange={(e) => setFileMode(e.target.value as PumpMode)}>
              <option value="realtime">Real time</option>
              <option value="fast">Every frame (none skipped)</option>
            </select>
          </label>
          <label>
            Open a video
            <input type="file" accept={VIDEO_FILE_ACCEPT} onChange={onFile} data-testid="video-file-input" disabled={!pipeline} />
          </label>
        </fieldset>
        <fieldset>
          <legend>Pose model</legend>
          <label>
            Model
            <select value={settings.model} onChange={(e) => setSettings({ model: e.target.value as PoseModelId })}>
              {POSE_MODEL_IDS.map((id) => (
                <option key={id} value={id}>{POSE_MODELS[id].displayName}</option>
              ))}
            </select>
          </label>
          <label>
            Backend
            <select value={settings.backend} onChange={(e) => setSettings({ backend: e.target.value as BackendChoice })}>
              {(['auto', ...BACKEND_NAMES] as const).map((b) => (
                <option key={b} value={b}>{BACKEND_LABELS[b]}</option>
              ))}
            </select>
          </label>
        </fieldset>
        {state && state.source !== 'none' && (
          <button type="button" onClick={() => pipeline?.stopSource()}>Stop</button>
        )}
      </div>
      {state?.sourceError && (
        <p className="live-message" role="alert" data-testid="source-error" data-problem={state.sourceProblem ?? ''}>{state.sourceError}</p>
      )}
      {state?.pose.phase === 'error' ? (
        <p className="live-message" role="alert" data-testid="pose-error">{state.pose.message}</p>
      ) : (
        <p className="live-status" data-testid="pose-status" data-phase={state?.pose.phase ?? 'loading'}>{describePose(state?.pose)}</p>
      )}
      {state?.fileEnded && <p className="live-status" data-testid="file-ended">Reached the end of {state.sourceLabel}.</p>}
      <LiveView videoRef={videoRef} pipeline={pipeline} mirrored={state?.mirrored ?? false} />
    </section>
  )
}
