import { describe, expect, it } from 'vitest'
import { median, nextBackend, rankBackends, shouldProbe, startOrder } from './backendRanking'

describe('rankBackends', () => {
  it('puts the fastest measured backend first, not the one that merely exists', () => {
    expect(
      rankBackends([
        { backend: 'webgl', ok: true, msPerFrame: 420 },
        { backend: 'wasm', ok: true, msPerFrame: 31 },
        { backend: 'webgpu', ok: false, error: 'No WebGPU adapter.' }
      ])
    ).toEqual(['wasm', 'webgl'])
  })

  it('prefers the GPU when the GPU is faster', () => {
    expect(rankBackends([{ backend: 'wasm', ok: true, msPerFrame: 30 }, { backend: 'webgpu', ok: true, msPerFrame: 6 }])).toEqual(['webgpu', 'wasm'])
  })

  it('returns nothing when every backend failed', () => {
    expect(rankBackends([{ backend: 'wasm', ok: false, error: 'x' }])).toEqual([])
  })
})

describe('startOrder', () => {
  const all = ['wasm', 'webgl', 'webgpu'] as const
  it('puts the user override first', () => {
    expect(startOrder('webgl', all)).toEqual(['webgl', 'wasm', 'webgpu'])
  })
  it('puts the remembered backend first in auto mode', () => {
    expect(startOrder('auto', all, 'webgpu')).toEqual(['webgpu', 'wasm', 'webgl'])
  })
  it('skips backends this browser lacks, even when chosen', () => {
    expect(startOrder('webgpu', ['wasm', 'webgl'])).toEqual(['wasm', 'webgl'])
  })
})

describe('shouldProbe', () => {
  it('probes only in auto mode with nothing remembered', () => {
    expect(shouldProbe('auto')).toBe(true)
    expect(shouldProbe('auto', 'wasm')).toBe(false)
    expect(shouldProbe('webgl')).toBe(false)
  })
})

describe('nextBackend', () => {
  it('skips failed backends', () => {
    expect(nextBackend(['webgl', 'wasm'], new Set(['webgl']))).toBe('wasm')
    expect(nextBackend(['wasm'], new Set(['wasm']))).toBeNull()
  })
})

describe('median', () => {
  it('handles odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 2, 3])).toBe(2.5)
  })
  it('names the problem for an empty list', () => {
    expect(() => median([])).toThrow(/at least one value/)
  })
})
