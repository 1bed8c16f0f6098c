import { describe, expect, it } from 'vitest'
import { DEFAULT_POSE_MODEL } from '../src/pose/catalogue'
import { parseEvalArgs } from './eval'
import { ROBUST_KINDS } from './robustKinds'

describe('eval arguments', () => {
  it('defaults to every clip, the app model and no split', () => {
    const args = parseEvalArgs([])
    expect(args).toMatchObject({ fixtures: false, model: DEFAULT_POSE_MODEL, only: [], split: null, robust: false, cases: false, clips: [] })
    expect(args.labels).toMatch(/shared\/footage\/labels\.json$/)
    expect(args.kinds).toEqual([...ROBUST_KINDS])
  })

  it('reads the split, robust and cases options', () => {
    expect(parseEvalArgs(['--split', 'source', '--fixtures']).split).toBe('source')
    expect(parseEvalArgs(['--robust', '--clips', 'randy,plank', '--kinds', 'dark,roll+10'])).toMatchObject({ robust: true, clips: ['randy', 'plank'], kinds: ['dark', 'roll+10'] })
    expect(parseEvalArgs(['--cases', '--model', 'blazepose-full'])).toMatchObject({ cases: true, model: 'blazepose-full' })
  })

  it('names a bad value and what was expected', () => {
    expect(() => parseEvalArgs(['--split', 'random'])).toThrow(/Unknown split "random"; expected: source/)
    expect(() => parseEvalArgs(['--kinds', 'fog'])).toThrow(/Unknown robustness kind "fog"/)
    expect(() => parseEvalArgs(['--model', 'posenet'])).toThrow(/Unknown pose model "posenet"/)
    expect(() => parseEvalArgs(['--robust', '--cases'])).toThrow(/separate runs/)
    expect(() => parseEvalArgs(['--robust', '--fixtures'])).toThrow(/--fixtures cannot be used with --robust or --cases/)
    expect(() => parseEvalArgs(['--clips'])).toThrow(/--clips needs a value/)
    expect(() => parseEvalArgs(['--fast'])).toThrow(/Unknown option --fast/)
  })
})
