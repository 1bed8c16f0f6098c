/**
 * Turns file-system errors into sentences a runner can act on. The codes that mean "the disk will not
 * take writes right now" are marked retryable: the store keeps the data in memory and tries again.
 */

/** Codes after which writing may succeed later (space freed, permission fixed, disk remounted). */
const RETRYABLE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EIO', 'EBUSY', 'EMFILE', 'ENFILE', 'EAGAIN'])

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

/** One sentence, without the file path (the runner needs the cause, not our folder layout). */
export function describeStorageError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full. Free some space; RevUp keeps this workout in memory and keeps trying to save it.'
    case 'EACCES':
    case 'EPERM':
      return "RevUp is not allowed to write to its data folder. Check the folder's permissions; the workout is kept in memory meanwhile."
    case 'EROFS':
      return 'the data folder is on a read-only disk. The workout is kept in memory until it can be saved.'
    case 'EIO':
      return 'the disk reported a read/write error. The workout is kept in memory and saving is retried.'
    case 'EMFILE':
    case 'ENFILE':
    case 'EBUSY':
    case 'EAGAIN':
      return 'the system is busy. Saving is retried in a moment.'
    case 'ENOENT':
      return 'a file or folder RevUp expected is missing.'
    default: {
      const message = error instanceof Error ? error.message : String(error)
      return `an unexpected storage error happened (${message}).`
    }
  }
}
