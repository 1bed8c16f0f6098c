import { describe, expect, it } from 'vitest'
import { countOf } from '../../../shared/text'
import { setLine } from './SetPanel'

describe('the set panel says one thing at a time', () => {
  it('has no pause sentence of its own: the banner says it once (a stepped-out plank showed "paused" twice)', () => {
    expect(setLine(null, null, null).text).toBe('')
    expect(setLine('knees-in', 'Your feet are out of the picture.', null).kind).toBe('notice')
  })

  it('never hides a form cue under a notice that leaves judging on (a cue this view cannot show, a tilted camera)', () => {
    const scope = 'From the front I can\'t check this: "Sit back into your heels, as into a chair."'
    expect(setLine('squat-knees-caving', scope, null, false)).toMatchObject({ kind: 'active', testId: 'cue' })
    expect(setLine(null, scope, null, false)).toMatchObject({ kind: 'notice', text: scope })
    expect(setLine('squat-knees-caving', 'Your feet are out of the picture.', null, true).kind).toBe('notice')
  })

  it('shows why the hold timer stopped as the set line, but only one sentence: "nothing is judged" stands over it (it ran off the screen beside it)', () => {
    const reason = 'Timer stopped: joints out of sight'
    expect(setLine(null, null, null, true, reason)).toEqual({ text: reason, kind: 'hold-reason', testId: 'hold-reason' })
    expect(setLine(null, "I can't see anyone in the picture.", null, true, reason)).toMatchObject({ kind: 'notice', testId: 'not-judged' })
    expect(setLine('hips-sagging', null, null, true, reason)).toMatchObject({ kind: 'active', testId: 'cue' })
    // A notice that leaves judging on (a tilted camera) gives way to the timer's reason, which it does not explain.
    expect(setLine(null, 'Level the laptop.', null, false, reason)).toMatchObject({ kind: 'hold-reason' })
  })

  it('counts read as English: "1 rep", "2 reps" (the rest screen said "1 reps")', () => {
    expect([countOf(1, 'rep'), countOf(2, 'rep'), countOf(0, 'rep'), countOf(1200, 'rep')]).toEqual(['1 rep', '2 reps', '0 reps', '1,200 reps'])
  })
})
