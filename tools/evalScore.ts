/**
 * Scoring for the evaluation tool: compares an AnalysisResult with a person's labels for one clip
 * (../shared/footage/README.md explains every label field). Pure, so it is unit-tested.
 *
 * What is scored, per clip:
 * - the rep count against `rep_count_acceptable` (or `rep_count`), unless the clip is a `stand_in` or has
 *   `eval_skip` (then only its cues are scored, and only when it has non-debatable faults);
 * - hold durations (label holds that touch are one hold: a hold labelled in good/bad-form pieces is still
 *   one hold) and the good-form time (`good_form_seconds`, else the labelled holds minus `good_form: false`);
 * - every non-debatable labelled fault whose name maps to a cue (FAULT_TO_CUE): found when that cue is
 *   raised in the fault's span (± FAULT_SLACK_S); fault names with no mapping are listed as unscored;
 * - form cues raised outside every labelled fault span (debatable ones included) are false cues.
 */
import type { AnalysisResult } from '../src/shared/engine/analyze'
import { CUES } from '../src/shared/engine/cues'
import type { ExerciseId } from '../src/shared/engine/events'

export interface ClipLabel {
  clip: string
  exercise: string
  usable: [number, number][]
  reps: { t: number; side?: string | null; full?: boolean; fault?: string | null }[]
  rep_count: number
  rep_count_acceptable?: [number, number]
  holds: { start: number; end: number; side?: string | null; in_usable?: boolean; static?: boolean; good_form?: boolean }[]
  /** Seconds of good form over the clip's holds, where a person marked the faulty parts. */
  good_form_seconds?: number
  faults: { fault?: string; type?: string; start: number; end: number; rep_t?: number; debatable?: boolean }[]
  /** A neighbouring movement: its cues are scored, its count is not. */
  stand_in?: boolean
  /** Why the clip cannot fairly test counting (its cues are still scored when it has non-debatable faults). */
  eval_skip?: string
}

/** Label exercise names → app ids. */
const EXERCISE_MAP: Record<string, ExerciseId> = {
  squat: 'squat', lunge: 'lunge', split_squat: 'lunge', pushup: 'push-up', plank: 'plank', side_plank: 'side-plank',
  glute_bridge: 'glute-bridge', step_up: 'step-up', heel_slide: 'heel-taps', heel_taps: 'heel-taps',
  cable_row: 'cable-row', band_walk: 'band-walk'
}

/**
 * Label fault names → the cue that should answer them: one id, or per exercise ('*' = any other), or null
 * for a fault no routine cue answers (neither required nor counted false: a cue inside its span is excused).
 */
export const FAULT_TO_CUE: Record<string, string | null | Partial<Record<ExerciseId | '*', string>>> = {
  knee_valgus: 'squat-knees-caving',
  knees_past_toes: 'knee-past-toes',
  // The squat's forward fold has its own cue ("chest up" in a squat is about the fold, not the lunge's lean).
  torso_leaning: { squat: 'squat-chest-folding', '*': 'torso-leaning' },
  insufficient_depth: 'squat-depth',
  hips_sagging: 'hips-sagging',
  hips_piking: 'hips-piking',
  side_plank_hips_piking: 'side-plank-hips-piking',
  side_plank_hips_dropping: 'side-plank-hips-dropping',
  side_plank_elbow_not_under_shoulder: 'side-plank-elbow-under-shoulder',
  elbows_flaring: 'push-up-elbows-flaring',
  heel_taps_knee_straightening: 'heel-taps-knee-straightening',
  step_up_push_off: 'step-up-push-off',
  // An over-arched standing back: no routine cue names it, and every label of it is debatable.
  back_overarched: null
}

/** The cue for a labelled fault on this exercise: an id, null (deliberately none), undefined (no mapping yet). */
export function cueForFault(fault: string, exercise: ExerciseId): string | null | undefined {
  const entry = FAULT_TO_CUE[fault]
  if (entry === undefined || entry === null || typeof entry === 'string') return entry
  return entry[exercise] ?? entry['*']
}

export function exerciseIdFor(labelName: string): ExerciseId {
  const id = EXERCISE_MAP[labelName]
  if (!id) throw new Error(`Label exercise "${labelName}" has no app id; expected one of: ${Object.keys(EXERCISE_MAP).join(', ')}`)
  return id
}

