/**
 * Every size cap on what crosses the IPC contract (ipc.ts), in one place. Main checks each call's
 * arguments against its verb's PayloadBudget before parsing them (src/main/payloadBudget.ts), so an
 * oversize payload is refused after a glance at its lengths, never parsed whole; the zod schemas
 * (src/main/ipcArgs.ts, src/shared/session/schema.ts) then check the exact shape with the per-field
 * caps below. Pure constants: the sandboxed preload and the renderer may import this file.
 */
import type { Verb } from './ipc'

/** Longest error sentence a verb answers: a sentence a runner reads, never a dump of their payload. */
export const MAX_ERROR_CHARS = 400
/** Longest piece of a value (a key, a field path) quoted inside an error sentence. */
export const MAX_QUOTED_CHARS = 40

/** Longest free text we keep (titles, notes, cue ids); a runner's note is a sentence or two. */
export const MAX_TEXT_CHARS = 2_000
/** Most entries one append call may carry: ~15 pose frames/s plus events, batched about once a second, with room. */
export const MAX_ENTRIES_PER_APPEND = 2_000
/** A set number beyond this is a bug, not a workout. */
export const MAX_SET_INDEX = 100
/** Steps in a session's plan: the routine has ten exercises; a plan names each at most once, with room. */
export const MAX_PLANNED_STEPS = 20
/** Settings are a small JSON object owned by the renderer: at most this many characters of JSON. */
export const MAX_SETTINGS_CHARS = 64_000
/** Settings keys: the renderer has about ten; a thousand would be a bug. */
export const MAX_SETTINGS_KEYS = 200
/** Longest object key anywhere in a payload (settings names, variant names). */
export const MAX_KEY_CHARS = 200

/**
 * What one call's arguments may hold, checked before parsing. Depth counts from the argument list
 * (0) to its arguments (1) and down; values are every string, number, boolean, null, array and object.
 */
export interface PayloadBudget {
  maxDepth: number
  /** Longest array anywhere, the argument list included. */
  maxArrayItems: number
  maxObjectKeys: number
  maxKeyChars: number
  maxStringChars: number
  /** All values together. */
  maxValues: number
  /** All strings and keys together, characters. */
  maxTextChars: number
}

/** Ids, formats, start info and options: a handful of short values. */
const SMALL: PayloadBudget = {
  maxDepth: 4,
  maxArrayItems: 8,
  maxObjectKeys: 16,
  maxKeyChars: MAX_KEY_CHARS,
  maxStringChars: MAX_TEXT_CHARS,
  maxValues: 100,
  maxTextChars: 10_000
}

/**
 * Start info with the workout's plan: up to MAX_PLANNED_STEPS steps of about eight values each
 * (args → info → plan → step → value: depth 4).
 */
const START: PayloadBudget = {
  maxDepth: 4,
  maxArrayItems: MAX_PLANNED_STEPS,
  maxObjectKeys: 16,
  maxKeyChars: MAX_KEY_CHARS,
  maxStringChars: MAX_TEXT_CHARS,
  maxValues: 40 + MAX_PLANNED_STEPS * 10,
  maxTextChars: 10_000
}

/**
 * An append: up to MAX_ENTRIES_PER_APPEND entries, each at most 5 levels deep (args → entries → entry
 * → frame → row); a pose entry is about 110 values (its row is 1 + 33 × 3 numbers).
 */
const APPEND: PayloadBudget = {
  maxDepth: 8,
  maxArrayItems: MAX_ENTRIES_PER_APPEND,
  maxObjectKeys: 32,
  maxKeyChars: MAX_KEY_CHARS,
  maxStringChars: MAX_TEXT_CHARS,
  maxValues: MAX_ENTRIES_PER_APPEND * 125,
  maxTextChars: MAX_ENTRIES_PER_APPEND * (MAX_TEXT_CHARS + 500)
}

const SETTINGS: PayloadBudget = {
  maxDepth: 8,
  maxArrayItems: MAX_SETTINGS_KEYS,
  maxObjectKeys: MAX_SETTINGS_KEYS,
  maxKeyChars: MAX_KEY_CHARS,
  maxStringChars: MAX_SETTINGS_CHARS,
  maxValues: 10_000,
  maxTextChars: MAX_SETTINGS_CHARS
}

export const PAYLOAD_BUDGETS: Record<Verb, PayloadBudget> = {
  getAppInfo: SMALL,
  startSession: START,
  resumeSession: SMALL,
  appendToSession: APPEND,
  finishSession: SMALL,
  listSessions: SMALL,
  getSession: SMALL,
  deleteSession: SMALL,
  exportSession: SMALL,
  exportAllSessions: SMALL,
  loadSettings: SMALL,
  saveSettings: SETTINGS
}
