import { describe, expect, it } from 'vitest'
import type { AnalyzeReport } from './analyze'
import { ROBUST_CASES, caseLine, gaveLine, repHasCue } from './cases'

type Rep = AnalyzeReport['reps'][number]
const rep = (i: number, cues: string[] = [], side: Rep['side'] = null): Rep => ({ start: 2 * i, bottom: 2 * i + 1, end: 2 * i + 2, side, cues })
const report = (over: Partial<AnalyzeReport>): AnalyzeReport => ({
  exercise: 'squat', model: 'blazepose-lite', durationSeconds: 15, framesAnalyzed: 450, repCount: over.reps?.length ?? 0, reps: [], holds: [], cues: [],
  judgedSeconds: 15, notJudgedSeconds: 0, notJudged: [], notJudgedByReason: [], cueScope: [],
  camera: { state: null, rollDeg: null, maxAbsRollDeg: null, spans: [] },
  exerciseRecognised: { planned: 'squat', recognised: 'squat', posture: 'unknown', raised: false, message: null },
  zeroReason: null, framesWithPerson: 450, meanLuminance: null, ...over
})
const byName = (name: string) => ROBUST_CASES.find((c) => c.name === name)!
const notJudged = (reason: AnalyzeReport['notJudged'][number]['reason'], missing: AnalyzeReport['notJudged'][number]['missing']): Partial<AnalyzeReport> =>
  ({ notJudged: [{ start: 0, end: 4, reason, missing, message: '' }], notJudgedByReason: [{ reason, seconds: 4, missing, message: '' }] })

describe('robustness cases', () => {
  it('lists the nine cases of the README, each with its file and exercise', () => {
    expect(ROBUST_CASES.map((c) => c.name)).toEqual(['dark-room', 'dark-take2', 'no-one-visible', 'mirrored', 'bottom-pause', 'legs-only', 'feet-cut', 'sideways', 'side-swap'])
    expect(ROBUST_CASES.every((c) => c.file === `${c.name}.mp4`)).toBe(true)
  })

  it('dark-room: 7 reps with knees caving on the first three only', () => {
    const caving = ['squat-knees-caving']
    const good = report({ reps: [rep(0, caving), rep(1, caving), rep(2, caving), rep(3), rep(4), rep(5), rep(6)] })
    expect(byName('dark-room').check(good)).toBe(true)
    expect(byName('dark-room').check(report({ reps: [rep(0, caving), rep(1, caving), rep(2), rep(3), rep(4), rep(5), rep(6)] }))).toBe(false)
    // A cue raised during rep 4 belongs to it even when the engine did not book it to the rep.
    const late = report({ reps: good.reps, cues: [{ t: 6.5, id: 'squat-knees-caving' }] })
    expect(repHasCue(late, late.reps[3], 'squat-knees-caving')).toBe(true)
    expect(byName('dark-room').check(late)).toBe(false)
  })

  it('dark-take2: 4 reps and no form cue; routine cues are allowed', () => {
    expect(byName('dark-take2').check(report({ reps: [rep(0), rep(1), rep(2), rep(3)], cues: [{ t: 1, id: 'squat-pause-short' }] }))).toBe(true)
    expect(byName('dark-take2').check(report({ reps: [rep(0), rep(1), rep(2), rep(3)], cues: [{ t: 1, id: 'squat-sit-back' }] }))).toBe(false)
  })

  it('no-one-visible: 0 reps with a message that nobody could be seen', () => {
    expect(byName('no-one-visible').check(report({}))).toBe(false)
    expect(byName('no-one-visible').check(report(notJudged('no-person', [])))).toBe(true)
    expect(byName('no-one-visible').check(report(notJudged('too-dark', [])))).toBe(true)
  })

  it('mirrored and side-swap: 11 reps, every one on one named leg', () => {
    const eleven = (side: Rep['side'], odd: Rep['side'] = side): AnalyzeReport => report({ reps: Array.from({ length: 11 }, (_, i) => rep(i, [], i === 5 ? odd : side)) })
    for (const name of ['mirrored', 'side-swap']) {
      expect(byName(name).check(eleven('right'))).toBe(true)
      expect(byName(name).check(eleven('left', 'right'))).toBe(false)
      expect(byName(name).check(eleven(null))).toBe(false)
    }
  })

  it('bottom-pause: 6 reps and no pause cue', () => {
    const six = [0, 1, 2, 3, 4, 5].map((i) => rep(i))
    expect(byName('bottom-pause').check(report({ reps: six }))).toBe(true)
    expect(byName('bottom-pause').check(report({ reps: six, cues: [{ t: 1, id: 'squat-pause-short' }] }))).toBe(false)
  })

  it('legs-only: 2 reps, or the upper body named as out of view', () => {
    expect(byName('legs-only').check(report({ reps: [rep(0), rep(1)] }))).toBe(true)
    expect(byName('legs-only').check(report(notJudged('out-of-frame', ['left_shoulder', 'nose'])))).toBe(true)
    expect(byName('legs-only').check(report(notJudged('out-of-frame', ['left_ankle'])))).toBe(false)
  })

  it('feet-cut: 3 caving reps, or the feet named as out of view with no knees-caving judgement', () => {
    const caving = ['squat-knees-caving']
    expect(byName('feet-cut').check(report({ reps: [rep(0, caving), rep(1, caving), rep(2, caving)] }))).toBe(true)
    expect(byName('feet-cut').check(report(notJudged('out-of-frame', ['left_ankle', 'right_heel'])))).toBe(true)
    expect(byName('feet-cut').check(report({ ...notJudged('out-of-frame', ['left_ankle']), cues: [{ t: 1, id: 'squat-knees-caving' }] }))).toBe(false)
    expect(byName('feet-cut').check(report({ reps: [rep(0), rep(1)] }))).toBe(false)
  })

  it('sideways: the picture named as on its side, or the 2 reps', () => {
    expect(byName('sideways').check(report({}))).toBe(false)
    expect(byName('sideways').check(report({ camera: { state: 'sideways', rollDeg: 90, maxAbsRollDeg: 90, spans: [{ start: 0, end: 4, state: 'sideways', rollDeg: 90 }] } }))).toBe(true)
    expect(byName('sideways').check(report(notJudged('sideways', [])))).toBe(true)
    expect(byName('sideways').check(report({ reps: [rep(0), rep(1)] }))).toBe(true)
  })

  it('prints PASS or FAIL with what the analyzer gave', () => {
    const r = report({ reps: [rep(0, [], 'left'), rep(1, [], 'right')], cues: [{ t: 1, id: 'squat-sit-back' }], ...notJudged('out-of-frame', ['left_ankle']) })
    expect(gaveLine(r)).toBe('2 reps [LR]; squat-sit-back@1.0; not judged: out-of-frame 4.0s')
    expect(caseLine(byName('legs-only'), r)).toMatch(/^PASS legs-only +must give: 2 reps, or a message that the upper body is out of view\n {5}gave: 2 reps/)
    expect(caseLine(byName('dark-take2'), r)).toMatch(/^FAIL dark-take2/)
  })
})
