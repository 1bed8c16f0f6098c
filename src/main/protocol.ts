/**
 * The app:// scheme. Registered as privileged (standard + secure, fetch, CORS, streaming) before the
 * app is ready, then served from the renderer and models folders through appProtocol.ts, which adds
 * COOP/COEP so the page is cross-origin isolated and the threaded WASM backend can run.
 */
import { protocol, type Session } from 'electron'
import { APP_HOST, APP_SCHEME, readAppFile, SECURITY_HEADERS, type AppRoots } from './appProtocol'

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true }
    }
  ])
}

export function serveAppScheme(session: Session, roots: AppRoots): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return new Response(`Unknown app host "${url.host}".`, { status: 404 })
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Only GET is served.', { status: 405 })
    const file = await readAppFile(url.pathname, roots)
    return new Response(request.method === 'HEAD' ? null : (file.body as Uint8Array<ArrayBuffer>), { status: file.status, headers: file.headers })
  })
}

/**
 * In development the page comes from Vite's dev server instead of app://. Give it the same
 * isolation headers so WASM threads behave as in the built app. The CSP is left to Vite here:
 * its hot-reload client needs inline scripts, which the app's CSP forbids.
 */
export function isolateDevServer(session: Session, devOrigin: string): void {
  session.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
    const headers = { ...details.responseHeaders }
    for (const name of ISOLATION_HEADERS) headers[name] = [SECURITY_HEADERS[name]]
    callback({ responseHeaders: headers })
  })
}

const ISOLATION_HEADERS = ['Cross-Origin-Opener-Policy', 'Cross-Origin-Embedder-Policy', 'Cross-Origin-Resource-Policy'] as const
