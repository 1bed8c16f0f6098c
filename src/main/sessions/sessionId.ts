/**
 * Session ids are made here, in main, and are the only thing ever joined to the sessions folder.
 * The strict pattern (SESSION_ID_PATTERN) rules out separators, dots and anything else a path could use.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { SESSION_ID_PATTERN, type SessionId } from '../../shared/session/types'

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'
const ID_RANDOM_CHARS = 6

/** "s-YYYYMMDD-HHMMSS-xxxxxx" from a UTC time: ids sort by start time. */
export function newSessionId(now: Date, random: (n: number) => Uint8Array = randomBytes): SessionId {
  const iso = now.toISOString() // 2025-01-05T14:03:22.123Z
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`
  const suffix = [...random(ID_RANDOM_CHARS)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('')
  return `s-${stamp}-${suffix}`
}

export function isSessionId(value: unknown): value is SessionId {
  return typeof value === 'string' && SESSION_ID_PATTERN.test(value)
}

/** The folder of a session. Throws on anything but a valid id, so a bad id can never reach the disk. */
export function sessionDir(root: string, id: string): string {
  if (!isSessionId(id)) throw new Error(`"${String(id).slice(0, 80)}" is not a session id (expected e.g. "s-20250105-140322-k3j9x2").`)
  return join(root, id)
}
