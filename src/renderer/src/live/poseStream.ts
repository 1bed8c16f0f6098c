/**
 * The app-wide pose stream: whichever screen runs the camera publishes each PoseResult here, and
 * consumers (the form engine on the workout screen) subscribe. 30 fps data stays out of React
 * state: subscribers get a plain callback and keep what they need in refs.
 */
import { useEffect, useRef } from 'react'
import type { PoseResult } from '../pose/poseClient'

type Listener = (result: PoseResult) => void
const listeners = new Set<Listener>()

/** Delivers one result to every subscriber (called by the live pipeline). */
export function publishPose(result: PoseResult): void {
  for (const listener of listeners) listener(result)
}

/** Subscribes to every pose; returns the unsubscribe function. */
export function onPose(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/**
 * React hook: calls `listener` for every pose while the component is mounted. The latest
 * listener is used without re-subscribing, so passing an inline function is fine.
 */
export function usePoseStream(listener: Listener): void {
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => onPose((result) => latest.current(result)), [])
}
