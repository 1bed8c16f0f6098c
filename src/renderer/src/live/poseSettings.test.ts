import { describe, expect, it } from 'vitest'
import { DEFAULT_POSE_MODEL, loadPoseSettings, savePoseSettings } from './poseSettings'

function store() {
  const data = new Map<string, string>()
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) }
}

describe('pose settings', () => {
  it('round-trips a valid choice', () => {
    const s = store()
    savePoseSettings(s, { model: 'movenet-thunder', backend: 'wasm' })
    expect(loadPoseSettings(s)).toEqual({ model: 'movenet-thunder', backend: 'wasm' })
  })

  it('falls back to defaults for unknown values', () => {
    const s = store()
    s.setItem('revup.poseSettings', JSON.stringify({ model: 'yolo', backend: 'cuda' }))
    expect(loadPoseSettings(s)).toEqual({ model: DEFAULT_POSE_MODEL, backend: 'auto' })
    expect(loadPoseSettings(null)).toEqual({ model: DEFAULT_POSE_MODEL, backend: 'auto' })
  })
})
