import { describe, expect, it } from 'vitest'
import type { AnalysisResult } from '../src/shared/engine/analyze'
import type { EngineEvent } from '../src/shared/engine/events'
import { notJudgedMessage, wrongExerciseMessage } from '../src/shared/engine/judging'
import { cameraSpans, cueScopeSpans, exerciseReading, judgingReport, notJudgedSpans, totalsByReason, zeroReason } from './judgedReport'

const result = (events: EngineEvent[], over: Partial<AnalysisResult> = {}): AnalysisResult =>
  ({ exercise: 'squat', repCount: 0, reps: [], holds: [], cues: [], events, ...over })

const FEET = ['left_ankle', 'right_ankle'] as const

describe('not-judged spans', () => {
  const events: EngineEvent[] = [
    { type: 'visibility', t: 1000, ok: false, missing: [...FEET], reason: 'out-of-frame' },
    { type: 'visibility', t: 3000, ok: true, missing: [] },
    { type: 'visibility', t: 5000, ok: false, missing: [], reason: 'too-dark' },
    { type: 'visibility', t: 6000, ok: false, missing: ['left_knee'] },
    { type: 'cue', t: 6500, phase: 'raised', id: 'squat-depth' }
  ]

  it('opens a span at each ok:false (a new one replaces the open one), closes it at ok:true or the end', () => {
    expect(notJudgedSpans(events, 8)).toEqual([
      { start: 1, end: 3, reason: 'out-of-frame', missing: [...FEET], message: notJudgedMessage('out-of-frame', [...FEET]) },
      { start: 5, end: 6, reason: 'too-dark', missing: [], message: notJudgedMessage('too-dark') },
      { start: 6, end: 8, reason: 'unspecified', missing: ['left_knee'], message: notJudgedMessage('joints-hidden', ['left_knee']) }
    ])
    expect(notJudgedMessage('out-of-frame', [...FEET])).toBe('Your feet are out of the picture: move the laptop further away.')
  })

  it('joins touching spans that tell the runner the same thing', () => {
    const spans = notJudgedSpans([
      { type: 'visibility', t: 0, ok: false, missing: ['left_wrist'] },
      { type: 'visibility', t: 300, ok: false, missing: ['right_wrist', 'left_wrist'] },
      { type: 'visibility', t: 900, ok: false, missing: ['left_knee'] }
    ], 2)
    expect(spans.map((s) => [s.start, s.end, s.missing])).toEqual([[0, 0.9, ['left_wrist', 'right_wrist']], [0.9, 2, ['left_knee']]])
  })

  it('clamps spans to the clip and sums them per reason, longest first', () => {
    const spans = notJudgedSpans([{ type: 'visibility', t: 0, ok: false, missing: [], reason: 'no-person' }, ...events], 7)
    expect(spans[0]).toMatchObject({ start: 0, end: 1, reason: 'no-person' })
    expect(totalsByReason(spans).map((r) => [r.reason, r.seconds])).toEqual([['out-of-frame', 2], ['no-person', 1], ['too-dark', 1], ['unspecified', 1]])
    expect(notJudgedSpans([{ type: 'visibility', t: 0, ok: false, missing: [] }], 2)[0].message).toBe('Not judged (the engine gave no reason).')
  })

  it('reports seconds judged and not judged', () => {
    const j = judgingReport(result(events), 8)
    expect([j.judgedSeconds, j.notJudgedSeconds]).toEqual([3, 5])
  })
})

