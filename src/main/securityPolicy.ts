/**
 * Security decisions as pure functions (no electron import) so they are unit tested: which URLs are
 * the app's own, which IPC senders are trusted, and which permission requests are granted.
 * Node's URL gives custom schemes an opaque origin ("null"), so origins are compared as
 * "scheme://host" strings built here.
 */
import { HELP_LINKS } from '../shared/helpLinks'
import { APP_ORIGIN } from './appProtocol'

/** "scheme://host[:port]" of a URL, or null when it does not parse. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    if (parsed.host === '') return null
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return null
  }
}

/** The app's own origins: app://revup, plus the Vite dev server while developing. */
export function appOrigins(devServerUrl?: string): string[] {
  const dev = devServerUrl ? originOf(devServerUrl) : null
  return dev ? [APP_ORIGIN, dev] : [APP_ORIGIN]
}

export function isAppUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url)
  return origin !== null && origins.includes(origin)
}

/**
 * Whether a link may open in the runner's browser: only the app's own help pages (HELP_LINKS), over
 * https, without credentials, with the same path and query; only the #fragment may differ.
 */
export function isHelpLink(url: string, helpLinks: readonly string[] = HELP_LINKS): boolean {
  const page = (u: string): string | null => {
    try {
      const parsed = new URL(u)
      if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return null
      return `${parsed.origin}${parsed.pathname}${parsed.search}`
    } catch {
      return null
    }
  }
  const wanted = page(url)
  return wanted !== null && helpLinks.some((link) => page(link) === wanted)
}

/** Electron's details for a permission request; only what we decide on. */
export interface PermissionRequest {
  permission: string
  /** URL of the frame asking. */
  requestingUrl: string
  /** For 'media': which devices ('video', 'audio'). */
  mediaTypes?: readonly string[]
  /** Whether the asking frame is the window's main frame. */
  isMainFrame: boolean
}

/** Only the camera, only for the app's own page: RevUp needs video and nothing else (no microphone). */
export function allowPermissionRequest(request: PermissionRequest, origins: readonly string[]): boolean {
  if (request.permission !== 'media') return false
  if (!request.isMainFrame || !isAppUrl(request.requestingUrl, origins)) return false
  const types = request.mediaTypes ?? []
  return types.length > 0 && types.every((t) => t === 'video')
}

/**
 * Permission checks: 'media' from the app, except the microphone. Chromium checks with mediaType
 * 'unknown' when listing cameras; that only reveals device labels, and any real access still goes
 * through allowPermissionRequest (video only).
 */
export function allowPermissionCheck(permission: string, requestingOrigin: string, mediaType: string | undefined, origins: readonly string[]): boolean {
  if (permission !== 'media') return false
  if (mediaType === 'audio') return false
  return isAppUrl(requestingOrigin, origins)
}

/** An IPC call is trusted when it comes from the main frame of one of our windows showing our page. */
export function isTrustedSender(
  sender: { frameUrl: string | null; isMainFrame: boolean; webContentsId: number },
  appWebContentsIds: readonly number[],
  origins: readonly string[]
): boolean {
  return (
    sender.frameUrl !== null &&
    sender.isMainFrame &&
    appWebContentsIds.includes(sender.webContentsId) &&
    isAppUrl(sender.frameUrl, origins)
  )
}
