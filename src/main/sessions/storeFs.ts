/**
 * The few file operations the session store needs, behind one interface so tests can make the disk
 * fail (full, read-only, no permission) without root tricks. `nodeStoreFs` is the real thing.
 */
import { randomBytes } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface StoreFs {
  mkdir(path: string, options: { recursive: boolean }): Promise<void>
  readdir(path: string): Promise<string[]>
  readFile(path: string): Promise<string>
  /** Size in bytes, or null when the file does not exist. */
  fileSize(path: string): Promise<number | null>
  /** Appends and waits until the data is on disk (fsync), so a crash or power cut cannot lose it. */
  appendDurable(path: string, data: string): Promise<void>
  truncate(path: string, length: number): Promise<void>
  /** Writes a whole file so a reader sees either the old file or the new one, never a mix. */
  writeFileAtomic(path: string, data: string): Promise<void>
  removeDir(path: string): Promise<void>
}

export const nodeStoreFs: StoreFs = {
  async mkdir(path, options) {
    await fsp.mkdir(path, options)
  },
  readdir: (path) => fsp.readdir(path),
  readFile: (path) => fsp.readFile(path, 'utf8'),
  async fileSize(path) {
    try {
      return (await fsp.stat(path)).size
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return null
      throw error
    }
  },
  async appendDurable(path, data) {
    const handle = await fsp.open(path, 'a')
    try {
      await handle.appendFile(data, 'utf8')
      await handle.datasync()
    } finally {
      await handle.close()
    }
  },
  truncate: (path, length) => fsp.truncate(path, length),
  writeFileAtomic,
  removeDir: (path) => fsp.rm(path, { recursive: true, force: true })
}

/** Temp file in the same folder (so rename is atomic), fsync, rename over the target, fsync the folder. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`)
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
