import { describe, expect, it } from 'vitest'
import { allowPermissionCheck, allowPermissionRequest, appOrigins, isAppUrl, isHelpLink, isTrustedSender, originOf } from './securityPolicy'

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

describe('isHelpLink', () => {
  const help = ['https://help.revup.example/camera', 'https://help.revup.example/start?os=mac']

  it('allows only the listed help pages over https, a #fragment aside', () => {
    expect(isHelpLink('https://help.revup.example/camera', help)).toBe(true)
    expect(isHelpLink('https://help.revup.example/camera#linux', help)).toBe(true)
    expect(isHelpLink('https://help.revup.example/start?os=mac', help)).toBe(true)
  })

  it('refuses any other https URL, other schemes, credentials, other paths or queries', () => {
    for (const url of [
      'https://evil.example/',
      'https://help.revup.example/',
      'https://help.revup.example/camera/../../x',
      'https://help.revup.example/start?os=linux',
      'https://user:pw@help.revup.example/camera',
      'http://help.revup.example/camera',
      'https://help.revup.example.evil.example/camera',
      'file:///etc/passwd',
      'not a url'
    ]) {
      expect(isHelpLink(url, help), url).toBe(false)
    }
  })

  it('opens nothing while the app has no help links', () => {
    expect(isHelpLink('https://evil.example/')).toBe(false)
  })
})
