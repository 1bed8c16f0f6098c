/**
 * The sampled pose frames of a session, grouped by set, decoded from the journal's pose entries:
 * one frame per entry in the journal's compact form ({ w, h, r }, src/shared/session/poseEntry.ts),
 * or, from builds before that form, a one-row `{ header, frames }` of the compact codec. Anything
 * else is counted, not guessed.
 */
import type { ExerciseId } from '../../../shared/engine/events'
import { decodePoses } from '../../../shared/pose/compact'
import type { PoseFrame } from '../../../shared/pose/types'
import { compactPoseFrameSchema, decodeJournalPose } from '../../../shared/session/poseEntry'
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

/** Decodes one stored pose entry into frames; throws naming what was wrong. */
export function decodePoseEntry(value: unknown): PoseFrame[] {
  const journal = compactPoseFrameSchema.safeParse(value)
  if (journal.success) return [decodeJournalPose(journal.data)]
  if (typeof value === 'object' && value !== null && 'header' in value && 'frames' in value) return decodePoses(value).frames
  throw new Error('expected a journal pose { w, h, r } or the compact codec\'s { header, frames }')
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
