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
export async function buildLiveHarness(): Promise<string> {
  await build({
    root: resolve(REPO_ROOT, 'tests', 'harness', 'live'),
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    resolve: { alias: { '@mediapipe/pose': MEDIAPIPE_STUB } },
    worker: { format: 'es' },
    build: { target: 'es2022', minify: process.env.REVUP_NO_MINIFY ? false : 'oxc', outDir: LIVE_BUILD_DIR, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 8000 }
  })
  return LIVE_BUILD_DIR
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
