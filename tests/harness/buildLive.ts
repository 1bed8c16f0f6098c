/**
 * Builds the live-pipeline harness page (LiveScreen + the real pose worker) with the renderer's
 * own Vite settings from electron.vite.config.ts, plus the '@mediapipe/pose' alias the worker
 * bundle needs, into tests/.cache/live. Used by the pose e2e tests and the bench.
 * `npx tsx tests/harness/buildLive.ts` builds it by hand.
 */
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { build } from 'vite'
import react from '@vitejs/plugin-react'
import { REPO_ROOT } from './server'

export const LIVE_BUILD_DIR = resolve(REPO_ROOT, 'tests', '.cache', 'live')
const MEDIAPIPE_STUB = resolve(REPO_ROOT, 'src', 'renderer', 'src', 'pose', 'mediapipeStub.ts')

/** Builds the harness page; returns the output folder (serve it as the renderer root). */
export function buildLiveHarness(): Promise<string> {
  return buildPage(resolve(REPO_ROOT, 'tests', 'harness', 'live'), LIVE_BUILD_DIR)
}

/**
 * Builds a test page folder (index.html + more .html inputs) that imports renderer code.
 * Unminified, like the app's renderer build (electron-vite does not minify it), and for the same reason
 * it must stay so: tfjs-backend-wasm starts each WASM thread from a blob holding its module factory's
 * `toString()`, i.e. the function without its closure. The minifier rewrites the factory's guarded
 * `typeof _scriptDir !== "undefined" && _scriptDir` to `e !== void 0 && e` (the closure variable, renamed),
 * so every thread dies with "ReferenceError: e is not defined" and the worker falls back to one thread.
 * @param inputs extra html files in `root` besides index.html
 * @param minify true only to measure a minified build (threaded WASM then fails as above)
 */
export async function buildPage(root: string, outDir: string, inputs: string[] = [], minify = false): Promise<string> {
  const input = Object.fromEntries(['index.html', ...inputs].map((f) => [f.replace(/\.html$/, ''), resolve(root, f)]))
  await build({
    root,
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    resolve: { alias: { '@mediapipe/pose': MEDIAPIPE_STUB } },
    worker: { format: 'es' },
    build: { target: 'es2022', minify, outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 8000, rollupOptions: { input } }
  })
  return outDir
}

/** True when a build exists and is newer than `sinceMs` (skip rebuilding within one test run). */
export function liveHarnessBuiltSince(sinceMs: number): boolean {
  const index = resolve(LIVE_BUILD_DIR, 'index.html')
  return existsSync(index) && statSync(index).mtimeMs > sinceMs
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const t0 = Date.now()
  buildLiveHarness().then((dir) => console.log(`built ${dir} in ${Date.now() - t0} ms`))
}
