/**
 * zod schemas for everything a session stores or receives over IPC. Every value from the renderer or
 * from disk is parsed from `unknown` with these before it is used. Bounds keep one bad payload from
 * filling memory or the disk.
 */
import { z } from 'zod'
import { EXERCISE_IDS, NOT_JUDGED_REASONS, repTiming } from '../engine/events'
import { BAND_COLOURS } from '../exercises/types'
import { BLAZEPOSE_KEYPOINTS } from '../pose/types'
import { compactPoseFrameSchema } from './poseEntry'
import { SESSION_ID_PATTERN, SESSION_SCHEMA_VERSION } from './types'
import { MAX_ENTRIES_PER_APPEND, MAX_PLANNED_STEPS, MAX_QUOTED_CHARS, MAX_SET_INDEX, MAX_TEXT_CHARS } from '../ipcLimits'
import { cutText, fieldPath } from '../text'

export { MAX_ENTRIES_PER_APPEND, MAX_SET_INDEX, MAX_TEXT_CHARS }

/** Room for zod's own wording ("expected one of ...") in an error sentence; the rest is cut. */
const MAX_ISSUE_MESSAGE_CHARS = MAX_QUOTED_CHARS * 4

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' })
const shortText = z.string().max(MAX_TEXT_CHARS)
const cueId = z.string().min(1).max(80)

export const sessionIdSchema = z.string().regex(SESSION_ID_PATTERN, {
  message: 'a session id looks like "s-20250105-140322-k3j9x2"'
})
export const exerciseIdSchema = z.enum(EXERCISE_IDS)
export const sideSchema = z.enum(['left', 'right'])
const nullableSide = sideSchema.nullable()
const keypointNameSchema = z.enum(BLAZEPOSE_KEYPOINTS)
const bandColourSchema = z.enum(BAND_COLOURS)
const setIndexSchema = z.number().int().min(1).max(MAX_SET_INDEX)
const epochMsSchema = finite.refine((n) => n >= 0, { message: 'must be epoch milliseconds' })

export const engineEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('view'),
    t: finite,
    view: z.enum(['side', 'front', 'unknown']),
    facing: z.enum(['left', 'right', 'camera', 'away', 'unknown'])
  }),
  z.object({
    type: z.literal('visibility'),
    t: finite,
    ok: z.boolean(),
    missing: z.array(keypointNameSchema).max(33),
    // Optional on read: journals written before reasons existed have none.
    reason: z.enum(NOT_JUDGED_REASONS).optional()
  }),
  z.object({ type: z.literal('cue-scope'), t: finite, id: cueId, judged: z.boolean(), view: z.enum(['side', 'front', 'unknown']) }),
  z.object({ type: z.literal('camera'), t: finite, rollDeg: finite, state: z.enum(['level', 'tilted', 'sideways', 'upside-down']) }),
  z.object({
    type: z.literal('exercise'),
    t: finite,
    recognised: exerciseIdSchema.nullable(),
    planned: exerciseIdSchema,
    posture: z.enum(['standing', 'prone', 'supine', 'side-lying', 'kneeling', 'unknown'])
  }),
  z.object({
    type: z.literal('rep'),
    t: finite,
    exercise: exerciseIdSchema,
    side: nullableSide,
    startMs: finite,
    bottomMs: finite,
    endMs: finite,
    depthDeg: finite.nullable(),
    rangeDeg: finite.nullable(),
    durationMs: finite,
    // Optional on read: journals written before reps carried a tempo get it from their times.
    tempo: z.object({ downMs: finite, upMs: finite }).optional(),
    cues: z.array(cueId).max(50),
    variant: z.record(z.string().max(80), z.union([z.string().max(200), finite, z.boolean()])).optional()
  }).transform((rep) => ({ ...rep, tempo: rep.tempo ?? repTiming(rep.startMs, rep.bottomMs, rep.endMs).tempo })),
  z.object({
    type: z.literal('hold'),
    t: finite,
    phase: z.enum(['started', 'paused', 'resumed', 'ended']),
    side: nullableSide,
    goodFormMs: finite,
    reason: z.string().max(200).optional()
  }),
  z.object({ type: z.literal('cue'), t: finite, phase: z.enum(['raised', 'cleared']), id: cueId })
])

/** Bounds as on Home (workout/plan.ts LIMITS), a little wider so a later change there cannot make old journals unreadable. */
const plannedStepSchema = z.object({
  exercise: exerciseIdSchema,
  sets: z.number().int().min(1).max(MAX_SET_INDEX),
  reps: z.number().int().min(1).max(1_000).nullable(),
  holdSeconds: finite.refine((n) => n > 0 && n <= 3_600, { message: 'must be 1–3600 seconds' }).nullable(),
  restSeconds: finite.refine((n) => n >= 0 && n <= 3_600, { message: 'must be 0–3600 seconds' }),
  variant: z.string().max(80).optional(),
  bandColour: bandColourSchema.optional()
})

