/**
 * How the app's own pages and model files are served: one pure module (no electron import) used by
 * the Electron protocol handler (src/main/protocol.ts) and by the test harness's http server
 * (tests/harness/server.ts), so both send the same files with the same headers.
 *
 * URL paths are the pathname part of a URL ("/index.html", "/assets/x.js", "/models/movenet/model.json").
 * "/models/..." maps into the models folder; everything else into the built renderer folder.
 */
import { readFile, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

/** The app's custom scheme and host in Electron: pages load from app://revup/index.html. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'revup'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** URL path prefix under which the model files are served. */
export const MODELS_URL_PREFIX = '/models/'

/** Absolute folders the app serves files from. */
export interface AppRoots {
  /** The built renderer (out/renderer in the app and the harness). */
  rendererDir: string
  /** The copied model files (models/ at the repo root, filled by `npm install`). */
  modelsDir: string
}

/**
 * Strict CSP: only the app's own origin. 'wasm-unsafe-eval' lets the tfjs WASM backend compile its
 * module without allowing JS eval. blob: scripts and workers are how the threaded WASM backend starts
 * its pool (each thread worker importScripts() a blob of the backend's JS); a blob can only be made
 * by code already running in the page, so this admits no outside code. blob: media is how a chosen
 * video file is played. Inline styles are allowed because React and uPlot set element styles;
 * inline scripts are not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' blob: 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: mediastream:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** Headers on every response. COOP + COEP make the page cross-origin isolated so WASM threads (SharedArrayBuffer) work. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Built files change between builds under the same name in tests; never serve a stale one.
  'Cache-Control': 'no-cache'
})

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.tflite': 'application/octet-stream',
  '.binarypb': 'application/octet-stream',
  '.data': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.y4m': 'application/octet-stream'
}

/** The Content-Type for a file name; unknown extensions are served as opaque bytes. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/** All headers for a successful response with the given Content-Type. */
export function appResponseHeaders(mimeType: string): Record<string, string> {
  return { ...SECURITY_HEADERS, 'Content-Type': mimeType }
}

export type ResolvedAppPath =
  | { ok: true; filePath: string; mimeType: string }
  | { ok: false; status: 400 | 404; reason: string }

/**
 * Maps a URL pathname to an absolute file inside one of the roots. Rejects anything that could
 * leave the root: "..", encoded separators, backslashes, NUL bytes, drive letters.
 */
export function resolveAppPath(urlPathname: string, roots: AppRoots): ResolvedAppPath {
  const pathOnly = urlPathname.split(/[?#]/, 1)[0]
  let decoded: string
  try {
    decoded = decodeURIComponent(pathOnly)
  } catch {
    return { ok: false, status: 400, reason: `URL path "${urlPathname}" is not valid percent-encoding.` }
  }
  if (!decoded.startsWith('/')) {
    return { ok: false, status: 400, reason: `URL path "${urlPathname}" must start with "/".` }
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%2f|%5c/i.test(pathOnly)) {
    return { ok: false, status: 400, reason: `URL path "${urlPathname}" contains a forbidden character.` }
  }
  const segments = decoded.split('/').filter((s) => s.length > 0)
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) {
    return { ok: false, status: 400, reason: `URL path "${urlPathname}" may not contain "." or ".." segments.` }
  }

  const isModel = decoded.startsWith(MODELS_URL_PREFIX)
  const root = resolve(isModel ? roots.modelsDir : roots.rendererDir)
  const inner = isModel ? segments.slice(1) : segments
  if (inner.length === 0) {
    if (isModel) return { ok: false, status: 404, reason: 'The models folder itself cannot be served.' }
    inner.push('index.html')
  }
  const filePath = resolve(root, ...inner)
  const rel = relative(root, filePath)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    return { ok: false, status: 400, reason: `URL path "${urlPathname}" points outside the app's folders.` }
  }
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) }
}

/** A complete response for a URL path: status, headers and body bytes. */
export interface AppResponse {
  status: 200 | 400 | 404
  headers: Record<string, string>
  body: Uint8Array
}

/** Reads the file for a URL path and returns the response to send (never throws for a bad path or a missing file). */
export async function readAppFile(urlPathname: string, roots: AppRoots): Promise<AppResponse> {
  const resolved = resolveAppPath(urlPathname, roots)
  if (!resolved.ok) return errorResponse(resolved.status, resolved.reason)
  try {
    const info = await stat(resolved.filePath)
    if (!info.isFile()) return errorResponse(404, `No file at "${urlPathname}".`)
    const body = await readFile(resolved.filePath)
    return { status: 200, headers: appResponseHeaders(resolved.mimeType), body }
  } catch {
    return errorResponse(404, `No file at "${urlPathname}".`)
  }
}

function errorResponse(status: 400 | 404, reason: string): AppResponse {
  return { status, headers: appResponseHeaders('text/plain; charset=utf-8'), body: new TextEncoder().encode(reason) }
}