/** 'form' or 'routine' for a cue id; an id the cue list does not know (yet) is taken as a form cue. */
export function cueKind(id: string): { kind: 'form' | 'routine'; known: boolean } {
  const cue = CUES[id]
  return cue ? { kind: cue.kind, known: true } : { kind: 'form', known: false }
}

/** A cue raised this close (s) outside a labelled fault span still belongs to it (debounce + label timing). */
export const FAULT_SLACK_S = 0.5

/** True when cue `id` at `t` s is the cue of a labelled fault (debatable ones included) spanning t ± FAULT_SLACK_S. */
export function onLabelledFault(label: ClipLabel, id: string, t: number): boolean {
  const exercise = exerciseIdFor(label.exercise)
  return label.faults.some((f) => {
    const cue = cueForFault(f.fault ?? f.type ?? '', exercise)
    return cue === id && t >= f.start - FAULT_SLACK_S && t <= f.end + FAULT_SLACK_S
  })
}
/** Label holds this close (s) are one hold (labels split a hold where its form changes, at a cut). */
const HOLD_JOIN_GAP_S = 0.1

export interface FaultScore {
  name: string
  cue: string
  start: number
  end: number
  found: boolean
}

export interface ClipScore {
  clip: string
  expected: number
  acceptable: [number, number]
  measured: number
  /** Distance from the acceptable count range. */
  countError: number
  /** Whether the count is scored: the label counts reps (rep_count > 0) and is neither a stand-in nor eval_skip. */
  hasReps: boolean
  /** Why this clip's count is not scored (stand-in, eval_skip), or null. */
  countNotScored: string | null
  holdErrors: number[]
  /** |measured − labelled| good-form hold seconds, null when the label has no hold (or the count is not scored). */
  holdGoodFormError: number | null
  labelledGoodFormSeconds: number | null
  measuredGoodFormSeconds: number
  faultsLabelled: number
  faultsFound: number
  /** Every non-debatable, mapped fault and whether its cue was raised. */
  faults: FaultScore[]
  /** Non-debatable labelled fault names with no cue mapping (not in recall; listed so they are not forgotten). */
  unscoredFaults: string[]
  /** Raised 'form' cues outside every labelled fault span (debatable spans included). */
  falseCues: string[]
  /** Raised 'routine' cues (tempo, arm position, range goals): reported, not scored as false. */
  routineCues: number
  /** Raised cue ids the cue list does not know (scored as form cues). */
  unknownCueIds: string[]
}

/** Label holds in the usable picture, with touching pieces joined into one hold. */
export function joinedHolds(label: ClipLabel): { start: number; end: number }[] {
  const holds = label.holds.filter((h) => h.in_usable !== false).map((h) => ({ start: h.start, end: h.end })).sort((a, b) => a.start - b.start)
  const joined: { start: number; end: number }[] = []
  for (const h of holds) {
    const last = joined[joined.length - 1]
    if (last && h.start - last.end <= HOLD_JOIN_GAP_S) last.end = Math.max(last.end, h.end)
    else joined.push({ ...h })
  }
  return joined
}

/** Labelled good-form hold seconds: good_form_seconds where given, else the usable holds not marked bad. */
export function labelledGoodFormSeconds(label: ClipLabel): number | null {
  const usable = label.holds.filter((h) => h.in_usable !== false)
  if (usable.length === 0) return null
  if (label.good_form_seconds !== undefined) return label.good_form_seconds
  return usable.filter((h) => h.good_form !== false).reduce((s, h) => s + h.end - h.start, 0)
}

function countNotScoredReason(label: ClipLabel): string | null {
  if (label.stand_in) return 'stand-in: cues only'
  if (label.eval_skip) return `eval_skip (${label.eval_skip}): cues only`
  return null
}

