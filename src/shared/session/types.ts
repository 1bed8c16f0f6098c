/**
 * What a workout session looks like on disk and across IPC. Plain data only.
 *
 * Times: `at` fields are wall-clock milliseconds since the Unix epoch (Date.now() in the renderer);
 * `*Ms` fields inside engine events and rep/hold records are on the pose-frame clock
 * (PoseFrame.timestampMs, milliseconds); ISO strings are UTC.
 *
 * A session folder holds two files, each carrying `schemaVersion`:
 *   journal.jsonl  header line, then one JournalEntry per line, appended while the session runs;
 *   summary.json   written once, atomically, when the session finishes or is recovered.
 */
import type { EngineEvent, ExerciseId, Side } from '../engine/events'
import type { BandColour } from '../exercises/types'
import type { CompactPoseFrame } from './poseEntry'

/** The schema version this build writes. Older files are migrated on read (migrate.ts). */
export const SESSION_SCHEMA_VERSION = 2

/**
 * Session ids are made by main only: "s-YYYYMMDD-HHMMSS-xxxxxx" (UTC time + 6 random base-36 chars).
 * Anything else is rejected before it gets near a file path.
 */
export const SESSION_ID_PATTERN = /^s-\d{8}-\d{6}-[a-z0-9]{6}$/
export type SessionId = string

/** What the renderer tells main when a session starts. */
export interface SessionStartInfo {
  /** What the runner is doing, e.g. "Full routine" or "Squat only"; shown in lists. */
  title: string
  /** Where frames come from: the webcam, or a video file the runner opened. */
  source: 'camera' | 'video'
  /** Pose model id used, e.g. 'blazepose-full'. */
  model?: string
  /** Base name of the video file when source is 'video' (display only, never used as a path). */
  videoName?: string
  /**
   * The workout's plan as the runner set it on Home, in the order it runs, so an interrupted workout
   * can be resumed at its place in the plan. Absent for video analysis and for sessions saved before it.
   */
  plan?: PlannedStep[]
}

/** One exercise of a session's plan: enough to rebuild the plan step (workout/plan.ts planStep). */
export interface PlannedStep {
  exercise: ExerciseId
  sets: number
  /** Reps per set part (per leg / side / direction), or null for a hold. */
  reps: number | null
  /** Target hold per set part, seconds, or null for reps only. */
  holdSeconds: number | null
  /** Rest between sets, seconds. */
  restSeconds: number
  variant?: string
  bandColour?: BandColour
}

/** First line of journal.jsonl. */
export interface JournalHeader {
  kind: 'header'
  schemaVersion: number
  id: SessionId
  /** ISO time the session started. */
  startedAt: string
  info: SessionStartInfo
}

/** Why a set ended. */
export type SetEndReason = 'completed' | 'skipped' | 'stopped'

/** What the routine asked of a set: reps (per side when the set has a side) or a hold in seconds. */
export interface SetTarget {
  reps?: number
  holdSeconds?: number
}

/** Every entry names its exercise and 1-based set number, so one line is understood alone. */
export type JournalEntry =
  | {
      kind: 'set-start'
      at: number
      exercise: ExerciseId
      setIndex: number
      side: Side | null
      target: SetTarget
      variant?: string
      bandColour?: BandColour
    }
  | { kind: 'set-end'; at: number; exercise: ExerciseId; setIndex: number; side: Side | null; reason: SetEndReason }
  | { kind: 'engine'; at: number; exercise: ExerciseId; setIndex: number; event: EngineEvent }
  /** A sampled pose frame (~15 fps), compact encoding from src/shared/pose/compact.ts. */
  | { kind: 'pose'; at: number; exercise: ExerciseId; setIndex: number; frame: CompactPoseFrame }
  /** Something the runner said about the session: effort 1–10 (RPE), free text. */
  | { kind: 'note'; at: number; text: string; effort?: number }

export type JournalEntryKind = JournalEntry['kind']

/** How often a form warning (cue id from engine/cues.ts) was raised. */
export interface WarningCount {
  id: string
  count: number
}

/** One counted rep. Times on the pose-frame clock, milliseconds; angles in degrees. */
export interface RepRecord {
  exercise: ExerciseId
  setIndex: number
  side: Side | null
  startMs: number
  bottomMs: number
  endMs: number
  durationMs: number
  depthDeg: number | null
  rangeDeg: number | null
  /** Cue ids the engine attached to this rep (form faults seen during it). */
  cues: string[]
  variant?: Record<string, string | number | boolean>
}

/** One timed hold. Times on the pose-frame clock, milliseconds. */
export interface HoldRecord {
  exercise: ExerciseId
  setIndex: number
  side: Side | null
  startMs: number
  /** Null when the session ended (or crashed) before the hold ended. */
  endMs: number | null
  /** Time held with good form, milliseconds. */
  goodFormMs: number
  /** Times the hold paused for a form fault or lost visibility. */
  pauses: number
}

export interface SetSummary {
  exercise: ExerciseId
  setIndex: number
  side: Side | null
  /** Wall-clock epoch ms; null when the set-start/set-end line is missing (e.g. lost in a crash). */
  startedAt: number | null
  endedAt: number | null
  endReason: SetEndReason | 'unfinished'
  target: SetTarget
  variant?: string
  bandColour?: BandColour
  repCount: number
  /** Good-form hold time over the set, seconds. */
  holdSeconds: number
  reps: RepRecord[]
  holds: HoldRecord[]
  warnings: WarningCount[]
}

export interface ExerciseSummary {
  exercise: ExerciseId
  setCount: number
  repCount: number
  holdSeconds: number
  warnings: WarningCount[]
}

export interface SessionNote {
  at: number
  text: string
  effort?: number
}

/** Everything the review screen needs, computed from the journal (summary.ts). */
export interface SessionSummary {
  /** From the first to the last journal entry (or the finish time), seconds. */
  durationSeconds: number
  repCount: number
  holdSeconds: number
  /** In the order first done. */
  exercises: ExerciseSummary[]
  /** In the order started. */
  sets: SetSummary[]
  warnings: WarningCount[]
  notes: SessionNote[]
}

/** 'recovered': the app stopped before the session was finished; rebuilt from the journal on the next start. */
export type SessionStatus = 'complete' | 'recovered'

/** summary.json. */
export interface SessionSummaryFile {
  schemaVersion: number
  id: SessionId
  startedAt: string
  endedAt: string
  status: SessionStatus
  info: SessionStartInfo
  summary: SessionSummary
  /** Present when status is 'recovered'. */
  recovery?: { droppedPartialLine: boolean; entryCount: number }
}

/** One row of the sessions list. Damaged sessions are listed with the reason, never hidden. */
export type SessionListItem =
  | {
      state: SessionStatus
      id: SessionId
      startedAt: string
      endedAt: string
      title: string
      exercises: ExerciseId[]
      repCount: number
      holdSeconds: number
      warningCount: number
    }
  | { state: 'active'; id: SessionId; startedAt: string; title: string }
  | { state: 'damaged'; id: SessionId; reason: string }

/**
 * A finished, recovered or still running session with its journal entries (pose entries only when asked
 * for). A running session ('in-progress') is summarised from what is on disk so far, ending at its last entry.
 */
export interface SessionRecord {
  file: Omit<SessionSummaryFile, 'status'> & { status: SessionStatus | 'in-progress' }
  entries: JournalEntry[]
  /** Set when summary.json is fine but the journal could not be read; entries is then empty. */
  journalProblem?: string
}
