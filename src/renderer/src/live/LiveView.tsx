/**
 * The live view: the video with a skeleton overlay and a readout of frames/s, inference ms,
 * latency, model and backend. Poses arrive at up to 30 fps and are drawn straight onto the canvas
 * from a subscription; React renders this component only when its props change.
 */
import { useEffect, useRef, type RefObject } from 'react'
import type { KeypointName } from '../../../shared/pose/types'
import { drawSkeleton } from './drawSkeleton'
import type { LivePipeline } from './livePipeline'
import { LiveStats } from './liveStats'
import './live.css'

/** How often the text readout refreshes: faster than this is unreadable anyway. */
const READOUT_INTERVAL_MS = 250

export interface LiveViewProps {
  videoRef: RefObject<HTMLVideoElement | null>
  pipeline: LivePipeline | null
  /** Show the picture mirrored (a webcam facing the runner). */
  mirrored?: boolean
  /** Joints involved in an active cue, drawn in the warning colour. */
  highlight?: readonly KeypointName[]
  /** Show the frames/s, inference and backend line under the picture (the Camera check keeps it out of sight). */
  readout?: boolean
}

export function LiveView({ videoRef, pipeline, mirrored = false, highlight = [], readout = true }: LiveViewProps) {
  const rootRef = useRef<HTMLDivElement>(null)
  const stageRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const readoutRef = useRef<HTMLDivElement>(null)
  const highlightRef = useRef<ReadonlySet<KeypointName>>(new Set())

  useEffect(() => {
    highlightRef.current = new Set(highlight)
  }, [highlight])

  useEffect(() => {
    const canvas = canvasRef.current
    const root = rootRef.current
    const ctx = canvas?.getContext('2d')
    if (!pipeline || !canvas || !root || !ctx) return
    const stats = new LiveStats()
    let last: { model: string; backend: string; numTensors: number } | null = null
    const off = pipeline.onPose((result) => {
      const { frame } = result
      if (canvas.width !== frame.imageWidth || canvas.height !== frame.imageHeight) {
        canvas.width = frame.imageWidth
        canvas.height = frame.imageHeight
        stageRef.current?.style.setProperty('aspect-ratio', `${frame.imageWidth} / ${frame.imageHeight}`)
      }
      drawSkeleton(ctx, frame, { highlight: highlightRef.current })
      stats.add(performance.now(), frame.inferenceMs, result.latencyMs, frame.keypoints.length > 0)
      last = { model: result.model, backend: result.backend, numTensors: result.numTensors }
    })
    const timer = window.setInterval(() => {
      const s = stats.snapshot(performance.now())
      // Plain data attributes: e2e tests and diagnostics read these without React.
      root.dataset.poses = String(s.poses)
      root.dataset.withPerson = String(s.withPerson)
      root.dataset.dropped = String(pipeline.droppedFrames)
      if (last) {
        root.dataset.tensors = String(last.numTensors)
        root.dataset.backend = last.backend
        root.dataset.model = last.model
      }
      if (readoutRef.current && last) {
        readoutRef.current.textContent =
          `${s.fps.toFixed(0)} frames/s · inference ${s.inferenceMs?.toFixed(0) ?? '–'} ms · latency ${s.latencyMs?.toFixed(0) ?? '–'} ms · ${last.model} on ${last.backend}`
      }
    }, READOUT_INTERVAL_MS)
    return () => {
      off()
      window.clearInterval(timer)
      ctx.clearRect(0, 0, canvas.width, canvas.height)
    }
  }, [pipeline])

  return (
    <div className="live-view" ref={rootRef} data-testid="live-view" data-poses="0" data-with-person="0">
      <div className={mirrored ? 'live-stage mirrored' : 'live-stage'} ref={stageRef}>
        <video ref={videoRef} muted playsInline />
        <canvas ref={canvasRef} className="live-overlay" data-testid="live-overlay" />
      </div>
      {readout && (
        <div className="live-readout" ref={readoutRef} aria-live="off">
          Waiting for video…
        </div>
      )}
    </div>
  )
}
