import { describe, expect, it } from 'vitest'
import type { AnalysisResult } from '../src/shared/engine/analyze'
import {
  cueForFault, cueKind, exerciseIdFor, isScored, joinedHolds, labelledGoodFormSeconds, recallByCue, recallTable, restrictToUsable,
  scoreClip, summarise, summaryLine, type ClipLabel
} from './evalScore'

const label = (over: Partial<ClipLabel>): ClipLabel => ({ clip: 'x.mp4', exercise: 'squat', usable: [[0, 10]], reps: [], rep_count: 0, holds: [], faults: [], ...over })
const result = (over: Partial<AnalysisResult>): AnalysisResult => ({ exercise: 'squat', repCount: 0, reps: [], holds: [], cues: [], events: [], ...over })
const hold = (start: number, end: number, goodFormSeconds = end - start): AnalysisResult['holds'][number] => ({ start, end, side: null, goodFormSeconds })

describe('evalScore', () => {
  it('maps label exercise names to app ids, naming a bad one', () => {
    expect(exerciseIdFor('split_squat')).toBe('lunge')
    expect(exerciseIdFor('heel_slide')).toBe('heel-taps')
    expect(() => exerciseIdFor('burpee')).toThrow(/"burpee"/)
  })

  it('maps every fault name of the footage README to its cue, per exercise where the cue differs', () => {
    expect(cueForFault('knee_valgus', 'squat')).toBe('squat-knees-caving')
    expect(cueForFault('knees_past_toes', 'lunge')).toBe('knee-past-toes')
    expect(cueForFault('torso_leaning', 'squat')).toBe('squat-chest-folding')
    expect(cueForFault('torso_leaning', 'lunge')).toBe('torso-leaning')
    expect(cueForFault('torso_leaning', 'step-up')).toBe('torso-leaning')
    expect(cueForFault('insufficient_depth', 'squat')).toBe('squat-depth')
    expect(cueForFault('hips_sagging', 'plank')).toBe('hips-sagging')
    expect(cueForFault('hips_piking', 'push-up')).toBe('hips-piking')
    expect(cueForFault('side_plank_hips_piking', 'side-plank')).toBe('side-plank-hips-piking')
    expect(cueForFault('side_plank_hips_dropping', 'side-plank')).toBe('side-plank-hips-dropping')
    expect(cueForFault('side_plank_elbow_not_under_shoulder', 'side-plank')).toBe('side-plank-elbow-under-shoulder')
    expect(cueForFault('elbows_flaring', 'push-up')).toBe('push-up-elbows-flaring')
    expect(cueForFault('heel_taps_knee_straightening', 'heel-taps')).toBe('heel-taps-knee-straightening')
    expect(cueForFault('step_up_push_off', 'step-up')).toBe('step-up-push-off')
    expect(cueForFault('back_overarched', 'squat')).toBeNull()
    expect(cueForFault('shoulders_shrugging', 'cable-row')).toBeUndefined()
  })

  it('takes a cue id the cue list does not know as a form cue instead of throwing', () => {
    expect(cueKind('squat-pause-short')).toEqual({ kind: 'routine', known: true })
    expect(cueKind('not-a-cue-yet')).toEqual({ kind: 'form', known: false })
  })

  it('scores counts against the acceptable range', () => {
    expect(scoreClip(label({ rep_count: 2, rep_count_acceptable: [2, 3] }), result({ repCount: 3 })).countError).toBe(0)
    expect(scoreClip(label({ rep_count: 5 }), result({ repCount: 3 })).countError).toBe(2)
  })

  it('finds labelled faults by cue id and time, ignores debatable ones, and counts form cues outside faults as false', () => {
    const l = label({
      faults: [
        { fault: 'knee_valgus', start: 1, end: 2 },
        { type: 'knees_past_toes', start: 5, end: 6, debatable: true }
      ]
    })
    const s = scoreClip(l, result({
      cues: [
        { t: 1.5, id: 'squat-knees-caving' },
        { t: 5.5, id: 'knee-past-toes' },
        { t: 8, id: 'squat-knees-caving' },
        { t: 8, id: 'squat-pause-short' }
      ]
    }))
    expect([s.faultsLabelled, s.faultsFound]).toEqual([1, 1])
    expect(s.falseCues).toEqual(['squat-knees-caving@8.0'])
    expect(s.routineCues).toBe(1)
  })

  it('lists an unmapped fault as unscored, excuses cues in a fault no cue answers, and reports unknown cue ids', () => {
    const l = label({
      faults: [
        { fault: 'heels_lifting', start: 1, end: 2 },
        { fault: 'back_overarched', start: 3, end: 4 },
        { fault: 'torso_leaning', start: 6, end: 7 }
      ]
    })
    const s = scoreClip(l, result({ cues: [{ t: 3.5, id: 'squat-sit-back' }, { t: 6.5, id: 'squat-chest-folding' }, { t: 9, id: 'brand-new-cue' }] }))
    expect(s.unscoredFaults).toEqual(['heels_lifting'])
    expect(s.faults).toEqual([{ name: 'torso_leaning', cue: 'squat-chest-folding', start: 6, end: 7, found: true }])
    expect(s.falseCues).toEqual(['brand-new-cue@9.0'])
    expect(s.unknownCueIds).toEqual(['squat-chest-folding', 'brand-new-cue'].filter((id) => !cueKind(id).known))
  })

  it('scores holds by the best-overlapping measured hold, and a missed hold as its whole length', () => {
    const l = label({ exercise: 'plank', holds: [{ start: 2, end: 8 }, { start: 20, end: 25 }] })
    const s = scoreClip(l, result({ holds: [hold(2.5, 8, 5)] }))
    expect(s.holdErrors).toEqual([0.5, 5])
  })

  it('joins hold pieces labelled by form into one hold, and leaves out pieces outside the usable picture', () => {
    const l = label({
      exercise: 'side_plank',
      holds: [
        { start: 0, end: 2.2, good_form: true },
        { start: 2.2, end: 4.9, good_form: false },
        { start: 4.9, end: 11.8, good_form: true },
        { start: 11.8, end: 15, in_usable: false }
      ]
    })
    expect(joinedHolds(l)).toEqual([{ start: 0, end: 11.8 }])
    expect(scoreClip(l, result({ holds: [hold(0.3, 11.8, 9)] })).holdErrors[0]).toBeCloseTo(0.3)
  })

  it('scores good-form hold time against good_form_seconds, else the holds not marked bad', () => {
    const pieces: ClipLabel['holds'] = [{ start: 0, end: 2, good_form: true }, { start: 2, end: 8, good_form: false }, { start: 8, end: 10, good_form: true }]
    expect(labelledGoodFormSeconds(label({ holds: pieces }))).toBe(4)
    expect(labelledGoodFormSeconds(label({ holds: pieces, good_form_seconds: 4.09 }))).toBe(4.09)
    expect(labelledGoodFormSeconds(label({ holds: [] }))).toBeNull()
    const s = scoreClip(label({ exercise: 'side_plank', holds: pieces, good_form_seconds: 4.09 }), result({ holds: [hold(0, 10, 10)] }))
    expect(s.holdErrors).toEqual([0])
    expect(s.holdGoodFormError).toBeCloseTo(5.91)
    expect(scoreClip(label({ rep_count: 3 }), result({ repCount: 3 })).holdGoodFormError).toBeNull()
  })

  it('scores a stand-in and an eval_skip clip for their cues only', () => {
    const standIn = scoreClip(
      label({ exercise: 'heel_taps', stand_in: true, rep_count: 4, faults: [{ fault: 'heel_taps_knee_straightening', start: 1, end: 3 }] }),
      result({ repCount: 1, cues: [{ t: 2, id: 'heel-taps-knee-straightening' }] })
    )
    expect(standIn.hasReps).toBe(false)
    expect(standIn.countNotScored).toMatch(/stand-in/)
    expect([standIn.faultsFound, standIn.faultsLabelled]).toEqual([1, 1])

    const overhead = label({ exercise: 'pushup', rep_count: 9, eval_skip: 'camera above the body', faults: [{ fault: 'elbows_flaring', start: 20, end: 22 }] })
    expect(isScored(overhead)).toBe(true)
    expect(scoreClip(overhead, result({ repCount: 0 })).countNotScored).toMatch(/eval_skip \(camera above the body\)/)
    expect(isScored(label({ eval_skip: 'heel slides', faults: [] }))).toBe(false)
    expect(isScored(label({ eval_skip: 'edits', faults: [{ fault: 'knee_valgus', start: 0, end: 1, debatable: true }] }))).toBe(false)
  })

  it('keeps to the usable spans, with a clipped hold keeping at most its clipped length as good form', () => {
    const r = restrictToUsable(
      result({
        repCount: 2,
        reps: [{ start: 0, bottom: 1, end: 2, side: null, cues: [] }, { start: 5, bottom: 6, end: 7, side: null, cues: [] }],
        holds: [hold(3, 12, 9)],
        cues: [{ t: 1, id: 'squat-depth' }, { t: 6, id: 'squat-depth' }]
      }),
      [[4, 10]]
    )
    expect(r.repCount).toBe(1)
    expect(r.holds).toEqual([hold(4, 10, 6)])
    expect(r.cues).toEqual([{ t: 6, id: 'squat-depth' }])
  })

  it('reports recall per cue id with the clips that missed', () => {
    const a = scoreClip(label({ clip: 'squat/a.mp4', faults: [{ fault: 'knee_valgus', start: 1, end: 2 }, { fault: 'knee_valgus', start: 3, end: 4 }] }), result({ cues: [{ t: 1, id: 'squat-knees-caving' }] }))
    const b = scoreClip(label({ clip: 'squat/b.mp4', faults: [{ fault: 'insufficient_depth', start: 1, end: 2 }, { fault: 'odd_fault', start: 5, end: 6 }] }), result({ cues: [{ t: 1.6, id: 'squat-depth' }] }))
    expect(recallByCue([a, b])).toEqual([
      { cue: 'squat-depth', found: 1, labelled: 1, missedIn: [] },
      { cue: 'squat-knees-caving', found: 1, labelled: 2, missedIn: ['a.mp4'] }
    ])
    const table = recallTable([a, b])
    expect(table).toMatch(/^squat-knees-caving +1\/2 +0\.50 +a\.mp4$/m)
    expect(table).toContain('unscored faults (no cue mapped): odd_fault ×1')
  })

  it('ends with the one summary line, the first fields unchanged', () => {
    const s = scoreClip(label({ rep_count: 3 }), result({ repCount: 3 }))
    expect(summaryLine(summarise([s]))).toBe(
      'eval: clips=1 exact=1.00 mae=0.00 obo=1.00 holdErrorS=0.00 cueRecall=1.00 falseCues=0 routineCues=0 holdGoodFormErrorS=0.00 countedClips=1 unscoredFaults=0'
    )
  })

  it('leaves cue-only clips out of the count metrics', () => {
    const counted = scoreClip(label({ rep_count: 3 }), result({ repCount: 2 }))
    const standIn = scoreClip(label({ rep_count: 4, stand_in: true }), result({ repCount: 0 }))
    const summary = summarise([counted, standIn])
    expect([summary.clips, summary.countedClips, summary.exact, summary.mae]).toEqual([2, 1, 0, 1])
  })
})
