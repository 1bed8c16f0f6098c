/**
 * Turns file-system errors into sentences a runner can act on: what was wrong, then what to do.
 * Sentences never carry a path (the runner needs the cause, not our folder layout) and never claim
 * a workout is kept in memory: only the journal writer, which does keep it, adds that
 * (describeJournalError). The codes that mean "the disk will not take writes right now" are marked
 * retryable.
 */
import { cutText } from '../../shared/text'

/** Codes after which writing may succeed later (space freed, permission fixed, disk remounted). */
const RETRYABLE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EIO', 'EBUSY', 'EMFILE', 'ENFILE', 'EAGAIN'])

/** Our code for "exists, but is not a regular file" (a pipe, socket or device), as BSD names it. */
export const NOT_A_REGULAR_FILE = 'EFTYPE'

/** What went wrong (a clause, lower case) and what the runner can do (an imperative, capitalised). */
export interface StorageFault {
  cause: string
  fix: string
  /** False for an error we do not recognise: its fix already says to try again. */
  known: boolean
}

type KnownFault = Omit<StorageFault, 'known'>

const FULL: KnownFault = { cause: 'the disk is full', fix: 'Free some space on it' }
const NO_PERMISSION: KnownFault = { cause: 'RevUp is not allowed to read or write its data folder', fix: "Check the folder's permissions" }
const BUSY: KnownFault = { cause: 'the system is busy', fix: 'Wait a moment' }
const FILE_IN_THE_WAY: KnownFault = { cause: 'a file stands where RevUp expected a folder', fix: 'Move or rename that file' }

const FAULTS: Record<string, KnownFault> = {
  ENOSPC: FULL,
  EDQUOT: FULL,
  EACCES: NO_PERMISSION,
  EPERM: NO_PERMISSION,
  EROFS: { cause: 'the data folder is on a read-only disk', fix: 'Make the disk writable, or move the data folder to one that is' },
  EIO: { cause: 'the disk reported a read/write error', fix: 'Check the disk' },
  EMFILE: BUSY,
  ENFILE: BUSY,
  EBUSY: BUSY,
  EAGAIN: BUSY,
  ENOENT: { cause: 'a file or folder RevUp expected is missing', fix: 'Check that the data folder was not moved or deleted' },
  ENOTDIR: FILE_IN_THE_WAY,
  EEXIST: FILE_IN_THE_WAY,
  EISDIR: { cause: 'a folder stands where RevUp expected a file', fix: 'Move or rename that folder' },
  ELOOP: {
    cause: 'a link stands where RevUp expected a file or folder, and RevUp does not follow links in its data folder',
    fix: 'Replace the link with the real file'
  },
  [NOT_A_REGULAR_FILE]: {
    cause: 'something that is not a regular file (a pipe or a device) stands where RevUp expected a file',
    fix: 'Move or delete it'
  },
  ENAMETOOLONG: { cause: 'the path of the data folder is too long', fix: 'Move the data folder somewhere shorter' }
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code
    return typeof code === 'string' ? code : undefined
  }
  return undefined
}

export function isRetryableStorageError(error: unknown): boolean {
  const code = errorCode(error)
  return code !== undefined && RETRYABLE_CODES.has(code)
}

/** The fault for an error; anything unknown is named by its code or kind, never by its (path-laden) message. */
export function storageFault(error: unknown): StorageFault {
  const code = errorCode(error)
  const known = code !== undefined && Object.hasOwn(FAULTS, code) ? FAULTS[code] : undefined
  if (known) return { ...known, known: true }
  return { cause: `something unexpected went wrong (${describeUnknown(error)})`, fix: 'Try again; if it keeps happening, restart RevUp', known: false }
}

/** One sentence ending in what to do, e.g. "the disk is full. Free some space on it, then try again." */
export function describeStorageError(error: unknown): string {
  const { cause, fix, known } = storageFault(error)
  return known ? `${cause}. ${fix}, then try again.` : `${cause}. ${fix}.`
}

/** For journal writes only: the entries really are kept in memory and retried on every flush. */
export function describeJournalError(error: unknown): string {
  const { cause, fix } = storageFault(error)
  return `${cause}. ${fix}; RevUp keeps this workout in memory and keeps trying to save it.`
}

/** "RevUp cannot keep your sessions in <folder>: <cause>. <what to do>, then restart RevUp. ..." The folder is named: the runner must find it. */
export function describeUnusableFolder(folder: string, error: unknown): string {
  const { cause, fix, known } = storageFault(error)
  return `RevUp cannot keep your sessions in ${folder}: ${cause}. ${known ? `${fix}, then restart RevUp` : fix}. Until then, workouts are not saved.`
}

/** "EXDEV" or "TypeError: Cannot read properties of undefined": the code, or the kind and a path-free gist. */
function describeUnknown(error: unknown): string {
  const code = errorCode(error)
  if (code !== undefined) return cutText(code, 24)
  if (!(error instanceof Error)) return cutText(typeof error === 'string' ? withoutPaths(error) : typeof error, 60)
  const gist = withoutPaths(error.message)
  return cutText(gist.length > 0 ? `${error.name}: ${gist}` : error.name, 80)
}

/** Removes anything that looks like a file path ("/home/x/…", "C:\\Users\\…", "'…/summary.json'"). */
export function withoutPaths(text: string): string {
  return text
    .replace(/'[^']*[\\/][^']*'/g, '')
    .replace(/"[^"]*[\\/][^"]*"/g, '')
    .replace(/(?<=^|[\s(=])(?:[A-Za-z]:)?(?:[\\/][^\s\\/'",)]+)+[\\/]?/g, '')
    .replace(/\s+([,.)])/g, '$1')
    .replace(/[\s,]+$/, '')
    .replace(/\s{2,}/g, ' ')
    .trim()
}
