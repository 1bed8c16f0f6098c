import { describe, expect, it } from 'vitest'
import { describeCameraError, describeVideoError } from './cameraErrors'

const domError = (name: string) => Object.assign(new Error('x'), { name })

describe('describeCameraError', () => {
  it('tells a denied permission apart from a missing camera', () => {
    expect(describeCameraError(domError('NotAllowedError')).problem).toBe('denied')
    expect(describeCameraError(domError('NotFoundError')).problem).toBe('no-camera')
    expect(describeCameraError(domError('NotReadableError')).problem).toBe('in-use')
    expect(describeCameraError(domError('OverconstrainedError')).problem).toBe('resolution')
  })

  it('says what to do next', () => {
    expect(describeCameraError(domError('NotAllowedError')).message).toMatch(/permission was denied.*press Start/)
  })

  it('keeps the detail of an unknown failure', () => {
    expect(describeCameraError(new Error('boom')).message).toMatch(/\(boom\)/)
  })
})

describe('describeVideoError', () => {
  it('names the file and the reason', () => {
    expect(describeVideoError('clip.mkv', 4)).toMatch(/"clip\.mkv".*not supported/)
    expect(describeVideoError('x.mp4', undefined)).toMatch(/could not be decoded/)
  })
})