describe('cue scope, camera and exercise', () => {
  it('spans each cue the view cannot show until it can again, per cue id', () => {
    const spans = cueScopeSpans([
      { type: 'cue-scope', t: 0, id: 'knee-past-toes', judged: false, view: 'front' },
      { type: 'cue-scope', t: 500, id: 'not-a-cue-yet', judged: false, view: 'side' },
      { type: 'cue-scope', t: 4000, id: 'knee-past-toes', judged: true, view: 'side' }
    ], 10)
    expect(spans.map((s) => [s.id, s.start, s.end, s.view])).toEqual([['knee-past-toes', 0, 4, 'front'], ['not-a-cue-yet', 0.5, 10, 'side']])
    expect(spans[0].message).toMatch(/^From the front I can't check this: "Keep your knee stacked/)
    expect(spans[1].message).toBe("From the side I can't check this: not-a-cue-yet")
  })

  it('turns camera events into roll spans, with the last state and the largest roll', () => {
    const events: EngineEvent[] = [
      { type: 'camera', t: 0, rollDeg: 2, state: 'level' },
      { type: 'camera', t: 2000, rollDeg: -14, state: 'tilted' },
      { type: 'camera', t: 5000, rollDeg: 3, state: 'level' }
    ]
    expect(cameraSpans(events, 6)).toEqual([
      { start: 0, end: 2, state: 'level', rollDeg: 2 },
      { start: 2, end: 5, state: 'tilted', rollDeg: -14 },
      { start: 5, end: 6, state: 'level', rollDeg: 3 }
    ])
    const j = judgingReport(result(events), 6)
    expect([j.camera.state, j.camera.rollDeg, j.camera.maxAbsRollDeg]).toEqual(['level', 3, 14])
    expect(judgingReport(result([]), 6).camera).toEqual({ state: null, rollDeg: null, maxAbsRollDeg: null, spans: [] })
  })

  it('takes the last recognised exercise, or the planned one when none was raised', () => {
    expect(exerciseReading('push-up', [])).toEqual({ planned: 'push-up', recognised: 'push-up', posture: 'unknown', raised: false, message: null })
    const r = exerciseReading('push-up', [
      { type: 'exercise', t: 1000, recognised: 'push-up', planned: 'push-up', posture: 'prone' },
      { type: 'exercise', t: 4000, recognised: 'plank', planned: 'push-up', posture: 'prone' }
    ])
    expect(r).toEqual({ planned: 'push-up', recognised: 'plank', posture: 'prone', raised: true, message: wrongExerciseMessage('plank', 'prone') })
    expect(r.message).toBe('This looks like a plank: switch to plank?')
    expect(exerciseReading('squat', [{ type: 'exercise', t: 0, recognised: null, planned: 'squat', posture: 'supine' }]).message)
      .toBe("You look to be on your back, but this isn't one of the routine's exercises.")
  })
})

describe('why nothing was counted', () => {
  const why = (events: EngineEvent[], over: Partial<AnalysisResult> = {}, duration = 10, frames?: { withPerson: number; total: number }): string | null => {
    const r = result(events, over)
    return zeroReason(r, judgingReport(r, duration), frames)
  }

  it('says nothing when a rep or a hold was counted', () => {
    expect(why([], { repCount: 1, reps: [{ start: 0, bottom: 1, end: 2, side: null, cues: [] }] })).toBeNull()
    expect(why([], { holds: [{ start: 0, end: 5, side: null, goodFormSeconds: 5 }] })).toBeNull()
  })

  it('names the longest not-judged reason', () => {
    expect(why([
      { type: 'visibility', t: 0, ok: false, missing: [], reason: 'too-dark' },
      { type: 'visibility', t: 2000, ok: false, missing: [...FEET], reason: 'out-of-frame' }
    ])).toBe('Your feet are out of the picture: move the laptop further away. (not judged 10.0 of 10.0 s; nothing counted)')
  })

  it('puts a picture on its side first, then reasons, then another exercise, then depth', () => {
    expect(why([{ type: 'camera', t: 0, rollDeg: 88, state: 'sideways' }, { type: 'visibility', t: 0, ok: false, missing: [], reason: 'joints-hidden' }]))
      .toMatch(/^The picture is on its side/)
    expect(why([{ type: 'camera', t: 0, rollDeg: 88, state: 'sideways' }, { type: 'camera', t: 3000, rollDeg: 178, state: 'upside-down' }]))
      .toMatch(/^The picture is upside down: turn the camera the right way up\. \(nothing counted\)$/)
    expect(why([{ type: 'exercise', t: 0, recognised: 'plank', planned: 'squat', posture: 'prone' }]))
      .toBe('This looks like a plank: switch to plank? (nothing counted as squat)')
    expect(why([], { cues: [{ t: 1, id: 'squat-sit-back' }, { t: 2, id: 'push-up-depth' }] }))
      .toBe('No rep went deep enough to count: "Lower until your elbows reach ninety degrees."')
    expect(why([], { cues: [{ t: 1, id: 'squat-depth' }] })).toMatch(/^No rep went deep enough to count: "/)
  })

  it('falls back to what the frames show, never to a bare zero', () => {
    expect(why([], {}, 10, { withPerson: 0, total: 300 })).toBe('Nobody was found in any frame (the engine gave no reason).')
    expect(why([])).toBe('Judged the whole time, but no rep reached the counting depth and no hold position was held.')
  })
})
