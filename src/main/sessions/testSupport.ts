/**
 * Shared helpers for the session store tests: sample journal entries and a file system whose
 * failures the test switches on and off (disk full, read-only), since tests may run as root where
 * chmod cannot deny anything.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { encodeJournalPose } from '../../shared/session/poseEntry'
import type { JournalEntry, SessionListItem } from '../../shared/session/types'
import type { SessionStore } from './sessionStore'
import { nodeStoreFs, type StoreFs } from './storeFs'

export async function makeTempDir(prefix = 'revup-store-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** A squat set with two reps (one with a knee cue) and a plank hold, as the coach would journal them. */
export function sampleWorkout(at0: number): JournalEntry[] {
  return [
    { kind: 'set-start', at: at0, exercise: 'squat', setIndex: 1, side: null, target: { reps: 10 } },
    { kind: 'engine', at: at0 + 1000, exercise: 'squat', setIndex: 1, event: { type: 'cue', t: 900, phase: 'raised', id: 'knees-in' } },
    {
      kind: 'engine',
      at: at0 + 2000,
      exercise: 'squat',
      setIndex: 1,
      event: { type: 'rep', t: 2000, exercise: 'squat', side: null, startMs: 0, bottomMs: 1000, endMs: 2000, depthDeg: 92.4, rangeDeg: 80.1, tempo: { downMs: (1000) - (0), upMs: (2000) - (1000) }, durationMs: 2000, cues: ['knees-in'] }
    },
    { kind: 'pose', at: at0 + 2100, exercise: 'squat', setIndex: 1, frame: encodeJournalPose({ timestampMs: 2100, imageWidth: 640, imageHeight: 480, keypoints: [{ name: 'left_knee', x: 0.5, y: 0.6, score: 0.9 }] }) },
    {
      kind: 'engine',
      at: at0 + 4000,
      exercise: 'squat',
      setIndex: 1,
      event: { type: 'rep', t: 4000, exercise: 'squat', side: null, startMs: 2000, bottomMs: 3000, endMs: 4000, depthDeg: 95, rangeDeg: 78, tempo: { downMs: (3000) - (2000), upMs: (4000) - (3000) }, durationMs: 2000, cues: [] }
    },
    { kind: 'set-end', at: at0 + 4500, exercise: 'squat', setIndex: 1, side: null, reason: 'completed' },
    { kind: 'set-start', at: at0 + 60_000, exercise: 'plank', setIndex: 1, side: null, target: { holdSeconds: 30 } },
    { kind: 'engine', at: at0 + 61_000, exercise: 'plank', setIndex: 1, event: { type: 'hold', t: 10_000, phase: 'started', side: null, goodFormMs: 0 } },
    { kind: 'engine', at: at0 + 71_000, exercise: 'plank', setIndex: 1, event: { type: 'hold', t: 20_000, phase: 'paused', side: null, goodFormMs: 10_000, reason: 'hips sagging' } },
    { kind: 'engine', at: at0 + 72_000, exercise: 'plank', setIndex: 1, event: { type: 'hold', t: 21_000, phase: 'resumed', side: null, goodFormMs: 10_000 } },
    { kind: 'engine', at: at0 + 92_000, exercise: 'plank', setIndex: 1, event: { type: 'hold', t: 41_000, phase: 'ended', side: null, goodFormMs: 30_000 } },
    { kind: 'set-end', at: at0 + 92_500, exercise: 'plank', setIndex: 1, side: null, reason: 'completed' },
    { kind: 'note', at: at0 + 93_000, text: 'Left knee felt fine, "easy" day, 6/10', effort: 6 }
  ]
}

export type FailureMode = { code: string; partial?: boolean } | null

/** The real file system, except that writes fail with `failure.code` while it is set. */
export function failingFs(): { fs: StoreFs; setFailure: (f: FailureMode) => void; attempts: () => number } {
  let failure: FailureMode = null
  let attempts = 0
  const boom = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })
  const fs: StoreFs = {
    ...nodeStoreFs,
    async appendDurable(path, data) {
      attempts++
      if (failure) {
        // A partial write: half the bytes land before the disk fills up.
        if (failure.partial) await nodeStoreFs.appendDurable(path, data.slice(0, Math.floor(data.length / 2)))
        throw boom(failure.code)
      }
      return nodeStoreFs.appendDurable(path, data)
    },
    async writeFileAtomic(path, data) {
      if (failure) throw boom(failure.code)
      return nodeStoreFs.writeFileAtomic(path, data)
    },
    async mkdir(path, options) {
      if (failure) throw boom(failure.code)
      return nodeStoreFs.mkdir(path, options)
    }
  }
  return { fs, setFailure: (f) => (failure = f), attempts: () => attempts }
}

/** Every file under `root` with its size and content hash-ish (the content itself; test trees are small). */
export async function snapshotTree(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  async function walk(dir: string): Promise<void> {
    for (const name of await readdir(dir)) {
      const path = join(dir, name)
      const info = await stat(path)
      if (info.isDirectory()) {
        out.set(`${relative(root, path)}/`, 'dir')
        await walk(path)
      } else {
        out.set(relative(root, path), `${info.size}:${info.mtimeMs}:${(await readFile(path)).toString('base64').slice(0, 64)}`)
      }
    }
  }
  await walk(root)
  return out
}

/** The store's list, or the test fails with the store's own sentence. */
export async function listOf(store: SessionStore): Promise<SessionListItem[]> {
  const listed = await store.list()
  if (!listed.ok) throw new Error(listed.error)
  return listed.value
}
