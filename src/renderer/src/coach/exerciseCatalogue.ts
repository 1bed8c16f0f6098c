/**
 * The exercises the app can coach right now, in routine order, with the words the UI uses for
 * set parts. Read from the one registry (src/shared/exercises/index.ts).
 */
import { EXERCISE_IDS, type ExerciseId } from '../../../shared/engine/events'
import { EXERCISES } from '../../../shared/exercises/index'
import type { BandColour, ExerciseDefinition } from '../../../shared/exercises/types'
import type { SidePart } from '../../../shared/workout/types'

/** Registered definitions, in routine order. */
export function availableDefinitions(): ExerciseDefinition[] {
  return EXERCISE_IDS.map((id) => EXERCISES[id]).filter((d): d is ExerciseDefinition => d !== undefined)
}

export function exerciseName(id: ExerciseId): string {
  return EXERCISES[id]?.name ?? id
}

const SIDE_WORDS: Record<SidePart['kind'], (side: 'left' | 'right') => string> = {
  none: () => '',
  leg: (side) => `${side} leg`,
  'side-down': (side) => `on your ${side} side`,
  direction: (side) => `stepping to your ${side}`
}

/** "left leg", "on your right side", "stepping to your left", or '' for a one-part set. */
export function partLabel(part: SidePart): string {
  return part.side === null ? '' : SIDE_WORDS[part.kind](part.side)
}

/** The band picker's words for each colour. */
export const BAND_LABELS: Record<BandColour, string> = {
  yellow: 'Yellow (easy)',
  green: 'Green (moderate)',
  blue: 'Blue (hard)',
  black: 'Black (hardest)'
}
