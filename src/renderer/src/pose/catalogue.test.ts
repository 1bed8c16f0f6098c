import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_POSE_MODEL, POSE_MODELS, POSE_MODEL_IDS, isPoseModelId, parsePoseModelId } from './catalogue'

describe('pose model catalogue', () => {
  it('lists every model id with files under human/', () => {
    for (const id of POSE_MODEL_IDS) {
      const info = POSE_MODELS[id]
      expect(info.id).toBe(id)
      expect(info.files.every((f) => f.startsWith('human/') && f.endsWith('.json'))).toBe(true)
      expect(info.files.length).toBe(info.family === 'blazepose' ? 2 : 1)
      expect(info.keypointCount).toBe(info.family === 'blazepose' ? 33 : 17)
      expect(info.hasWorldLandmarks).toBe(info.family === 'blazepose')
    }
  })

  it('rejects an unknown model id naming the value and the allowed set', () => {
    expect(parsePoseModelId('movenet-thunder')).toBe('movenet-thunder')
    expect(() => parsePoseModelId('posenet')).toThrow(/"posenet".*blazepose-lite, blazepose-full, blazepose-heavy, movenet-lightning, movenet-thunder/)
    expect(() => parsePoseModelId(undefined)).toThrow(/undefined/)
  })
})

describe('catalogue module', () => {
  it('defaults to a catalogue model', () => {
    expect(isPoseModelId(DEFAULT_POSE_MODEL)).toBe(true)
    expect(isPoseModelId('posenet')).toBe(false)
    expect(isPoseModelId(3)).toBe(false)
  })

  it('imports nothing, so naming a model never bundles tfjs', () => {
    const source = readFileSync(new URL('./catalogue.ts', import.meta.url), 'utf8')
    expect(source).not.toMatch(/^\s*(import|export)\s[^\n]*\sfrom\s/m)
  })
})
