import { describe, expect, it } from 'vitest'
import { getCue } from '../engine/cues'
import { EXERCISE_IDS } from '../engine/events'
import { EXERCISES, getExercise } from './index'

describe('exercise registry', () => {
  it('lists every exercise id once, each under its own id, with cues from the one vocabulary', () => {
    expect(Object.keys(EXERCISES).sort()).toEqual([...EXERCISE_IDS].sort())
    for (const id of EXERCISE_IDS) {
      expect(getExercise(id).id).toBe(id)
      for (const cue of getExercise(id).cueIds) expect(getCue(cue).id).toBe(cue)
    }
  })

  it('names the bad id and the allowed set', () => {
    expect(() => getExercise('burpee')).toThrow(/"burpee".*squat/)
  })
})
