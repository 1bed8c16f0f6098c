/** Turns one exercise's history into uPlot columns: x = session start (seconds since the epoch). */
import type { ProgressPoint } from '../../../shared/progress'

export interface ProgressColumns {
  /** Session start times, seconds since the Unix epoch (uPlot's time scale unit). */
  x: number[]
  /** Reps of set 1, set 2, … per session (null where that set was not done). */
  repsBySet: (number | null)[][]
  /** Longest clean hold per session, seconds (null where none). */
  hold: (number | null)[]
  /** Cues per rep per session (null where no reps). */
  warningsPerRep: (number | null)[]
}

export function progressColumns(points: readonly ProgressPoint[]): ProgressColumns {
  const setCount = Math.max(0, ...points.map((p) => p.repsPerSet.length))
  const anyReps = points.some((p) => p.repsPerSet.some((r) => r > 0))
  return {
    x: points.map((p) => p.startedAt / 1000),
    repsBySet: anyReps ? Array.from({ length: setCount }, (_, i) => points.map((p) => p.repsPerSet[i] ?? null)) : [],
    hold: points.map((p) => p.longestCleanHoldSeconds),
    warningsPerRep: points.map((p) => (p.warningsPerRep === null ? null : Math.round(p.warningsPerRep * 100) / 100))
  }
}
