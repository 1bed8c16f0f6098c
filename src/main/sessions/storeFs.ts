/**
 * The few file operations the session store needs, behind one interface so tests can make the disk
 * fail (full, read-only, no permission) without root tricks. `nodeStoreFs` is the real thing.
 *
 * Inside the data folder nothing follows a link: reads refuse links and anything that is not a
 * regular file (a pipe would block the read forever), listings report links as links, and atomic
 * writes replace a link rather than write through it. Write errors that Node reports as "missing"
 * (ENOENT; recursive mkdir says so on a read-only disk too) are checked against the disk and
 * re-labelled read-only, full, no permission or file-in-the-way when that is what they are.
 */
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { errorCode, NOT_A_REGULAR_FILE } from './storageErrors'

export type EntryKind = 'dir' | 'file' | 'link' | 'other'

export interface DirEntry {
  name: string
  /** What the entry itself is; a link is never followed to find out what it points to. */
  kind: EntryKind
}

export interface StoreFs {
  mkdir(path: string, options: { recursive: boolean }): Promise<void>
  listDir(path: string): Promise<DirEntry[]>
  /** What stands at `path` itself (a link is reported as a link), or 'missing'. */
  kind(path: string): Promise<EntryKind | 'missing'>
  /** A regular file's text. A link (ELOOP), folder (EISDIR) or anything else (EFTYPE) is refused at once, never waited on. */
  readFile(path: string): Promise<string>
  /** Size in bytes, or null when the file does not exist. */
  fileSize(path: string): Promise<number | null>
  /** Appends and waits until the data is on disk (fsync), so a crash or power cut cannot lose it. */
  appendDurable(path: string, data: string): Promise<void>
  truncate(path: string, length: number): Promise<void>
  /** Writes a whole file so a reader sees either the old file or the new one, never a mix. */
  writeFileAtomic(path: string, data: string): Promise<void>
  /** Removes one file (or link) if it is there; never a folder. */
  removeFile(path: string): Promise<void>
  /** Removes a folder and what is in it; links inside are removed, not followed. */
  removeDir(path: string): Promise<void>
}

/** Open for reading without following a final link and without blocking on a pipe (0 where the platform lacks them). */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
/** Append, creating the file, never writing through a link. */
const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0)

export const nodeStoreFs: StoreFs = {
  mkdir: (path, options) => diagnosed(path, async () => void (await fsp.mkdir(path, options))),
  async listDir(path) {
    const entries = await fsp.readdir(path, { withFileTypes: true })
    return entries.map((e) => ({ name: e.name, kind: kindOf(e) }))
  },
  async kind(path) {
    try {
      return kindOf(await fsp.lstat(path))
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return 'missing'
      throw error
    }
  },
  readFile: readRegularFile,
  async fileSize(path) {
    try {
      return (await fsp.stat(path)).size
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null
      throw error
    }
  },
  appendDurable: (path, data) =>
    diagnosed(path, async () => {
      const handle = await fsp.open(path, APPEND_FLAGS, 0o666)
      try {
        await handle.appendFile(data, 'utf8')
        await handle.datasync()
      } finally {
        await handle.close()
      }
    }),
  truncate: (path, length) => diagnosed(path, () => fsp.truncate(path, length)),
  writeFileAtomic: (path, data) => diagnosed(path, () => writeFileAtomic(path, data)),
  async removeFile(path) {
    try {
      await fsp.unlink(path)
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error
    }
  },
  removeDir: (path) => diagnosed(path, () => fsp.rm(path, { recursive: true, force: true }))
}

function kindOf(info: { isDirectory(): boolean; isSymbolicLink(): boolean; isFile(): boolean }): EntryKind {
  return info.isDirectory() ? 'dir' : info.isSymbolicLink() ? 'link' : info.isFile() ? 'file' : 'other'
}