export function scoreClip(label: ClipLabel, result: AnalysisResult): ClipScore {
  const exercise = exerciseIdFor(label.exercise)
  const acceptable: [number, number] = label.rep_count_acceptable ?? [label.rep_count, label.rep_count]
  const measured = result.repCount
  const countError = measured < acceptable[0] ? acceptable[0] - measured : measured > acceptable[1] ? measured - acceptable[1] : 0
  const countNotScored = countNotScoredReason(label)

  const holdErrors = countNotScored ? [] : joinedHolds(label).map((h) => {
    const overlap = (m: { start: number; end: number }): number => Math.min(m.end, h.end) - Math.max(m.start, h.start)
    const best = result.holds.filter((m) => overlap(m) > 0).sort((a, b) => overlap(b) - overlap(a))[0]
    return best ? Math.abs(best.end - best.start - (h.end - h.start)) : h.end - h.start
  })
  const labelledGood = countNotScored ? null : labelledGoodFormSeconds(label)
  const measuredGood = result.holds.reduce((s, h) => s + h.goodFormSeconds, 0)

  const faults = label.faults.map((f) => ({ ...f, name: f.fault ?? f.type ?? '' }))
  const required = faults.filter((f) => !f.debatable)
  const scored: FaultScore[] = []
  const unscoredFaults: string[] = []
  for (const f of required) {
    const cue = cueForFault(f.name, exercise)
    if (cue === undefined) unscoredFaults.push(f.name || '(unnamed fault)')
    if (!cue) continue
    const found = result.cues.some((c) => c.id === cue && c.t >= f.start - FAULT_SLACK_S && c.t <= f.end + FAULT_SLACK_S)
    scored.push({ name: f.name, cue, start: f.start, end: f.end, found })
  }
  const inAnyFault = (t: number): boolean => faults.some((f) => t >= f.start - FAULT_SLACK_S && t <= f.end + FAULT_SLACK_S)
  const formCues = result.cues.filter((c) => cueKind(c.id).kind === 'form')
  return {
    clip: label.clip,
    expected: label.rep_count,
    acceptable,
    measured,
    countError,
    hasReps: label.rep_count > 0 && countNotScored === null,
    countNotScored,
    holdErrors,
    holdGoodFormError: labelledGood === null ? null : Math.abs(measuredGood - labelledGood),
    labelledGoodFormSeconds: labelledGood,
    measuredGoodFormSeconds: measuredGood,
    faultsLabelled: scored.length,
    faultsFound: scored.filter((f) => f.found).length,
    faults: scored,
    unscoredFaults,
    falseCues: formCues.filter((c) => !inAnyFault(c.t)).map((c) => `${c.id}@${c.t.toFixed(1)}`),
    routineCues: result.cues.length - formCues.length,
    unknownCueIds: [...new Set(result.cues.map((c) => c.id).filter((id) => !cueKind(id).known))]
  }
}

/**
 * Whether evaluation looks at a clip at all: eval_skip clips only when they have a non-debatable fault
 * whose cue can be scored (their counts never are).
 */
export function isScored(label: ClipLabel): boolean {
  if (!label.eval_skip) return true
  const exercise = EXERCISE_MAP[label.exercise]
  return exercise !== undefined && label.faults.some((f) => !f.debatable && Boolean(cueForFault(f.fault ?? f.type ?? '', exercise)))
}

/**
 * The engine sees the whole clip, as it would live; only what falls inside the labelled `usable` spans is
 * scored: reps whose bottom lies in a span, holds clipped to the spans (good-form time at most the
 * clipped length), cues raised in a span.
 */
export function restrictToUsable(result: AnalysisResult, usable: [number, number][]): AnalysisResult {
  const inside = (t: number): boolean => usable.some(([a, b]) => t >= a && t <= b)
  const reps = result.reps.filter((r) => inside(r.bottom))
  const holds = result.holds.flatMap((h) =>
    usable
      .map(([a, b]) => ({ ...h, start: Math.max(h.start, a), end: Math.min(h.end, b) }))
      .filter((c) => c.end > c.start)
      .map((c) => ({ ...c, goodFormSeconds: Math.min(h.goodFormSeconds, c.end - c.start) }))
  )
  return { ...result, reps, repCount: reps.length, holds, cues: result.cues.filter((c) => inside(c.t)) }
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
  /** Mean |measured − labelled| good-form hold seconds over clips with labelled holds. */
  holdGoodFormErrorS: number
  /** Clips whose count is scored (the denominator of exact, mae and obo). */
  countedClips: number
  /** Non-debatable labelled faults with no cue mapping. */
  unscoredFaults: number
}

