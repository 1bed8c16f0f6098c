/**
 * The exercise registry: every routine exercise by id (../shared/exercises.md).
 */
import { EXERCISE_IDS, type ExerciseId } from '../engine/events'
import { gluteBridge } from './glute-bridge'
import { lunge } from './lunge'
import { squat } from './squat'
import type { ExerciseDefinition } from './types'

/** Exercises whose modules have landed; the rest are added as their files arrive. */
export const EXERCISES: Partial<Record<ExerciseId, ExerciseDefinition>> = {
  'glute-bridge': gluteBridge,
  lunge,
  squat
}

/** The definition for `id`; throws naming the bad id and the allowed set. */
export function getExercise(id: string): ExerciseDefinition {
  const def = (EXERCISES as Record<string, ExerciseDefinition | undefined>)[id]
  if (def) return def
  if ((EXERCISE_IDS as readonly string[]).includes(id)) {
    throw new Error(`Exercise "${id}" is not implemented yet; available: ${Object.keys(EXERCISES).join(', ')}`)
  }
  throw new Error(`Unknown exercise id "${id}"; expected one of: ${EXERCISE_IDS.join(', ')}`)
}
