/** What the runner reads for an exercise id and a cue id. */
import { CUES } from '../../../shared/engine/cues'
import { EXERCISES } from '../../../shared/exercises'
import { titleCase } from './format'

/** The registry's name for an exercise ("Side plank"); the id, readable, for one this build does not know. */
export const exerciseName = (id: string): string => (EXERCISES as Record<string, { name: string } | undefined>)[id]?.name ?? titleCase(id)

/** The sentence the runner heard for a cue id (the id itself for a cue this build no longer knows). */
export const cueText = (id: string): string => CUES[id]?.text ?? id
