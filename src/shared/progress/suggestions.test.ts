import { describe, expect, it } from 'vitest'
import { suggestProgressions } from './suggestions'
import { cleanSets, part, session } from './testSessions'
import type { ProgressSession } from './types'

const only = (sessions: ProgressSession[]) => suggestProgressions(sessions).map((s) => [s.id, s.evidence])

describe('push-up progressions', () => {
  it('moves from the knees to full push-ups after 2×10 clean from the knees', () => {
    const [s] = suggestProgressions([session(1, cleanSets('push-up', 2, 10, [null], { variant: 'knees' }))])
    expect(s.id).toBe('push-up:full')
    expect(s.evidence).toEqual(['s1'])
    expect(s.evidenceText).toBe('2 clean sets of 10 from the knees in your last session.')
  })

  it('does not suggest full push-ups when the knee sets carried cues', () => {
    const sets = cleanSets('push-up', 2, 10, [null], { variant: 'knees' })
    sets[1] = { ...sets[1], repsWithCues: 3, warnings: 3 }
    expect(only([session(1, sets)])).toEqual([])
  })

  it('works from 5 full push-ups up to 2×10, and stops there', () => {
    expect(only([session(1, [part('push-up', { reps: 6 })])])).toEqual([['push-up:2x10', ['s1']]])
    expect(only([session(1, [part('push-up', { reps: 4 })])])).toEqual([])
    expect(only([session(1, cleanSets('push-up', 2, 10))])).toEqual([])
    expect(only([session(1, [part('push-up', { reps: 6, variant: 'standard' })])])).toEqual([['push-up:2x10', ['s1']]])
  })
})

describe('evidence', () => {
  it('names the newest run of sessions that met it, newest first', () => {
    const knees = (day: number, reps: number) => session(day, cleanSets('push-up', 2, reps, [null], { variant: 'knees' }))
    expect(only([knees(1, 10), knees(2, 8), knees(3, 10), knees(4, 12)])).toEqual([['push-up:full', ['s4', 's3']]])
  })

  it('suggests nothing when only an older session met it', () => {
    const knees = (day: number, reps: number) => session(day, cleanSets('push-up', 2, reps, [null], { variant: 'knees' }))
    expect(only([knees(1, 10), knees(2, 6)])).toEqual([])
  })

  it('ends the run at a session done at another level', () => {
    const sessions = [
      session(1, cleanSets('step-up', 2, 10, ['left', 'right'])),
      session(2, cleanSets('step-up', 2, 10, ['left', 'right'], { variant: 'dumbbells', loaded: true }))
    ]
    expect(only(sessions)).toEqual([['step-up:heavier', ['s2']]])
  })
})

describe('hold progressions', () => {
  it('asks for a longer plank after a clean 60 s hold', () => {
    const [s] = suggestProgressions([session(1, [part('plank', { longestHoldSeconds: 62 })])])
    expect(s.id).toBe('plank:longer')
    expect(s.text).toContain('75 s')
  })

  it('builds a 30–60 s plank towards 60 s, and ignores a hold broken by cues', () => {
    expect(suggestProgressions([session(1, [part('plank', { longestHoldSeconds: 38 })])])[0].text).toContain('aim for 45 s')
    expect(only([session(1, [part('plank', { longestHoldSeconds: 62, holdWarnings: 4 })])])).toEqual([])
    expect(only([session(1, [part('plank', { longestHoldSeconds: 20 })])])).toEqual([])
  })

  it('builds the side plank on the weaker side, up to 60 s per side', () => {
    const sides = (left: number, right: number) =>
      session(1, [part('side-plank', { side: 'left', longestHoldSeconds: left }), part('side-plank', { side: 'right', longestHoldSeconds: right })])
    expect(suggestProgressions([sides(47, 52)])[0].text).toBe('Side plank: build to 60 s per side.')
    expect(suggestProgressions([sides(47, 31)])[0].text).toBe('Side plank: build to 45 s per side.')
    expect(suggestProgressions([sides(16, 18)])[0].text).toBe('Side plank: build to 30 s per side.')
    expect(only([sides(61, 64)])).toEqual([])
    expect(only([sides(10, 64)])).toEqual([])
  })
})

