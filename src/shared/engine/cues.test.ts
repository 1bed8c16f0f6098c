import { describe, expect, it } from 'vitest'
import { EXERCISE_IDS } from './events'
import { CUES, cueIdsFor, getCue } from './cues'

describe('cue vocabulary', () => {
  it('gives every exercise at least one cue and every cue a sentence and joints', () => {
    for (const id of EXERCISE_IDS) expect(cueIdsFor(id).length).toBeGreaterThan(0)
    for (const cue of Object.values(CUES)) {
      expect(cue.text).toMatch(/\.$/)
      expect(cue.joints.length).toBeGreaterThan(0)
    }
  })

  it('names the bad id and the allowed set', () => {
    expect(getCue('hips-sagging').id).toBe('hips-sagging')
    expect(() => getCue('nope')).toThrow(/"nope".*hips-sagging/)
  })
})
