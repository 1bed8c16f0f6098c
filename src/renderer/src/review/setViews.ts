/**
 * What the session detail shows per set: the parts (sides) of one exercise's set number with their
 * reps, holds, cues, engine events and sampled frames. Pure: built from the session record.
 */
import type { EngineEvent, ExerciseId } from '../../../shared/engine/events'
import type { PoseFrame } from '../../../shared/pose/types'
import type { HoldRecord, JournalEntry, RepRecord, SessionRecord, SetSummary } from '../../../shared/session/types'
import { setKey, type SessionPoses } from './sessionPoses'

export interface SetView {
  key: string
  exercise: ExerciseId
  setIndex: number
  /** The set's parts (one, or one per side / direction), in the order done. */
  parts: SetSummary[]
  reps: RepRecord[]
  holds: HoldRecord[]
  /** Engine events of the set, in time order (pose-frame clock). */
  events: EngineEvent[]
  /** Sampled pose frames of the set, in time order. */
  frames: PoseFrame[]
  /** Time zero for display, ms on the pose-frame clock: 0 for a video (video time), else the set's first moment. */
  originMs: number
}

/** The earliest pose-clock time the set mentions, ms. */
function firstMoment(frames: readonly PoseFrame[], events: readonly EngineEvent[], reps: readonly RepRecord[], holds: readonly HoldRecord[]): number {
  const times = [
    ...frames.slice(0, 1).map((f) => f.timestampMs),
    ...events.map((e) => e.t),
    ...reps.map((r) => r.startMs),
    ...holds.map((h) => h.startMs)
  ]
  return times.length > 0 ? Math.min(...times) : 0
}

/** Splits a session into set views, in the order the sets were started. */
export function buildSetViews(record: SessionRecord, poses: SessionPoses): SetView[] {
  const events = new Map<string, EngineEvent[]>()
  for (const entry of record.entries as JournalEntry[]) {
    if (entry.kind !== 'engine') continue
    const key = setKey(entry.exercise, entry.setIndex)
    events.set(key, [...(events.get(key) ?? []), entry.event])
  }
  const fromVideo = record.file.info.source === 'video'
  const views = new Map<string, SetView>()
  for (const part of record.file.summary.sets) {
    const key = setKey(part.exercise, part.setIndex)
    const view = views.get(key)
    if (view) {
      view.parts.push(part)
      view.reps.push(...part.reps)
      view.holds.push(...part.holds)
      continue
    }
    views.set(key, {
      key,
      exercise: part.exercise,
      setIndex: part.setIndex,
      parts: [part],
      reps: [...part.reps],
      holds: [...part.holds],
      events: [...(events.get(key) ?? [])].sort((a, b) => a.t - b.t),
      frames: poses.bySet.get(key) ?? [],
      originMs: 0
    })
  }
  for (const view of views.values()) {
    view.reps.sort((a, b) => a.startMs - b.startMs)
    view.originMs = fromVideo ? 0 : firstMoment(view.frames, view.events, view.reps, view.holds)
  }
  return [...views.values()]
}
