import type { ExerciseId } from '../engine/events'
import type { ExerciseDefinition, Prescription } from '../exercises/types'

/**
 * Minimal exercise definitions for the workout's unit tests, so they do not depend on the
 * real registry's tuning. Prescriptions follow exercises.md.
 */
export function fakeDefinition(
  id: ExerciseId,
  group: ExerciseDefinition['group'],
  measure: ExerciseDefinition['measure'],
  prescription: Partial<Prescription> = {},
  view: ExerciseDefinition['view'] = 'side'
): ExerciseDefinition {
  return {
    id,
    name: id,
    group,
    view,
    measure,
    prescription: { sets: 2, perSide: false, restSeconds: 60, text: '', ...prescription },
    variants: [],
    requiredJoints: ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'],
    cueIds: [],
    createTracker() {
      throw new Error('fake definitions have no tracker')
    }
  }
}

export const FAKE_DEFS: ExerciseDefinition[] = [
  fakeDefinition('heel-taps', 'core', 'reps', { reps: 10 }),
  fakeDefinition('plank', 'core', 'hold', { sets: 1, holdSeconds: 30 }),
  fakeDefinition('side-plank', 'core', 'hold', { sets: 1, holdSeconds: 15, perSide: true }, 'front'),
  fakeDefinition('push-up', 'upper', 'reps', { reps: 5 }),
  fakeDefinition('lunge', 'lower', 'reps', { reps: 10, perSide: true }),
  fakeDefinition('glute-bridge', 'lower', 'reps-and-hold', { sets: 1, reps: 10, holdSeconds: 30 }),
  fakeDefinition('band-walk', 'lower', 'reps', { reps: 8, perSide: true }, 'front'),
  fakeDefinition('squat', 'lower', 'reps', { reps: 10 })
]