const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length)

export function summarise(scores: ClipScore[]): EvalSummary {
  const withReps = scores.filter((s) => s.hasReps)
  const holds = scores.flatMap((s) => s.holdErrors)
  const goodForm = scores.flatMap((s) => (s.holdGoodFormError === null ? [] : [s.holdGoodFormError]))
  const labelled = scores.reduce((n, s) => n + s.faultsLabelled, 0)
  return {
    clips: scores.length,
    exact: withReps.length === 0 ? 1 : withReps.filter((s) => s.countError === 0).length / withReps.length,
    mae: mean(withReps.map((s) => s.countError)),
    obo: withReps.length === 0 ? 1 : withReps.filter((s) => s.countError <= 1).length / withReps.length,
    holdErrorS: mean(holds),
    cueRecall: labelled === 0 ? 1 : scores.reduce((n, s) => n + s.faultsFound, 0) / labelled,
    falseCues: scores.reduce((n, s) => n + s.falseCues.length, 0),
    routineCues: scores.reduce((n, s) => n + s.routineCues, 0),
    holdGoodFormErrorS: mean(goodForm),
    countedClips: withReps.length,
    unscoredFaults: scores.reduce((n, s) => n + s.unscoredFaults.length, 0)
  }
}

/** The one summary line; the fields before routineCues keep their order from the first version. */
export function summaryLine(s: EvalSummary): string {
  const f = (x: number, d = 2): string => x.toFixed(d)
  return (
    `eval: clips=${s.clips} exact=${f(s.exact)} mae=${f(s.mae)} obo=${f(s.obo)} holdErrorS=${f(s.holdErrorS)} ` +
    `cueRecall=${f(s.cueRecall)} falseCues=${s.falseCues} routineCues=${s.routineCues} ` +
    `holdGoodFormErrorS=${f(s.holdGoodFormErrorS)} countedClips=${s.countedClips} unscoredFaults=${s.unscoredFaults}`
  )
}

export interface CueRecall {
  cue: string
  found: number
  labelled: number
  /** Clips (file names without folder) where a labelled fault of this cue was missed. */
  missedIn: string[]
}

/** Recall per cue id over every scored fault, sorted by cue id. */
export function recallByCue(scores: ClipScore[]): CueRecall[] {
  const by = new Map<string, CueRecall>()
  for (const s of scores) {
    for (const f of s.faults) {
      const r = by.get(f.cue) ?? { cue: f.cue, found: 0, labelled: 0, missedIn: [] }
      r.labelled++
      if (f.found) r.found++
      else {
        const name = s.clip.split('/').pop() ?? s.clip
        if (!r.missedIn.includes(name)) r.missedIn.push(name)
      }
      by.set(f.cue, r)
    }
  }
  return [...by.values()].sort((a, b) => a.cue.localeCompare(b.cue))
}

/** The per-cue recall table, and the fault names that could not be scored (with counts). */
export function recallTable(scores: ClipScore[]): string {
  const rows = recallByCue(scores)
  const lines = [`${'cue id'.padEnd(34)} found/labelled  recall  missed in`]
  for (const r of rows) {
    lines.push(`${r.cue.padEnd(34)} ${`${r.found}/${r.labelled}`.padEnd(15)} ${(r.found / r.labelled).toFixed(2).padEnd(7)} ${r.missedIn.join(', ') || '-'}`)
  }
  if (rows.length === 0) lines.push('(no non-debatable labelled faults in these clips)')
  const unscored = new Map<string, number>()
  for (const name of scores.flatMap((s) => s.unscoredFaults)) unscored.set(name, (unscored.get(name) ?? 0) + 1)
  if (unscored.size > 0) lines.push(`unscored faults (no cue mapped): ${[...unscored].map(([n, c]) => `${n} ×${c}`).join(', ')}`)
  const unknown = [...new Set(scores.flatMap((s) => s.unknownCueIds))]
  if (unknown.length > 0) lines.push(`cue ids not in engine/cues.ts (scored as form cues): ${unknown.join(', ')}`)
  return lines.join('\n')
}
