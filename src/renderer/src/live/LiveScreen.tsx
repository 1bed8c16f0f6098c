/**
 * The "Camera check" screen: pick a camera or a video file and check the framing before a workout.
 * It says in plain words whether the whole body is in the picture (the engine's visibility reasons,
 * shared/engine/framing.ts), keeps the preview inside the window (1280×720, 1366×768), and keeps the
 * model, backend and timing figures behind "Technical details" (issue 11, item 11).
 */
import { useEffect, useLayoutEffect, useRef, useState, type ChangeEvent, type RefObject } from 'react'
import { steadyFramingVerdict, type FramingVerdict } from '../../../shared/engine/framing'
import type { PoseFrame } from '../../../shared/pose/types'
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

/** Frames the verdict is read over (~0.5 s at 30 fps) and how often it refreshes. */
const VERDICT_FRAMES = 15
const VERDICT_INTERVAL_MS = 250
/** Room kept below the preview: the page's bottom padding and a margin, px. */
const BELOW_PREVIEW_PX = 24
/** The preview never shrinks below this height, px, however small the window. */
const MIN_PREVIEW_PX = 180

/** "Whole body in the picture", or what is missing: from the latest half second of poses. */
function FramingLine({ pipeline }: { pipeline: ReturnType<typeof useLivePipeline>['pipeline'] }) {
  const [verdict, setVerdict] = useState<FramingVerdict | null>(null)
  useEffect(() => {
    if (!pipeline) return
    const recent: PoseFrame[] = []
    const off = pipeline.onPose(({ frame }) => {
      recent.push(frame)
      if (recent.length > VERDICT_FRAMES) recent.shift()
    })
    const timer = window.setInterval(() => {
      const next = steadyFramingVerdict(recent)
      setVerdict((prev) => (prev?.text === next?.text ? prev : next))
    }, VERDICT_INTERVAL_MS)
    return () => {
      off()
      window.clearInterval(timer)
    }
  }, [pipeline])
  if (!verdict) return <p className="framing-verdict" data-testid="framing-verdict" data-ok="unknown">Start the camera to check your framing.</p>
  return (
    <p className="framing-verdict" data-testid="framing-verdict" data-ok={String(verdict.ok)} role="status">
      <span aria-hidden="true">{verdict.ok ? '✓ ' : '✗ '}</span>
      {verdict.text}
    </p>
  )
}

/** Sizes the preview so its bottom stays inside the window: sets --live-room (px) on the live view's box. */
function useFitPreview(box: RefObject<HTMLDivElement | null>): void {
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const fit = () => {
      const top = el.getBoundingClientRect().top + window.scrollY
      el.style.setProperty('--live-room', `${Math.max(MIN_PREVIEW_PX, window.innerHeight - top - BELOW_PREVIEW_PX)}px`)
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(el.parentElement ?? el)
    window.addEventListener('resize', fit)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', fit)
    }
  }, [box])
}

export function LiveScreen() {
  const videoRef = useRef<HTMLVideoElement>(null)
  const previewRef = useRef<HTMLDivElement>(null)
  const settings = usePoseSettings()
  const setSettings = useAppStore((s) => s.setSettings)
  // The same camera choice the workout uses, remembered with the other settings.
  const deviceId = useAppStore((s) => s.settings.cameraId)
  const resolution = useAppStore((s) => s.settings.cameraResolution)
  const camera = { deviceId, resolution }
  const [cameras, setCameras] = useState<CameraDevice[]>([])
  const [fileMode, setFileMode] = useState<PumpMode>('realtime')
  const { pipeline, state } = useLivePipeline(videoRef, settings)
  useFitPreview(previewRef)

  useEffect(() => {
    if (!pipeline) return
    // The preview's shape follows the picture (a portrait phone clip is tall), for the fit above.
    return pipeline.onPose(({ frame }) => {
      if (frame.imageWidth > 0 && frame.imageHeight > 0) previewRef.current?.style.setProperty('--camera-aspect', String(frame.imageWidth / frame.imageHeight))
    })
  }, [pipeline])

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
      <FramingLine pipeline={pipeline} />
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
        {state && state.source !== 'none' && (
          <button type="button" onClick={() => pipeline?.stopSource()}>Stop</button>
        )}
      </div>
      {state?.sourceError && (
        <p className="live-message" role="alert" data-testid="source-error" data-problem={state.sourceProblem ?? ''}>{state.sourceError}</p>
      )}
      {state?.pose.phase === 'error' && (
        <p className="live-message" role="alert" data-testid="pose-error">{state.pose.message}</p>
      )}
      {state?.fileEnded && <p className="live-status" data-testid="file-ended">Reached the end of {state.sourceLabel}.</p>}
      <div className="live-fit" ref={previewRef} data-testid="live-preview">
        <LiveView videoRef={videoRef} pipeline={pipeline} mirrored={state?.mirrored ?? false} readout={false} />
      </div>
      <details className="live-details">
        <summary>Technical details</summary>
        <div className="live-controls">
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
        </div>
        {state?.pose.phase !== 'error' && (
          <p className="live-status" data-testid="pose-status" data-phase={state?.pose.phase ?? 'loading'}>{describePose(state?.pose)}</p>
        )}
      </details>
    </section>
  )
}
