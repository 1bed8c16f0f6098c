/**
 * The argument schema of every IPC verb: main parses each call's arguments from `unknown` with these
 * before anything else runs. Kept out of src/shared/ipc.ts so the preload bundle carries no zod.
 */
import { z } from 'zod'
import { MAX_SETTINGS_CHARS, type Verb, type VerbArgs } from '../shared/ipc'
import { journalEntriesSchema, sessionIdSchema, sessionStartInfoSchema } from '../shared/session/schema'

const exportFormatSchema = z.enum(['json', 'csv'])
const settingsSchema = z
  .record(z.string().max(200), z.unknown())
  .refine((value) => JSON.stringify(value).length <= MAX_SETTINGS_CHARS, {
    message: `settings must be at most ${MAX_SETTINGS_CHARS} characters of JSON`
  })

/** Argument tuples per verb. */
export const IPC_ARGS = {
  getAppInfo: z.tuple([]),
  startSession: z.tuple([sessionStartInfoSchema]),
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
