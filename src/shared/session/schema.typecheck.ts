/**
 * Compile-time proof that the zod schemas and the hand-written types agree: if either changes
 * without the other, `npm run typecheck` fails here. Nothing in this file runs.
 */
import type { z } from 'zod'
import type { EngineEvent } from '../engine/events'
import type {
  journalEntrySchema,
  journalHeaderSchema,
  sessionStartInfoSchema,
  sessionSummaryFileSchema,
  engineEventSchema
} from './schema'
import type { JournalEntry, JournalHeader, SessionStartInfo, SessionSummaryFile } from './types'

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T

export type SchemaMatchesTypes = [
  Assert<Same<z.infer<typeof engineEventSchema>, EngineEvent>>,
  Assert<Same<z.infer<typeof journalEntrySchema>, JournalEntry>>,
  Assert<Same<z.infer<typeof sessionStartInfoSchema>, SessionStartInfo>>,
  // The header and summary schemas pin the current version; the types allow any (older files exist).
  Assert<z.infer<typeof journalHeaderSchema> extends JournalHeader ? true : false>,
  Assert<z.infer<typeof sessionSummaryFileSchema> extends SessionSummaryFile ? true : false>
]

