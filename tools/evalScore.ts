/**
 * Scoring for the evaluation tool: compares an AnalysisResult with a person's labels for one clip
 * (../shared/footage/README.md explains every label field). Pure, so it is unit-tested.
 */
import type { AnalysisResult } from '../src/shared/engine/analyze'
import { getCue } from '../src/shared/engine/cues'
import type { ExerciseId } from '../src/shared/engine/events'

export interface ClipLabel {
  clip: string
  exercise: string
  usable: [number, number][]
  reps: { t: number; side?: string | null; full?: boolean }[]
  rep_count: number
  rep_count_acceptable?: [number, number]
  holds: { start: number; end: number; side?: string | null; in_usable?: boolean; static?: boolean }[]
  faults: { fault?: string; type?: string; start: number; end: number; rep_t?: number; debatable?: boolean }[]
  eval_skip?: string
}

/** Label exercise names → app ids. */
const EXERCISE_MAP: Record<string, ExerciseId> = {
  squat: 'squat', lunge: 'lunge', split_squat: 'lunge', pushup: 'push-up', plank: 'plank', side_plank: 'side-plank',
  glute_bridge: 'glute-bridge', step_up: 'step-up', heel_slide: 'heel-taps', heel_taps: 'heel-taps',
  cable_row: 'cable-row', band_walk: 'band-walk'
}

/** Label fault names → cue ids. */
export const FAULT_TO_CUE: Record<string, string> = {
  knee_valgus: 'squat-knees-caving',
  knees_past_toes: 'knee-past-toes',
  hips_sagging: 'hips-sagging',
  hips_piking: 'hips-piking'
}

export function exerciseIdFor(labelName: string): ExerciseId {
  const id = EXERCISE_MAP[labelName]
  if (!id) throw new Error(`Label exercise "${labelName}" has no app id; expected one of: ${Object.keys(EXERCISE_MAP).join(', ')}`)
  return id
}

/** A cue raised this close (s) outside a labelled fault span still belongs to it (debounce + label timing). */
const FAULT_SLACK_S = 0.5

export interface ClipScore {
  expected: number
  acceptable: [number, number]
  measured: number
  /** Distance from the acceptable count range. */
  countError: number
  /** Whether the label counts reps at all (rep_count > 0). */
  hasReps: boolean
  holdErrors: number[]
  faultsLabelled: number
  faultsFound: number
  /** Raised 'form' cues outside every labelled fault span (debatable spans included). */
  falseCues: string[]
  /** Raised 'routine' cues (tempo, arm position, range goals): reported, not scored as false. */
  routineCues: number
}

export function scoreClip(label: ClipLabel, result: AnalysisResult): ClipScore {
  const acceptable: [number, number] = label.rep_count_acceptable ?? [label.rep_count, label.rep_count]
  const measured = result.repCount
  const countError = measured < acceptable[0] ? acceptable[0] - measured : measured > acceptable[1] ? measured - acceptable[1] : 0

  const holdErrors = label.holds
    .filter((h) => h.in_usable !== false)
    .map((h) => {
      const overlap = (m: { start: number; end: number }): number => Math.min(m.end, h.end) - Math.max(m.start, h.start)
      const best = result.holds.filter((m) => overlap(m) > 0).sort((a, b) => overlap(b) - overlap(a))[0]
      return best ? Math.abs(best.end - best.start - (h.end - h.start)) : h.end - h.start
    })

  const faults = label.faults.map((f) => ({ ...f, name: f.fault ?? f.type ?? '' }))
  const scored = faults.filter((f) => !f.debatable)
  const found = scored.filter((f) => {
    const cue = FAULT_TO_CUE[f.name]
    return result.cues.some((c) => c.id === cue && c.t >= f.start - FAULT_SLACK_S && c.t <= f.end + FAULT_SLACK_S)
  })
  const inAnyFault = (t: number): boolean => faults.some((f) => t >= f.start - FAULT_SLACK_S && t <= f.end + FAULT_SLACK_S)
  const formCues = result.cues.filter((c) => getCue(c.id).kind === 'form')
  return {
    expected: label.rep_count,
    acceptable,
    measured,
    countError,
    hasReps: label.rep_count > 0,
    holdErrors,
    faultsLabelled: scored.length,
    faultsFound: found.length,
    falseCues: formCues.filter((c) => !inAnyFault(c.t)).map((c) => `${c.id}@${c.t.toFixed(1)}`),
    routineCues: result.cues.length - formCues.length
  }
}

export interface EvalSummary {
  clips: number
  exact: number
  mae: number
  obo: number
  holdErrorS: number
  cueRecall: number
  falseCues: number
  /** Raised 'routine' cues (tempo, arm position, range goals) over all clips: reported, never scored as false. */
  routineCues: number
}

export function summarise(scores: ClipScore[]): EvalSummary {
  const withReps = scores.filter((s) => s.hasReps)
  const holds = scores.flatMap((s) => s.holdErrors)
  const labelled = scores.reduce((n, s) => n + s.faultsLabelled, 0)
  const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length)
  return {
    clips: scores.length,
    exact: withReps.length === 0 ? 1 : withReps.filter((s) => s.countError === 0).length / withReps.length,
    mae: mean(withReps.map((s) => s.countError)),
    obo: withReps.length === 0 ? 1 : withReps.filter((s) => s.countError <= 1).length / withReps.length,
    holdErrorS: mean(holds),
    cueRecall: labelled === 0 ? 1 : scores.reduce((n, s) => n + s.faultsFound, 0) / labelled,
    falseCues: scores.reduce((n, s) => n + s.falseCues.length, 0),
    routineCues: scores.reduce((n, s) => n + s.routineCues, 0)
  }
}

export function summaryLine(s: EvalSummary): string {
  const f = (x: number, d = 2): string => x.toFixed(d)
  return `eval: clips=${s.clips} exact=${f(s.exact)} mae=${f(s.mae)} obo=${f(s.obo)} holdErrorS=${f(s.holdErrorS)} cueRecall=${f(s.cueRecall)} falseCues=${s.falseCues} routineCues=${s.routineCues}`
}
