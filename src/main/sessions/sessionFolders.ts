/**
 * What is in the sessions folder, by name and kind, without following links: real folders named
 * like a session id are sessions (the folder name is the id); anything else with such a name (a
 * link, a file) is listed as damaged and never read through or written into; temp files that a
 * kill during an atomic write left behind are swept at start-up, only here and in session folders.
 */
import { join } from 'node:path'
import type { SessionId } from '../../shared/session/types'
import { isSessionId } from './sessionId'
import { TEMP_FILE_PATTERN, type EntryKind, type StoreFs } from './storeFs'

export interface RootScan {
  /** Real folders named like a session id. */
  sessions: SessionId[]
  /** Session-id names that are not real folders, with the reason they cannot be used. */
  junk: { id: SessionId; reason: string }[]
  /** Temp files directly in the sessions folder (the index's). */
  tempFiles: string[]
}

/** Lists the sessions folder; throws when it cannot be read at all (the caller says why). */
export async function scanRoot(fs: StoreFs, root: string): Promise<RootScan> {
  const scan: RootScan = { sessions: [], junk: [], tempFiles: [] }
  for (const entry of await fs.listDir(root)) {
    if (isSessionId(entry.name)) {
      if (entry.kind === 'dir') scan.sessions.push(entry.name)
      else scan.junk.push({ id: entry.name, reason: notAFolderReason(entry.kind) })
    } else if (entry.kind === 'file' && TEMP_FILE_PATTERN.test(entry.name)) {
      scan.tempFiles.push(join(root, entry.name))
    }
  }
  return scan
}

/** Why a session-id name that is not a real folder cannot be opened. */
export function notAFolderReason(kind: EntryKind): string {
  return kind === 'link'
    ? 'It is a link, not a folder, and RevUp does not follow links out of its data folder. Put the real folder here, or delete the link.'
    : 'It is a file, not a session folder. Move it away, or delete it.'
}

/**
 * Removes temp files (regular files named like storeFs.tempFileName's) from one session folder.
 * Only safe while nothing writes there: at start-up, under the app's single-instance lock.
 */
export async function sweepTempFiles(fs: StoreFs, dir: string): Promise<number> {
  const entries = await fs.listDir(dir).catch(() => [])
  return removeFiles(fs, entries.filter((e) => e.kind === 'file' && TEMP_FILE_PATTERN.test(e.name)).map((e) => join(dir, e.name)))
}

/** Removes each file it can; returns how many went. One that cannot be removed is left for the next start. */
export async function removeFiles(fs: StoreFs, paths: readonly string[]): Promise<number> {
  let removed = 0
  for (const path of paths) {
    try {
      await fs.removeFile(path)
      removed++
    } catch {
      // A stray temp file harms nothing.
    }
  }
  return removed
}
