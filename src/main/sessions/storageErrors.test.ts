import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { describeJournalError, describeStorageError, withoutPaths } from './storageErrors'
import { diagnoseWriteError, nodeStoreFs, type DiskProbe } from './storeFs'
import { makeTempDir } from './testSupport'

const coded = (code: string, message = `${code}: simulated`) => Object.assign(new Error(message), { code })

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({ dir, cleanup } = await makeTempDir('revup-errors-'))
})
afterEach(() => cleanup())

describe('storage error sentences', () => {
  it('say what was wrong and what to do, and only the journal claims the workout is kept in memory', () => {
    expect(describeStorageError(coded('ENOSPC'))).toBe('the disk is full. Free some space on it, then try again.')
    expect(describeStorageError(coded('EROFS'))).toMatch(/^the data folder is on a read-only disk\. Make the disk writable/)
    for (const code of ['ENOSPC', 'EACCES', 'EROFS', 'EIO', 'EBUSY', 'ENOENT', 'ENOTDIR', 'ELOOP', 'EFTYPE', 'EXDEV']) {
      expect(describeStorageError(coded(code))).not.toMatch(/workout|memory/)
      expect(describeJournalError(coded(code))).toMatch(/RevUp keeps this workout in memory and keeps trying to save it\.$/)
    }
  })

  it('never print a path, even for errors they do not recognise', () => {
    const rename = coded('EXDEV', "EXDEV: cross-device link not permitted, rename '/home/runner/.config/RevUp/sessions/a' -> '/mnt/b'")
    expect(describeStorageError(rename)).toBe('something unexpected went wrong (EXDEV). Try again; if it keeps happening, restart RevUp.')
    const plain = new TypeError('Cannot open /home/runner/.config/RevUp/sessions/s-1/summary.json for reading')
    expect(describeStorageError(plain)).toBe('something unexpected went wrong (TypeError: Cannot open for reading). Try again; if it keeps happening, restart RevUp.')
    expect(withoutPaths('failed at C:\\Users\\runner\\AppData\\RevUp, and "/tmp/x y/z" too')).toBe('failed at, and too')
    expect(withoutPaths('a read/write error at /dev/sda1')).toBe('a read/write error at')
  })
})

describe('diagnoseWriteError', () => {
  /** A disk where `root` exists and everything below it is missing. */
  const probeFor = (root: string, answers: Partial<Pick<DiskProbe, 'writeRefusal' | 'freeBytes'>>): DiskProbe => ({
    kind: async (path) => (path === root || root.startsWith(`${path}/`) || path === '/' ? 'dir' : 'missing'),
    writeRefusal: answers.writeRefusal ?? (async () => null),
    freeBytes: answers.freeBytes ?? (async () => 1_000_000)
  })
  const target = '/data/RevUp/sessions/s-20250105-140322-k3j9x2'

  it('tells a read-only disk, a full disk and no permission apart from a missing folder (recursive mkdir says ENOENT for all)', async () => {
    const diagnose = (probe: DiskProbe) => diagnoseWriteError(coded('ENOENT'), target, probe).then((e) => describeStorageError(e))
    expect(await diagnose(probeFor('/data', { writeRefusal: async () => 'EROFS' }))).toMatch(/^the data folder is on a read-only disk/)
    expect(await diagnose(probeFor('/data', { writeRefusal: async () => 'EACCES' }))).toMatch(/^RevUp is not allowed to read or write/)
    expect(await diagnose(probeFor('/data', { freeBytes: async () => 0 }))).toMatch(/^the disk is full/)
    expect(await diagnose(probeFor('/data', {}))).toMatch(/^a file or folder RevUp expected is missing/)
  })

  it('finds a file standing where a folder should be, on the real disk', async () => {
    await writeFile(join(dir, 'RevUp'), 'not a folder')
    const error = await nodeStoreFs.mkdir(join(dir, 'RevUp', 'sessions'), { recursive: true }).catch((e: unknown) => e)
    expect(describeStorageError(error)).toMatch(/^a file stands where RevUp expected a folder\. Move or rename that file/)
  })

  it('leaves other errors as they are', async () => {
    const full = coded('ENOSPC')
    expect(await diagnoseWriteError(full, target)).toBe(full)
  })
})

describe('reading files in the data folder', () => {
  it('refuses a pipe at once instead of waiting for a writer that never comes', async () => {
    if (process.platform === 'win32') return
    const fifo = join(dir, 'summary.json')
    execFileSync('mkfifo', [fifo])
    const error = await nodeStoreFs.readFile(fifo).catch((e: unknown) => e)
    expect(describeStorageError(error)).toMatch(/^something that is not a regular file \(a pipe or a device\)/)
  })

  it('refuses a link and a folder', async () => {
    await mkdir(join(dir, 'folder'))
    await writeFile(join(dir, 'real.json'), '{}')
    const { symlink } = await import('node:fs/promises')
    await symlink(join(dir, 'real.json'), join(dir, 'link.json'))
    expect(await nodeStoreFs.readFile(join(dir, 'real.json'))).toBe('{}')
    expect(await nodeStoreFs.readFile(join(dir, 'link.json')).catch((e: { code: string }) => e.code)).toBe('ELOOP')
    expect(await nodeStoreFs.readFile(join(dir, 'folder')).catch((e: { code: string }) => e.code)).toBe('EISDIR')
  })
})

describe('diagnoseWriteError on the real disk', () => {
  it('follows a data folder that lives behind a link instead of calling the link a file in the way', async () => {
    const { symlink } = await import('node:fs/promises')
    await mkdir(join(dir, 'real'))
    await symlink(join(dir, 'real'), join(dir, 'linked'))
    const missing = coded('ENOENT')
    expect(await diagnoseWriteError(missing, join(dir, 'linked', 'RevUp', 'sessions', 'x'))).toBe(missing)
  })
})
