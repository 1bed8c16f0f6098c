/**
 * The argument schema of every IPC verb: main parses each call's arguments from `unknown` with these,
 * after the size check of payloadBudget.ts (so what reaches them is bounded, acyclic plain data).
 * Kept out of src/shared/ipc.ts so the preload bundle carries no zod.
 */
import { z } from 'zod'
import type { Verb, VerbArgs } from '../shared/ipc'
import { MAX_KEY_CHARS, MAX_SETTINGS_CHARS, MAX_SETTINGS_KEYS } from '../shared/ipcLimits'
import { journalEntriesSchema, sessionIdSchema, sessionStartInfoSchema } from '../shared/session/schema'

const exportFormatSchema = z.enum(['json', 'csv'])
// JSON.stringify is safe here: the budget check already refused BigInts, cycles and deep nesting.
const settingsSchema = z
  .record(z.string().max(MAX_KEY_CHARS), z.unknown())
  .refine((value) => Object.keys(value).length <= MAX_SETTINGS_KEYS, { message: `settings may have at most ${MAX_SETTINGS_KEYS} keys` })
  .refine((value) => JSON.stringify(value).length <= MAX_SETTINGS_CHARS, {
    message: `settings must be at most ${MAX_SETTINGS_CHARS} characters of JSON`
  })

/** Argument tuples per verb. */
export const IPC_ARGS = {
  getAppInfo: z.tuple([]),
  startSession: z.tuple([sessionStartInfoSchema]),
  resumeSession: z.tuple([sessionIdSchema]),
  appendToSession: z.tuple([sessionIdSchema, journalEntriesSchema]),
  finishSession: z.tuple([sessionIdSchema]),
  listSessions: z.tuple([]),
  getSession: z.tuple([sessionIdSchema, z.object({ includePoses: z.boolean().optional() }).optional()]),
  deleteSession: z.tuple([sessionIdSchema]),
  exportSession: z.tuple([sessionIdSchema, exportFormatSchema]),
  exportAllSessions: z.tuple([exportFormatSchema]),
  loadSettings: z.tuple([]),
  saveSettings: z.tuple([settingsSchema])
} as const satisfies { [V in Verb]: z.ZodType }

// Compile-time proof that each schema parses to exactly the verb's parameter tuple.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type AllTrue<T extends Record<Verb, true>> = T
export type IpcArgsMatchApi = AllTrue<{ [V in Verb]: Same<z.infer<(typeof IPC_ARGS)[V]>, VerbArgs<V>> }>
