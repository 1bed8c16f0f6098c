import { describe, expect, it } from 'vitest'
import { allowPermissionCheck, allowPermissionRequest, appOrigins, isAppUrl, isTrustedSender, originOf } from './securityPolicy'

const origins = appOrigins()

describe('origins', () => {
  it('compares custom-scheme origins by scheme and host', () => {
    expect(originOf('app://revup/index.html')).toBe('app://revup')
    expect(isAppUrl('app://revup/assets/x.js', origins)).toBe(true)
    expect(isAppUrl('app://evil/index.html', origins)).toBe(false)
    expect(isAppUrl('https://revup/index.html', origins)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', origins)).toBe(false)
    expect(isAppUrl('not a url', origins)).toBe(false)
  })

  it('adds the dev server only when given', () => {
    expect(appOrigins('http://localhost:5173/')).toEqual(['app://revup', 'http://localhost:5173'])
    expect(isAppUrl('http://localhost:5173/index.html', appOrigins('http://localhost:5173'))).toBe(true)
    expect(isAppUrl('http://localhost:5173/index.html', origins)).toBe(false)
  })
})

describe('permissions', () => {
  const base = { permission: 'media', requestingUrl: 'app://revup/index.html', mediaTypes: ['video'], isMainFrame: true }

  it('grants the camera to the app page only', () => {
    expect(allowPermissionRequest(base, origins)).toBe(true)
    expect(allowPermissionRequest({ ...base, requestingUrl: 'https://example.com/' }, origins)).toBe(false)
    expect(allowPermissionRequest({ ...base, isMainFrame: false }, origins)).toBe(false)
  })

  it('denies the microphone, empty media requests and every other permission', () => {
    expect(allowPermissionRequest({ ...base, mediaTypes: ['video', 'audio'] }, origins)).toBe(false)
    expect(allowPermissionRequest({ ...base, mediaTypes: [] }, origins)).toBe(false)
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'midi', 'openExternal', 'fullscreen']) {
      expect(allowPermissionRequest({ ...base, permission }, origins)).toBe(false)
    }
  })

  it('answers permission checks the same way', () => {
    expect(allowPermissionCheck('media', 'app://revup', 'video', origins)).toBe(true)
    expect(allowPermissionCheck('media', 'app://revup', 'audio', origins)).toBe(false)
    expect(allowPermissionCheck('media', 'https://example.com', 'video', origins)).toBe(false)
    expect(allowPermissionCheck('geolocation', 'app://revup', undefined, origins)).toBe(false)
  })
})

describe('isTrustedSender', () => {
  it('trusts only our window main frame on our origin', () => {
    const ok = { frameUrl: 'app://revup/index.html', isMainFrame: true, webContentsId: 3 }
    expect(isTrustedSender(ok, [3], origins)).toBe(true)
    expect(isTrustedSender({ ...ok, webContentsId: 4 }, [3], origins)).toBe(false)
    expect(isTrustedSender({ ...ok, isMainFrame: false }, [3], origins)).toBe(false)
    expect(isTrustedSender({ ...ok, frameUrl: 'https://evil.example/' }, [3], origins)).toBe(false)
    expect(isTrustedSender({ ...ok, frameUrl: null }, [3], origins)).toBe(false)
  })
})
