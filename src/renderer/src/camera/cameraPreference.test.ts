import { describe, expect, it } from 'vitest'
import { cameraConstraints, isResolution } from './cameraPreference'

describe('camera preference', () => {
  it('knows the offered resolutions and nothing else', () => {
    expect(isResolution('1080p')).toBe(true)
    expect(isResolution('8k')).toBe(false)
    expect(isResolution(720)).toBe(false)
  })

  it('asks for the exact saved device and the size as an ideal', () => {
    const c = cameraConstraints({ deviceId: 'cam-2', resolution: '480p' }).video as MediaTrackConstraints
    expect(c.deviceId).toEqual({ exact: 'cam-2' })
    expect(c.width).toEqual({ ideal: 640 })
  })

  it('leaves the device to the system when none was chosen', () => {
    const c = cameraConstraints({ deviceId: null, resolution: '720p' }).video as MediaTrackConstraints
    expect(c.deviceId).toBeUndefined()
    expect(c.height).toEqual({ ideal: 720 })
  })
})
