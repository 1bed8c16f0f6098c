/**
 * Locks the app down: no navigation away from our page, no new windows or webviews, and the only
 * permission ever granted is the camera (video only) to our own page. Decisions live in
 * securityPolicy.ts (pure, tested); this file connects them to Electron.
 */
import { shell, type App, type Session } from 'electron'
import { HELP_LINKS } from '../shared/helpLinks'
import { allowPermissionCheck, allowPermissionRequest, isAppUrl, isHelpLink } from './securityPolicy'

export function hardenSession(session: Session, origins: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined
    callback(allowPermissionRequest({ permission, requestingUrl: details.requestingUrl, mediaTypes, isMainFrame: details.isMainFrame }, origins))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowPermissionCheck(permission, requestingOrigin, details.mediaType, origins)
  )
}

/** Applies to every web contents the app ever creates. `helpLinks`: the only URLs a link may open outside the app. */
export function hardenAllContents(app: App, origins: readonly string[], helpLinks: readonly string[] = HELP_LINKS): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, origins)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, origins)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      // The app's own help pages open in the runner's browser; nothing opens inside the app, nothing else anywhere.
      if (isHelpLink(url, helpLinks)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}
