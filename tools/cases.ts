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

const RANDY = 'squat/squat_front_kneevalgus_wrong_then_right_randy.mp4'
const SIDE_SQUAT = 'squat/squat_side_studio_istock_hanshitha.mp4'
/** The side squat's six bottoms (frames at 25 fps, derive.sh's list), each frozen for `frames` more frames. */
const frozenBottoms = (frames: number): string =>
  `${[314, 260, 200, 138, 79, 22].map((f) => `loop=loop=${frames}:size=1:start=${f}`).join(',')},setpts=N/25/TB`

/**
 * One of the robustness cases at another strength (the README: "the same kinds are checked on ... other
 * strengths of each change that are not listed here"): the case's own source and ffmpeg change with a
 * different amount, derived by tools/robust.ts (never committed) and held to the same "must give".
 */
export interface StrengthCase extends RobustCase {
  /** The case of ROBUST_CASES this is a strength of. */
  of: string
  /** Source clip under ../shared/footage. */
  source: string
  /** ffmpeg options before `-i` (a trim). */
  input: string[]
  /** ffmpeg -vf graph. */
  filter: string
}

function strengthOf(of: string, rest: Omit<StrengthCase, 'of' | 'exercise' | 'mustGive' | 'check'> & Partial<Pick<RobustCase, 'mustGive' | 'check'>>): StrengthCase {
  const base = ROBUST_CASES.find((c) => c.name === of)
  if (!base) throw new Error(`No robustness case "${of}"; expected one of ${ROBUST_CASES.map((c) => c.name).join(', ')}`)
  return { exercise: base.exercise, mustGive: base.mustGive, check: base.check, of, ...rest }
}

/**
 * Other strengths of five of the nine cases, each measured on both models (tests/model/robustnessCases.test.ts).
 * Picture sizes: the side squat is 768×432 at 25 frames/s, randy 608×1080 at 30.
 */
export const STRENGTH_CASES: readonly StrengthCase[] = [
  // legs-only cuts 250 rows; at 200 the shoulders stay in the picture at the bottom of each rep.
  strengthOf('legs-only', { name: 'legs-only-200', file: 'legs-only-200.mp4', source: SIDE_SQUAT, input: ['-t', '4'], filter: 'crop=768:232:0:200' }),
  strengthOf('legs-only', { name: 'legs-only-300', file: 'legs-only-300.mp4', source: SIDE_SQUAT, input: ['-t', '4'], filter: 'crop=768:132:0:300' }),
  // feet-cut cuts 280 rows; at 220 the ankles stay in, at 340 the shins go too.
  strengthOf('feet-cut', { name: 'feet-cut-220', file: 'feet-cut-220.mp4', source: RANDY, input: ['-t', '6.6'], filter: 'crop=608:860:0:0' }),
  strengthOf('feet-cut', { name: 'feet-cut-340', file: 'feet-cut-340.mp4', source: RANDY, input: ['-t', '6.6'], filter: 'crop=608:740:0:0' }),
  // sideways turns 90° clockwise; the other way round.
  strengthOf('sideways', { name: 'sideways-ccw', file: 'sideways-ccw.mp4', source: SIDE_SQUAT, input: ['-t', '4'], filter: 'transpose=2' }),
  // bottom-pause freezes each bottom 2 s (the routine's pause); 4 s is a runner resting at the bottom.
  strengthOf('bottom-pause', { name: 'bottom-pause-4s', file: 'bottom-pause-4s.mp4', source: SIDE_SQUAT, input: [], filter: frozenBottoms(100) }),
  // 1 s is shorter than the routine asks: the pause cue is right there, the count must hold all the same.
  strengthOf('bottom-pause', {
    name: 'bottom-pause-1s', file: 'bottom-pause-1s.mp4', source: SIDE_SQUAT, input: [], filter: frozenBottoms(25),
    mustGive: '6 reps (a pause cue is right: 1 s is under the routine\'s 2 s)', check: (r) => r.repCount === 6
  }),
  // no-one-visible at brightness −0.35, gamma 0.5, noise 12; darker still.
  strengthOf('no-one-visible', { name: 'no-one-visible-darker', file: 'no-one-visible-darker.mp4', source: RANDY, input: [], filter: 'eq=brightness=-0.42:gamma=0.45,noise=alls=16:allf=t' })
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
