/**
 * The test harness's http server: serves the built renderer (out/renderer) and models/ on
 * 127.0.0.1 at a random port, through the same pure module as the app's custom protocol
 * (src/main/appProtocol.ts), so e2e tests and the bench see the app's exact files and headers
 * (COOP/COEP for WASM threads, strict CSP).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { readAppFile, type AppRoots } from '../../src/main/appProtocol'

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..')

export const DEFAULT_ROOTS: AppRoots = {
  rendererDir: resolve(REPO_ROOT, 'out', 'renderer'),
  modelsDir: resolve(REPO_ROOT, 'models')
}

export interface HarnessServerOptions {
  roots?: AppRoots
  /**
   * Extra folders served under a URL prefix (e.g. { '/bench/': 'tests/.cache/bench-page' }), with the
   * app's headers. Test-only content (clips, bench pages) never goes into the app's own folders.
   */
  extraRoots?: Record<string, string>
  /** Adjusts response headers (the bench uses it to compare a CSP variant); default: the app's own. */
  adjustHeaders?: (headers: Record<string, string>) => Record<string, string>
}

export interface HarnessServer {
  /** Origin such as "http://127.0.0.1:41234" (no trailing slash). */
  origin: string
  close(): Promise<void>
}

/** Starts the server; resolves once it listens. */
export async function startHarnessServer(options: HarnessServerOptions = {}): Promise<HarnessServer> {
  const roots = options.roots ?? DEFAULT_ROOTS
  const extra = Object.entries(options.extraRoots ?? {})
  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const prefixed = extra.find(([prefix]) => pathname.startsWith(prefix))
    const reply = prefixed
      ? readExtraFile(pathname.slice(prefixed[0].length - 1), prefixed[1])
      : readAppFile(pathname, roots)
    reply.then(
      (r) => {
        res.writeHead(r.status, options.adjustHeaders ? options.adjustHeaders(r.headers) : r.headers)
        res.end(req.method === 'HEAD' ? undefined : r.body)
      },
      (err: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' })
        res.end(`Harness server failed on "${pathname}": ${String(err)}`)
      }
    )
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => done())
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done()))
  }
}

/** Serves one file under an extra root with the app's path rules (no "..", no escapes) and headers. */
function readExtraFile(urlPathname: string, dir: string) {
  // The app resolver maps every non-/models/ path into rendererDir: point that at the extra folder.
  return readAppFile(urlPathname, { rendererDir: resolve(dir), modelsDir: resolve(dir, '.no-models') })
}

/** `npx tsx tests/harness/server.ts` serves the built app for manual checks in a browser. */
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  startHarnessServer().then((s) => console.log(`RevUp harness serving out/renderer and models/ at ${s.origin}/`))
}