describe('leg progressions', () => {
  it('adds dumbbells to step-ups after 2×10 per leg, not after one leg', () => {
    expect(only([session(1, cleanSets('step-up', 2, 10, ['left', 'right']))])).toEqual([['step-up:dumbbells', ['s1']]])
    expect(only([session(1, cleanSets('step-up', 2, 10, ['left']))])).toEqual([])
  })

  it('adds reps to lunges and squats (no loaded lunge to pick), stops at 2×15, and takes away the squat chair first', () => {
    expect(only([session(1, cleanSets('lunge', 2, 10, ['left', 'right']))])).toEqual([['lunge:more-reps', ['s1']]])
    expect(only([session(1, cleanSets('lunge', 2, 15, ['left', 'right']))])).toEqual([])
    expect(only([session(1, cleanSets('squat', 2, 10))])).toEqual([['squat:more-reps', ['s1']]])
    expect(only([session(1, cleanSets('squat', 2, 10, [null], { variant: 'chair' }))])).toEqual([['squat:unassisted', ['s1']]])
  })

  it('moves band walks up the colours and stops at black', () => {
    const walk = (band: 'yellow' | 'green' | 'blue' | 'black') => session(1, cleanSets('band-walk', 2, 10, ['left', 'right'], { bandColour: band }))
    expect(only([walk('yellow')])).toEqual([['band-walk:green', ['s1']]])
    expect(only([walk('green')])).toEqual([['band-walk:blue', ['s1']]])
    expect(only([walk('blue')])).toEqual([['band-walk:black', ['s1']]])
    expect(only([walk('black')])).toEqual([])
    expect(only([session(1, cleanSets('band-walk', 2, 8, ['left', 'right'], { bandColour: 'green' }))])).toEqual([])
  })

  it('moves glute bridges to feet together, then to one leg', () => {
    const bridge = (variant: string | null) => session(1, [part('glute-bridge', { variant, longestHoldSeconds: 60, reps: 20 })])
    expect(only([bridge(null)])).toEqual([['glute-bridge:feet-together', ['s1']]])
    expect(only([bridge('feet-together')])).toEqual([['glute-bridge:single-leg', ['s1']]])
    expect(only([bridge('single-leg')])).toEqual([])
    expect(only([bridge('standard')])).toEqual([['glute-bridge:feet-together', ['s1']]])
    expect(only([session(1, [part('glute-bridge', { longestHoldSeconds: 60, reps: 12 })])])).toEqual([])
  })
})

describe('core and upper body progressions', () => {
  it('moves heel taps to both legs, then onto a foam roller', () => {
    expect(only([session(1, cleanSets('heel-taps', 2, 10))])).toEqual([['heel-taps:both-legs', ['s1']]])
    expect(only([session(1, cleanSets('heel-taps', 2, 10, [null], { variant: 'both-legs' }))])).toEqual([['heel-taps:foam-roller', ['s1']]])
    expect(only([session(1, cleanSets('heel-taps', 2, 10, [null], { variant: 'foam-roller' }))])).toEqual([])
    // The registry's own name for the standard form counts as the first rung.
    expect(only([session(1, cleanSets('heel-taps', 2, 10, [null], { variant: 'alternating' }))])).toEqual([['heel-taps:both-legs', ['s1']]])
  })

  it('adds load to cable rows at 2×15 clean', () => {
    expect(only([session(1, cleanSets('cable-row', 2, 15))])).toEqual([['cable-row:load', ['s1']]])
    expect(only([session(1, cleanSets('cable-row', 2, 12))])).toEqual([])
  })

  it('gives one suggestion per exercise, in routine order', () => {
    const s = session(1, [...cleanSets('squat', 2, 10), part('plank', { longestHoldSeconds: 61 })])
    expect(suggestProgressions([s]).map((x) => x.exercise)).toEqual(['plank', 'squat'])
  })
})
