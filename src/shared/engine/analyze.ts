/**
 * Offline analysis of a whole keypoint sequence (a recorded video or a saved session): runs the
 * same engine as the live view and summarises its events. Times in the result are SECONDS on the
 * frame clock (PoseFrame.timestampMs / 1000), i.e. video time for a video.
 */
import type { ExerciseOptions } from '../exercises/types'
import type { PoseFrame } from '../pose/types'
import { createEngine, type EngineOptions } from './engine'
import type { EngineEvent, ExerciseId, Side } from './events'

export interface AnalysedRep {
  /** Seconds. */
  start: number
  bottom: number
  end: number
  side: Side | null
  /** Cue ids raised for this rep. */
  cues: string[]
}

export interface AnalysedHold {
  /** Seconds. */
  start: number
  end: number
  side: Side | null
  goodFormSeconds: number
}

export interface AnalysisResult {
  exercise: ExerciseId
  repCount: number
  reps: AnalysedRep[]
  holds: AnalysedHold[]
  /** Every raised cue, t in seconds. */
  cues: { t: number; id: string }[]
  events: EngineEvent[]
}

export function analyzeFrames(exercise: ExerciseId, frames: PoseFrame[], options: EngineOptions & ExerciseOptions = {}): AnalysisResult {
  const engine = createEngine(exercise, options)
  const events: EngineEvent[] = []
  for (const frame of frames) events.push(...engine.push(frame))
  events.push(...engine.finish())
  return summarise(exercise, events)
}

/** Builds the result from an event stream (also used for saved sessions). */
export function summarise(exercise: ExerciseId, events: EngineEvent[]): AnalysisResult {
  const reps: AnalysedRep[] = []
  const holds: AnalysedHold[] = []
  const cues: { t: number; id: string }[] = []
  let open: { start: number; side: Side | null } | null = null
  for (const e of events) {
    if (e.type === 'rep') {
      reps.push({ start: e.startMs / 1000, bottom: e.bottomMs / 1000, end: e.endMs / 1000, side: e.side, cues: e.cues })
    } else if (e.type === 'cue' && e.phase === 'raised') {
      cues.push({ t: e.t / 1000, id: e.id })
    } else if (e.type === 'hold') {
      if (e.phase === 'started') open = { start: e.t / 1000, side: e.side }
      if (e.phase === 'ended' && open) {
        holds.push({ start: open.start, end: e.t / 1000, side: open.side, goodFormSeconds: e.goodFormMs / 1000 })
        open = null
      }
    }
  }
  return { exercise, repCount: reps.length, reps, holds, cues, events }
}
