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
    standing: 'Stand side-on to the camera, so it sees you from the side.',
    floor: 'Lie side-on to the camera: head at one side of the picture, feet at the other.'
  },
  front: {
    standing: 'Face the camera.',
    floor: 'Face the camera, your body across the picture.'
  }
}

export function setupAdvice(exercise: ExerciseId, view: CameraView): SetupAdvice {
  const floor = isFloorExercise(exercise)
  return {
    laptop: floor
      ? 'Put the laptop on the floor about 2 m away, screen tilted back so your whole body fits lying down.'
      : 'Put the laptop on the floor about 2–3 m away, screen tilted back so you fit from head to feet.',
    facing: FACING[view][floor ? 'floor' : 'standing']
  }
}
