/**
 * The nine cases of ../shared/robustness/README.md as checks on the analyzer's report: each case's "must
 * give" column, written as a predicate. Pure; tools/robust.ts derives the clips with the README's own
 * derive.sh and runs the analyzer (`npm run eval -- --cases`).
 */
import type { ExerciseId } from '../src/shared/engine/events'
import type { KeypointName } from '../src/shared/pose/types'
import type { AnalyzeReport } from './analyze'
import { cueKind } from './evalScore'

export interface RobustCase {
  name: string
  /** File derive.sh writes. */
  file: string
  exercise: ExerciseId
  mustGive: string
  check: (r: AnalyzeReport) => boolean
}

type Rep = AnalyzeReport['reps'][number]

/** A rep carries a cue when the engine booked it to the rep or raised it during the rep. */
export function repHasCue(report: AnalyzeReport, rep: Rep, id: string): boolean {
  return rep.cues.includes(id) || report.cues.some((c) => c.id === id && c.t >= rep.start && c.t <= rep.end)
}

function saysMissing(r: AnalyzeReport, joints: (j: KeypointName) => boolean): boolean {
  return r.notJudged.some((s) => (s.reason === 'out-of-frame' || s.reason === 'joints-hidden') && s.missing.some(joints))
}

const UPPER_BODY = (j: KeypointName): boolean => /nose|eye|ear|mouth|shoulder|elbow|wrist/.test(j)
const FEET = (j: KeypointName): boolean => /ankle|heel|foot_index/.test(j)
const CAVING = 'squat-knees-caving'

/** All reps booked to one leg (and a leg named). */
function oneLeg(r: AnalyzeReport): boolean {
  const sides = new Set(r.reps.map((rep) => rep.side))
  return r.reps.length > 0 && sides.size === 1 && !sides.has(null)
}

/** The first `n` reps carry the cue, the rest do not. */
function cueOnFirst(r: AnalyzeReport, id: string, n: number): boolean {
  return r.reps.every((rep, i) => repHasCue(r, rep, id) === i < n)
}

export const ROBUST_CASES: readonly RobustCase[] = [
  {
    name: 'dark-room', file: 'dark-room.mp4', exercise: 'squat',
    mustGive: '7 reps, knees-caving on reps 1-3 only',
    check: (r) => r.repCount === 7 && cueOnFirst(r, CAVING, 3)
  },
  {
    name: 'dark-take2', file: 'dark-take2.mp4', exercise: 'squat',
    mustGive: '4 reps, no form cue (routine cues such as the pause are allowed)',
    check: (r) => r.repCount === 4 && r.cues.every((c) => cueKind(c.id).kind !== 'form')
  },
  {
    name: 'no-one-visible', file: 'no-one-visible.mp4', exercise: 'squat',
    mustGive: '0 reps and a message that nobody could be seen (no-person or too-dark)',
    check: (r) => r.repCount === 0 && r.notJudged.some((s) => s.reason === 'no-person' || s.reason === 'too-dark')
  },
  {
    name: 'mirrored', file: 'mirrored.mp4', exercise: 'lunge',
    mustGive: '11 reps (label accepts 11-12), every one on the same leg',
    check: (r) => r.repCount >= 11 && r.repCount <= 12 && oneLeg(r)
  },
  {
    name: 'bottom-pause', file: 'bottom-pause.mp4', exercise: 'squat',
    mustGive: '6 reps, no pause cue',
    check: (r) => r.repCount === 6 && !r.cues.some((c) => c.id === 'squat-pause-short')
  },
  {
    name: 'legs-only', file: 'legs-only.mp4', exercise: 'squat',
    mustGive: '2 reps, or a message that the upper body is out of view',
    check: (r) => r.repCount === 2 || saysMissing(r, UPPER_BODY)
  },
  {
    name: 'feet-cut', file: 'feet-cut.mp4', exercise: 'squat',
    mustGive: '3 reps with 3 caving cues, or a message that the feet are out of view and no knees-over-feet judgement',
    check: (r) =>
      (r.repCount === 3 && r.reps.every((rep) => repHasCue(r, rep, CAVING))) ||
      (saysMissing(r, FEET) && !r.cues.some((c) => c.id === CAVING))
  },
  {
    name: 'sideways', file: 'sideways.mp4', exercise: 'squat',
    mustGive: 'a message that the picture is on its side (or the 2 reps)',
    check: (r) => r.camera.spans.some((c) => c.state === 'sideways') || r.notJudged.some((s) => s.reason === 'sideways') || r.repCount === 2
  },
  {
    name: 'side-swap', file: 'side-swap.mp4', exercise: 'lunge',
    mustGive: '11 reps (label accepts 11-12), all on one leg',
    check: (r) => r.repCount >= 11 && r.repCount <= 12 && oneLeg(r)
  }
]

/** What the analyzer gave, in one line: reps and their sides, cues, what was not judged, the camera. */
export function gaveLine(r: AnalyzeReport): string {
  const sides = r.reps.map((rep) => (rep.side ? rep.side[0].toUpperCase() : '-')).join('')
  const cues = r.cues.map((c) => `${c.id}@${c.t.toFixed(1)}`).join(' ') || 'no cues'
  const notJudged = r.notJudgedByReason.map((x) => `${x.reason} ${x.seconds.toFixed(1)}s`).join(', ')
  const camera = r.camera.spans.filter((c) => c.state !== 'level').map((c) => c.state)
  return [
    `${r.repCount} reps${sides ? ` [${sides}]` : ''}`,
    cues,
    notJudged ? `not judged: ${notJudged}` : '',
    camera.length > 0 ? `camera: ${[...new Set(camera)].join(', ')}` : '',
    r.zeroReason ? `"${r.zeroReason}"` : ''
  ].filter(Boolean).join('; ')
}

export function caseLine(c: RobustCase, r: AnalyzeReport): string {
  return `${c.check(r) ? 'PASS' : 'FAIL'} ${c.name.padEnd(15)} must give: ${c.mustGive}\n     gave: ${gaveLine(r)}`
}
