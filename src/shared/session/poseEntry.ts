/**
 * How a sampled pose frame is stored in the journal. The encoding itself belongs to the compact
 * pose codec (src/shared/pose/compact.ts); the journal only checks that what it stores is a small
 * plain JSON object, so a codec change never breaks reading old sessions.
 */
import { z } from 'zod'

/** A compact pose frame as the codec produced it: a plain JSON object. */
export type CompactPoseFrame = Record<string, unknown>

/** 33 keypoints × (x, y, score) as JSON plus world landmarks fit well inside this; anything bigger is not a pose. */
export const MAX_POSE_ENTRY_CHARS = 8_000

export const compactPoseFrameSchema = z
  .record(z.string(), z.unknown())
  .refine((value) => JSON.stringify(value).length <= MAX_POSE_ENTRY_CHARS, {
    message: `a pose frame must be at most ${MAX_POSE_ENTRY_CHARS} characters of JSON`
  })
