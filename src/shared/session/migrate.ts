/**
 * Brings session files written by older builds up to SESSION_SCHEMA_VERSION, in memory, on read.
 * Files on disk are never rewritten by a migration; each step takes version n to n + 1.
 *
 * Version 1 (the first release) differed from version 2 in three ways:
 *   - journal entries and summary records named the exercise `exerciseId` (now `exercise`);
 *   - times at the top of the header and summary were epoch milliseconds `startedAtMs`/`endedAtMs`
 *     (now ISO strings `startedAt`/`endedAt`);
 *   - the header and summary kept `title` and `source` at the top level (now inside `info`), and the
 *     summary marked crashes with `recovered: boolean` (now `status: 'complete' | 'recovered'`).
 */
import { SESSION_SCHEMA_VERSION } from './types'

export type Migrated = { ok: true; value: unknown } | { ok: false; error: string }

type Step = (raw: Record<string, unknown>) => Record<string, unknown>

interface FileMigrations {
  /** Migrations for the file's top-level object (header line or summary.json), indexed by from-version. */
  top: Record<number, Step>
  /** Migrations for each journal entry line, indexed by from-version. */
  entry: Record<number, Step>
}

const MIGRATIONS: FileMigrations = {
  top: {
    1: (raw) => {
      const { startedAtMs, endedAtMs, title, source, recovered, ...rest } = raw
      const out: Record<string, unknown> = {
        ...(renameKeyDeep(rest, 'exerciseId', 'exercise') as Record<string, unknown>),
        schemaVersion: 2,
        startedAt: isoFromEpochMs(startedAtMs),
        info: { title, source }
      }
      if (endedAtMs !== undefined) out.endedAt = isoFromEpochMs(endedAtMs)
      if (recovered !== undefined) out.status = recovered === true ? 'recovered' : 'complete'
      return out
    }
  },
  entry: {
    1: (raw) => renameKeyDeep(raw, 'exerciseId', 'exercise') as Record<string, unknown>
  }
}

/** Migrates a header line or summary.json object to the current version. */
export function migrateTopLevel(raw: unknown, what: string): Migrated {
  const version = readVersion(raw, what)
  if (!version.ok) return version
  let value = raw as Record<string, unknown>
  for (let v = version.value; v < SESSION_SCHEMA_VERSION; v++) value = MIGRATIONS.top[v](value)
  return { ok: true, value }
}

/** Migrates one journal entry written under `fromVersion` (the header's version). */
export function migrateJournalEntry(raw: unknown, fromVersion: number): unknown {
  if (!isObject(raw)) return raw
  let value = raw
  for (let v = fromVersion; v < SESSION_SCHEMA_VERSION; v++) value = MIGRATIONS.entry[v](value)
  return value
}

/** The schemaVersion of a raw file object, if it is one this build can read. */
export function readVersion(raw: unknown, what: string): { ok: true; value: number } | { ok: false; error: string } {
  if (!isObject(raw)) return { ok: false, error: `${what} is not a JSON object.` }
  const v = raw.schemaVersion
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return { ok: false, error: `${what} has no valid schemaVersion (expected a whole number from 1 to ${SESSION_SCHEMA_VERSION}).` }
  }
  if (v > SESSION_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `${what} was written by a newer RevUp (schema version ${v}; this version reads up to ${SESSION_SCHEMA_VERSION}).`
    }
  }
  return { ok: true, value: v }
}

function isoFromEpochMs(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : value
}

function renameKeyDeep(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((v) => renameKeyDeep(v, from, to))
  if (!isObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) out[key === from ? to : key] = renameKeyDeep(v, from, to)
  return out
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
