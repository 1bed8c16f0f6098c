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

  it('counts read as English: "1 rep", "2 reps" (the rest screen said "1 reps")', () => {
    expect([countOf(1, 'rep'), countOf(2, 'rep'), countOf(0, 'rep'), countOf(1200, 'rep')]).toEqual(['1 rep', '2 reps', '0 reps', '1,200 reps'])
  })
})
