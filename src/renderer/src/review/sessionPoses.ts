/**
 * The sampled pose frames of a session, grouped by set, decoded from the journal's pose entries.
 * Entries hold one frame each in the compact codec's form (src/shared/pose/compact.ts), either as a
 * one-row `{ header, frames }` or as a plain PoseFrame object; anything else is counted, not guessed.
 */
import type { ExerciseId } from '../../../shared/engine/events'
import { decodePoses } from '../../../shared/pose/compact'
import { BLAZEPOSE_KEYPOINTS, type PoseFrame } from '../../../shared/pose/types'
import type { JournalEntry } from '../../../shared/session/types'

/** Key of one set: exercise and 1-based set number. */
export function setKey(exercise: ExerciseId, setIndex: number): string {
  return `${exercise}#${setIndex}`
}

export interface SessionPoses {
  /** Frames per setKey, in time order. */
  bySet: Map<string, PoseFrame[]>
  /** Pose entries that could not be read (shown, so a gap in the replay is explained). */
  unreadable: number
}

const KNOWN: ReadonlySet<string> = new Set(BLAZEPOSE_KEYPOINTS)

/** Decodes one stored pose entry into frames; throws naming what was wrong. */
export function decodePoseEntry(value: Record<string, unknown>): PoseFrame[] {
  if ('header' in value && 'frames' in value) return decodePoses(value).frames
  const { timestampMs, imageWidth, imageHeight, keypoints } = value
  if (typeof timestampMs !== 'number' || typeof imageWidth !== 'number' || typeof imageHeight !== 'number' || !Array.isArray(keypoints)) {
    throw new Error('expected { header, frames } from the compact codec or a PoseFrame { timestampMs, imageWidth, imageHeight, keypoints }')
  }
  const ok = keypoints.every(
    (k) => typeof k === 'object' && k !== null && KNOWN.has(k.name) && [k.x, k.y, k.score].every((n) => typeof n === 'number')
  )
  if (!ok) throw new Error('keypoints must be { name, x, y, score } with BlazePose names')
  return [{ timestampMs, imageWidth, imageHeight, keypoints }]
}

/** Groups and decodes every pose entry of a journal. */
export function sessionPoses(entries: readonly JournalEntry[]): SessionPoses {
  const bySet = new Map<string, PoseFrame[]>()
  let unreadable = 0
  for (const entry of entries) {
    if (entry.kind !== 'pose') continue
    let frames: PoseFrame[]
    try {
      frames = decodePoseEntry(entry.frame)
    } catch {
      unreadable++
      continue
    }
    const key = setKey(entry.exercise, entry.setIndex)
    const list = bySet.get(key) ?? []
    list.push(...frames)
    bySet.set(key, list)
  }
  for (const list of bySet.values()) list.sort((a, b) => a.timestampMs - b.timestampMs)
  return { bySet, unreadable }
}

/** The frames between two times (ms on the pose-frame clock), inclusive. */
export function framesBetween(frames: readonly PoseFrame[], startMs: number, endMs: number): PoseFrame[] {
  return frames.filter((f) => f.timestampMs >= startMs && f.timestampMs <= endMs)
}
