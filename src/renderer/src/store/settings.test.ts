import { describe, expect, it } from 'vitest'
import { DEFAULT_POSE_MODEL } from '../../../pose/catalogue'
import { applySettingsPatch, DEFAULT_SETTINGS, type ModelMeasurement } from './settings'

describe('pose model and backend in the settings slice', () => {
  it('defaults to the catalogue default model and a measured backend', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ model: DEFAULT_POSE_MODEL, backend: 'auto' })
  })

  it('keeps a valid model and backend choice', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { model: 'movenet-thunder', backend: 'wasm' })).toMatchObject({ model: 'movenet-thunder', backend: 'wasm' })
  })

  it('ignores an unknown model or backend from storage, keeping the current one', () => {
    const current = applySettingsPatch(DEFAULT_SETTINGS, { model: 'blazepose-full', backend: 'webgl' })
    const next = applySettingsPatch(current, { model: 'yolo', backend: 'cuda' } as never)
    expect(next).toMatchObject({ model: 'blazepose-full', backend: 'webgl' })
  })

  it('fills the backend in for settings stored before it existed', () => {
    const stored = { voice: false, model: 'movenet-lightning' } as Partial<typeof DEFAULT_SETTINGS>
    expect(applySettingsPatch(DEFAULT_SETTINGS, stored)).toMatchObject({ voice: false, model: 'movenet-lightning', backend: 'auto' })
  })
})

describe('camera choice in the settings slice (shared by Camera check and the workout)', () => {
  it('keeps a chosen device and resolution', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { cameraId: 'cam-2', cameraResolution: '1080p' })).toMatchObject({ cameraId: 'cam-2', cameraResolution: '1080p' })
  })

  it('ignores a malformed device or resolution from storage, keeping the current one', () => {
    const current = applySettingsPatch(DEFAULT_SETTINGS, { cameraId: 'cam-2', cameraResolution: '480p' })
    const next = applySettingsPatch(current, { cameraId: 7, cameraResolution: '8k' } as never)
    expect(next).toMatchObject({ cameraId: 'cam-2', cameraResolution: '480p' })
  })

  it('fills the resolution in for settings stored before it existed', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { cameraId: 'cam-1' })).toMatchObject({ cameraId: 'cam-1', cameraResolution: '720p' })
  })
})

describe('the measured model choice in the settings slice', () => {
  const measurement: ModelMeasurement = {
    measuredAt: '2026-12-01T10:00:00.000Z', backend: 'wasm', cameraFps: 30, budgetMs: 27.8,
    timings: [{ model: 'blazepose-lite', msPerFrame: 12 }, { model: 'blazepose-full', msPerFrame: 20 }, { model: 'blazepose-heavy', msPerFrame: 60 }],
    chosen: 'blazepose-full', reason: 'keeps-up'
  }

  it('starts automatic and unmeasured', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ modelChoice: 'auto', modelMeasurement: null })
  })

  it('runs the measured choice while automatic, and keeps the measurement', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, { modelMeasurement: measurement })
    expect(next).toMatchObject({ model: 'blazepose-full', modelChoice: 'auto', modelMeasurement: measurement })
  })

  it('picking a model overrides the choice; a new measurement then changes nothing', () => {
    const manual = applySettingsPatch(applySettingsPatch(DEFAULT_SETTINGS, { modelMeasurement: measurement }), { model: 'blazepose-lite' })
    expect(manual).toMatchObject({ model: 'blazepose-lite', modelChoice: 'manual' })
    expect(applySettingsPatch(manual, { modelMeasurement: { ...measurement, chosen: 'blazepose-heavy' } }).model).toBe('blazepose-lite')
    expect(applySettingsPatch(manual, { modelChoice: 'auto' }).model).toBe('blazepose-full')
  })

  it('a model chosen before automatic choice existed is kept as an override', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { model: 'blazepose-full' })).toMatchObject({ model: 'blazepose-full', modelChoice: 'manual' })
  })

  it('drops a stored measurement of the wrong shape', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, { modelMeasurement: { ...measurement, chosen: 'yolo' } } as never)
    expect(next.modelMeasurement).toBeNull()
    expect(next.model).toBe(DEFAULT_POSE_MODEL)
  })
})