export const sessionStartInfoSchema = z.object({
  title: z.string().min(1).max(200),
  source: z.enum(['camera', 'video']),
  model: z.string().max(80).optional(),
  videoName: z.string().max(260).optional(),
  plan: z.array(plannedStepSchema).max(MAX_PLANNED_STEPS).optional()
})

const setTargetSchema = z.object({
  reps: z.number().int().min(0).max(1_000).optional(),
  holdSeconds: finite.refine((n) => n >= 0 && n <= 3_600, { message: 'must be 0–3600 seconds' }).optional()
})

export const journalEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('set-start'),
    at: epochMsSchema,
    exercise: exerciseIdSchema,
    setIndex: setIndexSchema,
    side: nullableSide,
    target: setTargetSchema,
    variant: z.string().max(80).optional(),
    bandColour: bandColourSchema.optional()
  }),
  z.object({
    kind: z.literal('set-end'),
    at: epochMsSchema,
    exercise: exerciseIdSchema,
    setIndex: setIndexSchema,
    side: nullableSide,
    reason: z.enum(['completed', 'skipped', 'stopped'])
  }),
  z.object({ kind: z.literal('engine'), at: epochMsSchema, exercise: exerciseIdSchema, setIndex: setIndexSchema, event: engineEventSchema }),
  z.object({ kind: z.literal('pose'), at: epochMsSchema, exercise: exerciseIdSchema, setIndex: setIndexSchema, frame: compactPoseFrameSchema }),
  z.object({ kind: z.literal('note'), at: epochMsSchema, text: shortText, effort: z.number().int().min(1).max(10).optional() })
])

export const journalEntriesSchema = z.array(journalEntrySchema).max(MAX_ENTRIES_PER_APPEND)

export const journalHeaderSchema = z.object({
  kind: z.literal('header'),
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  id: sessionIdSchema,
  startedAt: z.iso.datetime(),
  info: sessionStartInfoSchema
})

const warningCountSchema = z.object({ id: cueId, count: z.number().int().min(0) })

const repRecordSchema = z.object({
  exercise: exerciseIdSchema,
  setIndex: setIndexSchema,
  side: nullableSide,
  startMs: finite,
  bottomMs: finite,
  endMs: finite,
  durationMs: finite,
  depthDeg: finite.nullable(),
  rangeDeg: finite.nullable(),
  cues: z.array(cueId),
  variant: z.record(z.string(), z.union([z.string(), finite, z.boolean()])).optional()
})

const holdRecordSchema = z.object({
  exercise: exerciseIdSchema,
  setIndex: setIndexSchema,
  side: nullableSide,
  startMs: finite,
  endMs: finite.nullable(),
  goodFormMs: finite,
  pauses: z.number().int().min(0)
})

const setSummarySchema = z.object({
  exercise: exerciseIdSchema,
  setIndex: setIndexSchema,
  side: nullableSide,
  startedAt: epochMsSchema.nullable(),
  endedAt: epochMsSchema.nullable(),
  endReason: z.enum(['completed', 'skipped', 'stopped', 'unfinished']),
  target: setTargetSchema,
  variant: z.string().optional(),
  bandColour: bandColourSchema.optional(),
  repCount: z.number().int().min(0),
  holdSeconds: finite,
  reps: z.array(repRecordSchema),
  holds: z.array(holdRecordSchema),
  warnings: z.array(warningCountSchema)
})

export const sessionSummarySchema = z.object({
  durationSeconds: finite,
  repCount: z.number().int().min(0),
  holdSeconds: finite,
  exercises: z.array(
    z.object({
      exercise: exerciseIdSchema,
      setCount: z.number().int().min(0),
      repCount: z.number().int().min(0),
      holdSeconds: finite,
      warnings: z.array(warningCountSchema)
    })
  ),
  sets: z.array(setSummarySchema),
  warnings: z.array(warningCountSchema),
  notes: z.array(z.object({ at: epochMsSchema, text: shortText, effort: z.number().int().min(1).max(10).optional() }))
})

export const sessionSummaryFileSchema = z.object({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  id: sessionIdSchema,
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  status: z.enum(['complete', 'recovered']),
  info: sessionStartInfoSchema,
  summary: sessionSummarySchema,
  recovery: z.object({ droppedPartialLine: z.boolean(), entryCount: z.number().int().min(0) }).optional()
})

/**
 * Turns a zod failure into one sentence naming the first bad field and what was expected. Field
 * names and zod's wording are cut (MAX_QUOTED_CHARS each), so a huge key cannot make a huge sentence.
 */
export function describeIssue(error: z.ZodError, what: string, options: { argumentList?: boolean } = {}): string {
  const issue = error.issues[0]
  if (!issue) return `${what} is not valid.`
  // For an IPC argument tuple, "0.source" reads better as "argument 1.source".
  const where = fieldPath(issue.path, { argumentList: options.argumentList })
  const message = cutText(issue.message, MAX_ISSUE_MESSAGE_CHARS)
  return `${what} is not valid: ${where}: ${message.charAt(0).toLowerCase()}${message.slice(1)}.`
}
