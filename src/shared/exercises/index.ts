/**
 * The exercise registry: every routine exercise by id (../shared/exercises.md), in routine order.
 */
import { EXERCISE_IDS, type ExerciseId } from '../engine/events'
import { bandWalk } from './band-walk'
import { cableRow } from './cable-row'
import { gluteBridge } from './glute-bridge'
import { heelTaps } from './heel-taps'
import { lunge } from './lunge'
import { plank } from './plank'
import { pushUp } from './push-up'
import { sidePlank } from './side-plank'
import { squat } from './squat'
import { stepUp } from './step-up'
import type { ExerciseDefinition } from './types'

export const EXERCISES: Record<ExerciseId, ExerciseDefinition> = {
  'heel-taps': heelTaps,
  plank,
  'side-plank': sidePlank,
  'cable-row': cableRow,
  'push-up': pushUp,
  lunge,
  'step-up': stepUp,
  'glute-bridge': gluteBridge,
  'band-walk': bandWalk,
  squat
}

/** The definition for `id`; throws naming the bad id and the allowed set. */
export function getExercise(id: string): ExerciseDefinition {
  const def = (EXERCISES as Record<string, ExerciseDefinition | undefined>)[id]
  if (!def) throw new Error(`Unknown exercise id "${id}"; expected one of: ${EXERCISE_IDS.join(', ')}`)
  return def
}
