/**
 * Session summary from journal entries: reps and holds per set, per exercise and overall, and how
 * often each form warning was raised. Pure: the same entries always give the same summary, so a
 * recovered session is summarised exactly like a finished one.
 */
import type { EngineEvent, ExerciseId, Side } from '../engine/events'
import type {
  ExerciseSummary,
  HoldRecord,
  JournalEntry,
  SessionSummary,
  SetSummary,
  WarningCount
} from './types'

type HoldEvent = Extract<EngineEvent, { type: 'hold' }>

interface OpenSet {
  summary: SetSummary
  warnings: Map<string, number>
  openHold: HoldRecord | null
}

/**
 * @param entries journal entries in the order written (pose entries are ignored)
 * @param endedAt wall-clock epoch ms the session finished, if known; otherwise the last entry's time
 */
export function computeSummary(entries: readonly JournalEntry[], endedAt?: number): SessionSummary {
  const sets: OpenSet[] = []
  const notes: SessionSummary['notes'] = []
  let firstAt = Number.POSITIVE_INFINITY
  let lastAt = Number.NEGATIVE_INFINITY

  for (const entry of entries) {
    firstAt = Math.min(firstAt, entry.at)
    lastAt = Math.max(lastAt, entry.at)
    switch (entry.kind) {
      case 'set-start':
        sets.push(newSet(entry.exercise, entry.setIndex, entry.side, entry.at, entry))
        break
      case 'set-end': {
        const set = findSet(sets, entry.exercise, entry.setIndex, entry.side)
        set.summary.endedAt = entry.at
        set.summary.endReason = entry.reason
        set.openHold = null
        break
      }
      case 'engine':
        applyEvent(findSet(sets, entry.exercise, entry.setIndex, undefined), entry.event)
        break
      case 'note':
        notes.push(entry.effort === undefined ? { at: entry.at, text: entry.text } : { at: entry.at, text: entry.text, effort: entry.effort })
        break
      case 'pose':
        break
    }
  }

  const setSummaries = sets.map(closeSet)
  const end = endedAt ?? lastAt
  const durationMs = Number.isFinite(firstAt) ? Math.max(0, Math.max(end, lastAt) - firstAt) : 0
  return {
    durationSeconds: round3(durationMs / 1000),
    repCount: sum(setSummaries.map((s) => s.repCount)),
    holdSeconds: round3(sum(setSummaries.map((s) => s.holdSeconds))),
    exercises: summariseExercises(setSummaries),
    sets: setSummaries,
    warnings: mergeWarnings(setSummaries.map((s) => s.warnings)),
    notes
  }
}

function newSet(
  exercise: ExerciseId,
  setIndex: number,
  side: Side | null,
  startedAt: number | null,
  start?: Extract<JournalEntry, { kind: 'set-start' }>
): OpenSet {
  const summary: SetSummary = {
    exercise,
    setIndex,
    side,
    startedAt,
    endedAt: null,
    endReason: 'unfinished',
    target: start?.target ?? {},
    repCount: 0,
    holdSeconds: 0,
    reps: [],
    holds: [],
    warnings: []
  }
  if (start?.variant !== undefined) summary.variant = start.variant
  if (start?.bandColour !== undefined) summary.bandColour = start.bandColour
  return { summary, warnings: new Map(), openHold: null }
}

/** The latest set with this exercise and number (and side, when given); made up if its start line was lost. */
function findSet(sets: OpenSet[], exercise: ExerciseId, setIndex: number, side: Side | null | undefined): OpenSet {
  for (let i = sets.length - 1; i >= 0; i--) {
    const s = sets[i].summary
    if (s.exercise === exercise && s.setIndex === setIndex && (side === undefined || s.side === side)) return sets[i]
  }
  const made = newSet(exercise, setIndex, side ?? null, null)
  sets.push(made)
  return made
}

function applyEvent(set: OpenSet, event: EngineEvent): void {
  switch (event.type) {
    case 'rep': {
      const rep = {
        exercise: set.summary.exercise,
        setIndex: set.summary.setIndex,
        side: event.side,
        startMs: event.startMs,
        bottomMs: event.bottomMs,
        endMs: event.endMs,
        durationMs: event.durationMs,
        depthDeg: event.depthDeg,
        rangeDeg: event.rangeDeg,
        cues: [...event.cues]
      }
      set.summary.reps.push(event.variant ? { ...rep, variant: { ...event.variant } } : rep)
      break
    }
    case 'hold':
      applyHold(set, event)
      break
    case 'cue':
      if (event.phase === 'raised') set.warnings.set(event.id, (set.warnings.get(event.id) ?? 0) + 1)
      break
    case 'view':
    case 'visibility':
    case 'cue-scope':
    case 'camera':
    case 'exercise':
      break
  }
}

function applyHold(set: OpenSet, event: HoldEvent): void {
  if (event.phase === 'started' || set.openHold === null) {
    set.openHold = {
      exercise: set.summary.exercise,
      setIndex: set.summary.setIndex,
      side: event.side,
      startMs: event.t,
      endMs: null,
      goodFormMs: 0,
      pauses: 0
    }
    set.summary.holds.push(set.openHold)
  }
  const hold = set.openHold
  hold.goodFormMs = Math.max(hold.goodFormMs, event.goodFormMs)
  if (event.phase === 'paused') hold.pauses++
  if (event.phase === 'ended') {
    hold.endMs = event.t
    set.openHold = null
  }
}

function closeSet(set: OpenSet): SetSummary {
  const s = set.summary
  s.repCount = s.reps.length
  s.holdSeconds = round3(sum(s.holds.map((h) => h.goodFormMs)) / 1000)
  s.warnings = toWarningList(set.warnings)
  return s
}

function summariseExercises(sets: SetSummary[]): ExerciseSummary[] {
  const byExercise = new Map<ExerciseId, SetSummary[]>()
  for (const s of sets) byExercise.set(s.exercise, [...(byExercise.get(s.exercise) ?? []), s])
  return [...byExercise].map(([exercise, list]) => ({
    exercise,
    setCount: list.length,
    repCount: sum(list.map((s) => s.repCount)),
    holdSeconds: round3(sum(list.map((s) => s.holdSeconds))),
    warnings: mergeWarnings(list.map((s) => s.warnings))
  }))
}

function mergeWarnings(lists: WarningCount[][]): WarningCount[] {
  const total = new Map<string, number>()
  for (const list of lists) for (const w of list) total.set(w.id, (total.get(w.id) ?? 0) + w.count)
  return toWarningList(total)
}

/** Most frequent first, then by id so the order is stable. */
function toWarningList(counts: Map<string, number>): WarningCount[] {
  return [...counts]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

/** Millisecond precision is all the summary claims; this also hides float noise from sums. */
function round3(value: number): number {
  return Math.round(value * 1000) / 1000
}
