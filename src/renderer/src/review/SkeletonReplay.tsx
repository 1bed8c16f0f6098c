import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { PoseFrame } from '../../../shared/pose/types'
import { formatClock } from './format'
import { framesBetween } from './sessionPoses'
import { drawSkeleton, frameIndexAt } from './skeleton'

/** A stretch of a set to replay: a rep or a hold, ms on the pose-frame clock. */
export interface ReplayClip {
  label: string
  startMs: number
  endMs: number
}

const CANVAS_WIDTH = 480
const CANVAS_HEIGHT = 300

/**
 * Replays the sampled frames of one rep or hold as a stick figure, at real speed, with a scrubber.
 * The play position lives in a ref and is drawn straight to the canvas (60 fps never goes through
 * React state); React only knows whether it is playing.
 */
export function SkeletonReplay({ frames, clip, originMs }: { frames: readonly PoseFrame[]; clip: ReplayClip; originMs: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const scrubberRef = useRef<HTMLInputElement>(null)
  const clockRef = useRef<HTMLSpanElement>(null)
  const positionRef = useRef(clip.startMs)
  const [playing, setPlaying] = useState(false)
  const clipFrames = useMemo(() => framesBetween(frames, clip.startMs, clip.endMs), [frames, clip.startMs, clip.endMs])

  const show = useCallback(
    (tMs: number) => {
      positionRef.current = tMs
      const list = clipFrames
      const ctx = canvasRef.current?.getContext('2d')
      if (ctx) drawSkeleton(ctx, list.length > 0 ? list[frameIndexAt(list, tMs)] : null, CANVAS_WIDTH, CANVAS_HEIGHT)
      if (scrubberRef.current) scrubberRef.current.value = String(tMs)
      if (clockRef.current) clockRef.current.textContent = formatClock(tMs - originMs)
    },
    [clipFrames, originMs]
  )

  // Show the clip's first frame (the parent keys this component by clip, so a new clip starts here, paused).
  useEffect(() => show(clip.startMs), [clip.startMs, show])

  useEffect(() => {
    if (!playing) return
    let raf = 0
    let last = performance.now()
    if (positionRef.current >= clip.endMs) positionRef.current = clip.startMs
    const step = (now: number) => {
      const next = Math.min(clip.endMs, positionRef.current + (now - last))
      last = now
      show(next)
      if (next >= clip.endMs) setPlaying(false)
      else raf = requestAnimationFrame(step)
    }
    raf = requestAnimationFrame(step)
    return () => cancelAnimationFrame(raf)
  }, [playing, clip.startMs, clip.endMs, show])

  const count = clipFrames.length
  return (
    <figure className="review-replay" aria-label={`Replay of ${clip.label}`}>
      <canvas ref={canvasRef} width={CANVAS_WIDTH} height={CANVAS_HEIGHT} data-testid="replay-canvas" />
      <figcaption>
        <button onClick={() => setPlaying((p) => !p)} disabled={count === 0}>{playing ? 'Pause' : 'Play'}</button>
        <input
          ref={scrubberRef}
          type="range"
          aria-label="Replay position"
          data-testid="replay-scrubber"
          min={clip.startMs}
          max={clip.endMs}
          step="any"
          defaultValue={clip.startMs}
          onInput={(e) => {
            setPlaying(false)
            show(Number((e.target as HTMLInputElement).value))
          }}
        />
        <span ref={clockRef} className="review-clock" data-testid="replay-clock" />
        <span className="review-note">
          {clip.label} · {count} frame{count === 1 ? '' : 's'}
        </span>
      </figcaption>
    </figure>
  )
}