/** Reads a regular file; refuses a link, a folder, a pipe or a device without waiting on it. */
export async function readRegularFile(path: string): Promise<string> {
  const handle = await fsp.open(path, READ_FLAGS)
  try {
    const info = await handle.stat()
    if (!info.isFile()) {
      const code = info.isDirectory() ? 'EISDIR' : NOT_A_REGULAR_FILE
      throw Object.assign(new Error(`${code}: not a regular file`), { code })
    }
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}

/** Temp file name for an atomic write of `target`: hidden, in the same folder, recognisable by the sweep. */
export function tempFileName(target: string): string {
  return `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`
}

/** Matches tempFileName's names only. */
export const TEMP_FILE_PATTERN = /^\..+\.[0-9a-f]{8}\.tmp$/

/**
 * Temp file in the same folder (so rename is atomic), fsync, rename over the target, fsync the
 * folder. A kill between the first and last step leaves the temp file; the session store sweeps
 * those at start-up (sessionFolders.ts). `afterTempWritten` lets the kill test aim at that window.
 */
export async function writeFileAtomic(path: string, data: string, afterTempWritten?: (temp: string) => Promise<void>): Promise<void> {
  const temp = join(dirname(path), tempFileName(path))
  const handle = await fsp.open(temp, 'wx')
  try {
    await handle.writeFile(data, 'utf8')
    await handle.sync()
  } catch (error) {
    await handle.close()
    await fsp.rm(temp, { force: true })
    throw error
  }
  await handle.close()
  await afterTempWritten?.(temp)
  try {
    await fsp.rename(temp, path)
  } catch (error) {
    await fsp.rm(temp, { force: true })
    throw error
  }
  await syncDir(dirname(path))
}

/** Makes the rename itself durable. Some platforms (Windows) cannot open a folder; that is fine there. */
async function syncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined
  try {
    handle = await fsp.open(dir, 'r')
    await handle.sync()
  } catch {
    // Best effort: the data itself was synced before the rename.
  } finally {
    await handle?.close()
  }
}

/** What a write error's surroundings say, asked of the disk; injectable so tests can be a read-only disk. */
export interface DiskProbe {
  /** Whether a folder stands at `path`, following links (a data folder may live behind one), 'other' thing, or nothing. */
  kind(path: string): Promise<'dir' | 'other' | 'missing'>
  /** The code access(W_OK) answers for a folder (EROFS, EACCES, ...), or null when it is writable. */
  writeRefusal(dir: string): Promise<string | null>
  /** Bytes an ordinary user may still write on the folder's disk, or null when unknown. */
  freeBytes(dir: string): Promise<number | null>
}

export const nodeDiskProbe: DiskProbe = {
  async kind(path) {
    try {
      return (await fsp.stat(path)).isDirectory() ? 'dir' : 'other'
    } catch {
      return 'missing'
    }
  },
  async writeRefusal(dir) {
    try {
      await fsp.access(dir, constants.W_OK)
      return null
    } catch (error) {
      return errorCode(error) ?? null
    }
  },
  async freeBytes(dir) {
    try {
      const stats = await fsp.statfs(dir)
      return stats.bavail * stats.bsize
    } catch {
      return null
    }
  }
}

/**
 * An ENOENT from a write, checked: walks up from the path's folder to the nearest thing that exists.
 * Something other than a folder there → ENOTDIR (a file in the way); a folder the disk will not let
 * us write → its refusal (EROFS, EACCES); a full disk → ENOSPC. Otherwise it really is missing.
 */
export async function diagnoseWriteError(error: unknown, path: string, probe: DiskProbe = nodeDiskProbe): Promise<unknown> {
  if (errorCode(error) !== 'ENOENT') return error
  let dir = dirname(path)
  for (;;) {
    const kind = await probe.kind(dir)
    if (kind === 'dir') break
    if (kind === 'other') return relabel(error, 'ENOTDIR')
    const parent = dirname(dir)
    if (parent === dir) return error
    dir = parent
  }
  const refusal = await probe.writeRefusal(dir)
  if (refusal !== null && refusal !== 'ENOENT') return relabel(error, refusal)
  if ((await probe.freeBytes(dir)) === 0) return relabel(error, 'ENOSPC')
  return error
}

function relabel(error: unknown, code: string): Error {
  return Object.assign(new Error(`${code} (reported as ${errorCode(error)})`, { cause: error }), { code })
}

async function diagnosed<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    throw await diagnoseWriteError(error, path)
  }
}
