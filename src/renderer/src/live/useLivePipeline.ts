/**
 * React glue for LivePipeline: creates it for a <video> element, disposes it on unmount, passes
 * settings changes on, and re-renders only when its state snapshot changes (never per frame).
 */
import { useEffect, useState, useSyncExternalStore, type RefObject } from 'react'
import { LivePipeline, type LiveState } from './livePipeline'
import type { PoseSettings } from './poseSettings'

const noop = () => () => undefined

export function useLivePipeline(videoRef: RefObject<HTMLVideoElement | null>, settings: PoseSettings): { pipeline: LivePipeline | null; state: LiveState | null } {
  const [pipeline, setPipeline] = useState<LivePipeline | null>(null)

  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    const created = new LivePipeline(video, settings)
    setPipeline(created)
    return () => {
      created.dispose()
      setPipeline(null)
    }
    // Settings changes go through setSettings below; the pipeline lives as long as the video.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [videoRef])

  useEffect(() => {
    pipeline?.setSettings(settings)
  }, [pipeline, settings])

  const state = useSyncExternalStore(pipeline?.subscribe ?? noop, pipeline?.getState ?? (() => null))
  return { pipeline, state }
}
