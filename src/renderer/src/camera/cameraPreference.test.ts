import { describe, expect, it } from 'vitest'
import { cameraConstraints, loadCameraPreference, saveCameraPreference } from './cameraPreference'

function store() {
  const data = new Map<string, string>()
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) }
}

describe('camera preference', () => {
  it('round-trips the device and resolution', () => {
    const s = store()
    saveCameraPreference(s, { deviceId: 'cam-2', resolution: '1080p' })
    expect(loadCameraPreference(s)).toEqual({ deviceId: 'cam-2', resolution: '1080p' })
  })

  it('falls back to defaults on malformed data', () => {
    const s = store()
    s.setItem('revup.camera', '{not json')
    expect(loadCameraPreference(s)).toEqual({ deviceId: null, resolution: '720p' })
    s.setItem('revup.camera', JSON.stringify({ deviceId: 7, resolution: '8k' }))
    expect(loadCameraPreference(s)).toEqual({ deviceId: null, resolution: '720p' })
  })

  it('asks for the exact saved device and the size as an ideal', () => {
    const c = cameraConstraints({ deviceId: 'cam-2', resolution: '480p' }).video as MediaTrackConstraints
    expect(c.deviceId).toEqual({ exact: 'cam-2' })
    expect(c.width).toEqual({ ideal: 640 })
  })
})
