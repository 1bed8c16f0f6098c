import type { CameraView, ExerciseId } from '../engine/events'
import { isFloorExercise } from './guards'

/** Where the laptop goes and which way to face, in the runner's words, for the Placement screen. */
export interface SetupAdvice {
  laptop: string
  facing: string
}

/** Which way a side-view runner lies or stands does not matter; what matters is what the camera sees. */
const FACING: Record<CameraView, { standing: string; floor: string }> = {
  side: {
    standing: 'Side-on to the camera.',
    floor: 'Side-on: head one side, feet the other.'
  },
  front: {
    standing: 'Face the camera.',
    floor: 'Face the camera, body across the picture.'
  }
}

export function setupAdvice(exercise: ExerciseId, view: CameraView): SetupAdvice {
  const floor = isFloorExercise(exercise)
  return {
    // Short enough to read at 48 px from the mat: the set starts by itself, so this is all they need.
    laptop: floor ? 'Laptop on the floor, 2 m away.' : 'Laptop on the floor, 2–3 m away.',
    facing: FACING[view][floor ? 'floor' : 'standing']
  }
}
