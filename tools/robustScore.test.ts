import { describe, expect, it } from 'vitest'
import type { AnalysisResult } from '../src/shared/engine/analyze'
import type { EngineEvent } from '../src/shared/engine/events'
import type { ClipLabel } from './evalScore'
import { judgingReport } from './judgedReport'
import { addedCues, compareCues, kindTable, outcomeLine, robustLine, scoreRobust, summariseRobust } from './robustScore'

const label = (over: Partial<ClipLabel>): ClipLabel => ({ clip: 'squat/x.mp4', exercise: 'squat', usable: [[0, 20]], reps: [], rep_count: 3, holds: [], faults: [], ...over })
const reps = (n: number): AnalysisResult['reps'] => Array.from({ length: n }, (_, i) => ({ start: 2 * i, bottom: 2 * i + 1, end: 2 * i + 2, side: null, cues: [] }))
const result = (n: number, over: Partial<AnalysisResult> = {}): AnalysisResult => ({ exercise: 'squat', repCount: n, reps: reps(n), holds: [], cues: [], events: [], ...over })
const judged = (r: AnalysisResult, duration = 20) => judgingReport(r, duration)

describe('robust scoring', () => {
  it('keeps a count inside the label range, and a hold within 1.5 s of the labelled time', () => {
    const base = result(3)
    expect(scoreRobust('dark', label({ rep_count_acceptable: [3, 4] }), base, result(4), judged(result(4))).kept).toBe(true)
    expect(scoreRobust('dark', label({}), base, result(2), judged(result(2))).kept).toBe(false)
    const plank = label({ exercise: 'plank', rep_count: 0, holds: [{ start: 1, end: 9 }] })
    const held = (s: number, e: number): AnalysisResult => result(0, { holds: [{ start: s, end: e, side: null, goodFormSeconds: e - s }] })
    expect(scoreRobust('noise', plank, held(1, 9), held(2, 9), judged(held(2, 9))).kept).toBe(true)
    expect(scoreRobust('noise', plank, held(1, 9), held(4, 9), judged(held(4, 9))).kept).toBe(false)
  })

  it('counts only form cues the unperturbed clip did not raise (same cue within 1 s, through the pauses)', () => {
    const base = result(3, { cues: [{ t: 1, id: 'squat-knees-caving' }, { t: 3, id: 'squat-pause-short' }] })
    const pert = result(3, {
      cues: [
        { t: 1.6, id: 'squat-knees-caving' }, // the same cue, 0.6 s later
        { t: 3, id: 'squat-knees-caving' }, // a second one: added
        { t: 5, id: 'squat-pause-short' }, // routine: never counted
        { t: 7, id: 'squat-sit-back' }
      ]
    })
    expect(addedCues(base, pert)).toEqual(['squat-knees-caving@3.0', 'squat-sit-back@7.0'])
    // With a 2 s pause at t = 0.5, the cue at 3.0 s on the paused clip is at 1.0 s on the original.
    expect(addedCues(base, result(3, { cues: [{ t: 3, id: 'squat-knees-caving' }] }), [0.5])).toEqual([])
    // and a form cue the unperturbed clip raised that the perturbed one does not is lost.
    expect(compareCues(base, result(3))).toEqual({ added: [], lost: ['squat-knees-caving@1.0'] })
  })

  it('a cue on a labelled fault of that cue is a found fault, not an added one (a frozen bottom on a faulty rep)', () => {
    const base = result(3)
    const faulty = label({ faults: [{ fault: 'knee_valgus', start: 12.2, end: 14.6 }] })
    const pert = result(3, { cues: [{ t: 12.8, id: 'squat-knees-caving' }, { t: 12.9, id: 'squat-sit-back' }, { t: 16, id: 'squat-knees-caving' }] })
    // Same span, other cue: added; same cue, outside the span and its 0.5 s slack: added.
    expect(scoreRobust('bottoms-paused', faulty, base, pert, judged(pert)).cuesAdded).toEqual(['squat-sit-back@12.9', 'squat-knees-caving@16.0'])
  })

  it('explains a lost count on a crop kind when the engine says the joints are out of the picture', () => {
    const events: EngineEvent[] = [{ type: 'visibility', t: 0, ok: false, missing: ['left_ankle'], reason: 'out-of-frame' }]
    const lost = result(0, { events })
    const crop = scoreRobust('feet-cropped', label({}), result(3), lost, judged(lost))
    expect([crop.kept, crop.explained, crop.silentZero]).toEqual([false, true, false])
    expect(crop.reasons).toEqual(['out-of-frame 20.0s'])
    // With the head cut off, the face-based detector finding nobody is what it truly sees: that explains it too.
    const nobody = result(0, { events: [{ type: 'visibility', t: 0, ok: false, missing: [], reason: 'no-person' }] })
    expect(scoreRobust('head-cropped', label({}), result(3), nobody, judged(nobody)).explained).toBe(true)
    expect(scoreRobust('feet-cropped', label({}), result(3), nobody, judged(nobody)).explained).toBe(false)
    // The same reason does not excuse a home-camera kind.
    expect(scoreRobust('dark', label({}), result(3), lost, judged(lost)).explained).toBe(false)
    const tilted = result(1, { events: [{ type: 'camera', t: 0, rollDeg: 15, state: 'tilted' }] })
    expect(scoreRobust('roll+15', label({}), result(3), tilted, judged(tilted)).explained).toBe(true)
  })

  it('calls a zero silent only when nothing at all was said', () => {
    const silent = scoreRobust('dark', label({}), result(3), result(0), judged(result(0)))
    expect(silent.silentZero).toBe(true)
    const other = result(0, { events: [{ type: 'exercise', t: 0, recognised: 'plank', planned: 'squat', posture: 'prone' }] })
    expect(scoreRobust('dark', label({}), result(3), other, judged(other)).silentZero).toBe(false)
    // A clip labelled with nothing to count cannot be a silent zero.
    expect(scoreRobust('dark', label({ rep_count: 0 }), result(0), result(0), judged(result(0))).silentZero).toBe(false)
  })

  it('sums to the one closing line, an explained count kept', () => {
    const lostEvents: EngineEvent[] = [{ type: 'visibility', t: 0, ok: false, missing: ['nose'], reason: 'out-of-frame' }]
    const outcomes = [
      scoreRobust('dark', label({}), result(3), result(3, { cues: [{ t: 1, id: 'squat-sit-back' }] }), judged(result(3))),
      scoreRobust('head-cropped', label({}), result(3), result(0, { events: lostEvents }), judged(result(0, { events: lostEvents }))),
      scoreRobust('noise', label({}), result(3), result(0), judged(result(0))),
      scoreRobust('15fps', label({}), result(3), result(2), judged(result(2)))
    ]
    expect(robustLine(summariseRobust(outcomes))).toBe('robust: clips=4 countKept=0.50 cuesAdded=1 silentZeros=1')
    const table = kindTable(outcomes, ['dark', 'noise', '15fps', 'head-cropped', 'mirrored'])
    expect(table).toMatch(/^dark +1 +1\/1 +- +1 +0 +0 +0\.0$/m)
    expect(table).toMatch(/^head-cropped +1 +0\/1 +1 +0 +0 +0 +20\.0 \(out-of-frame\)$/m)
    expect(table).toMatch(/^mirrored +- +\(no clip this kind applies to\)$/m)
    expect(table).toContain('countKept=0.33 over 3 analyses')
    expect(outcomeLine(outcomes[2])).toMatch(/noise .* reps 3→0 \(label 3\) LOST .*SILENT ZERO$/)
  })
})
