/**
 * The one cue vocabulary for all ten exercises (../shared/exercises.md). Ids are stable: they are
 * saved in session records and matched by the evaluation. `text` is the sentence the runner hears.
 */
import type { KeypointName } from '../pose/types'
import type { ExerciseId } from './events'

export interface Cue {
  id: string
  /** What the runner hears, one short sentence in their words. */
  text: string
  /** Joints the check needs (either side); the cue is only judged while they are seen. */
  joints: KeypointName[]
  exercises: ExerciseId[]
  /**
   * 'form': a movement fault a coach would correct on any version of the exercise.
   * 'routine': adherence to this routine's particular instructions (tempo, arm position, range goals).
   */
  kind: 'form' | 'routine'
}

const LEG: KeypointName[] = ['left_hip', 'left_knee', 'left_ankle', 'right_hip', 'right_knee', 'right_ankle']
const LINE: KeypointName[] = ['left_shoulder', 'left_hip', 'left_ankle', 'right_shoulder', 'right_hip', 'right_ankle']
const TORSO: KeypointName[] = ['left_shoulder', 'left_hip', 'right_shoulder', 'right_hip']
const ARM: KeypointName[] = ['left_shoulder', 'left_elbow', 'left_wrist', 'right_shoulder', 'right_elbow', 'right_wrist']

const LIST: Cue[] = [
  // Heel taps
  { id: 'heel-taps-knee-straightening', text: 'Keep the knee bent at about ninety degrees.', joints: LEG, exercises: ['heel-taps'], kind: 'form' },
  { id: 'heel-taps-short-tap', text: 'Lower until the heel taps the floor.', joints: LEG, exercises: ['heel-taps'], kind: 'routine' },
  { id: 'heel-taps-dropping', text: 'Lower the leg slowly, abs drawn in.', joints: LEG, exercises: ['heel-taps'], kind: 'form' },
  // Plank, push-up and side plank body line
  { id: 'hips-sagging', text: 'Lift your hips into a straight line from shoulders to heels.', joints: LINE, exercises: ['plank', 'push-up'], kind: 'form' },
  { id: 'hips-piking', text: 'Lower your hips into a straight line from shoulders to heels.', joints: LINE, exercises: ['plank', 'push-up'], kind: 'form' },
  { id: 'elbows-under-shoulders', text: 'Bring your elbows under your shoulders.', joints: ['left_shoulder', 'left_elbow', 'right_shoulder', 'right_elbow'], exercises: ['plank'], kind: 'form' },
  { id: 'side-plank-hips-dropping', text: 'Lift your hips so your body is straight.', joints: LINE, exercises: ['side-plank'], kind: 'form' },
  { id: 'side-plank-hips-piking', text: 'Lower your hips into a straight line.', joints: LINE, exercises: ['side-plank'], kind: 'form' },
  { id: 'side-plank-elbow-under-shoulder', text: 'Put your elbow right under your shoulder.', joints: ['left_shoulder', 'left_elbow', 'right_shoulder', 'right_elbow'], exercises: ['side-plank'], kind: 'form' },
  // Cable row
  { id: 'row-torso-swinging', text: 'Keep your torso tall and still; pull with your back.', joints: TORSO, exercises: ['cable-row'], kind: 'form' },
  { id: 'row-short-pull', text: 'Pull your elbows back past your body.', joints: ARM, exercises: ['cable-row'], kind: 'routine' },
  { id: 'row-shoulders-shrugging', text: 'Keep your shoulders down, away from your ears.', joints: ['left_shoulder', 'left_ear', 'right_shoulder', 'right_ear'], exercises: ['cable-row'], kind: 'form' },
  // Push-up
  { id: 'push-up-depth', text: 'Lower until your elbows reach ninety degrees.', joints: ARM, exercises: ['push-up'], kind: 'routine' },
  { id: 'push-up-elbows-flaring', text: 'Point your elbows back towards your toes.', joints: ARM, exercises: ['push-up'], kind: 'form' },
  // Lower body
  { id: 'knee-past-toes', text: 'Keep your knee stacked over your ankle, not past your toes.', joints: ['left_knee', 'left_ankle', 'left_foot_index', 'right_knee', 'right_ankle', 'right_foot_index'], exercises: ['lunge', 'step-up', 'squat'], kind: 'form' },
  { id: 'torso-leaning', text: 'Keep your chest up, shoulders stacked over your hips.', joints: TORSO, exercises: ['lunge', 'step-up', 'band-walk'], kind: 'form' },
  { id: 'lunge-lurching', text: 'Drive straight up through the front heel; do not lurch forward.', joints: TORSO, exercises: ['lunge'], kind: 'form' },
  { id: 'lunge-depth', text: 'Lower until your front knee is at about ninety degrees.', joints: LEG, exercises: ['lunge'], kind: 'routine' },
  { id: 'step-up-push-off', text: 'Lift with the leg on the box; do not push off the floor.', joints: LEG, exercises: ['step-up'], kind: 'form' },
  { id: 'bridge-hips-not-up', text: 'Push your hips all the way up, squeezing your glutes.', joints: ['left_shoulder', 'left_hip', 'left_knee', 'right_shoulder', 'right_hip', 'right_knee'], exercises: ['glute-bridge'], kind: 'routine' },
  { id: 'bridge-hips-sagging', text: 'Keep your hips up; they are sinking.', joints: ['left_shoulder', 'left_hip', 'left_knee', 'right_shoulder', 'right_hip', 'right_knee'], exercises: ['glute-bridge'], kind: 'form' },
  { id: 'hips-not-level', text: 'Keep your hips level.', joints: ['left_hip', 'right_hip'], exercises: ['glute-bridge', 'band-walk'], kind: 'form' },
  { id: 'band-walk-knees-straightening', text: 'Stay low in your half squat.', joints: LEG, exercises: ['band-walk'], kind: 'form' },
  { id: 'squat-depth', text: 'Sit lower: that one was too shallow to count.', joints: LEG, exercises: ['squat'], kind: 'routine' },
  { id: 'squat-chest-folding', text: 'Keep your chest up; do not fold forward.', joints: ['left_shoulder', 'left_hip', 'left_knee', 'left_ankle', 'right_shoulder', 'right_hip', 'right_knee', 'right_ankle'], exercises: ['squat'], kind: 'form' },
  { id: 'squat-knees-caving', text: 'Push your knees out over your toes.', joints: ['left_knee', 'left_ankle', 'right_knee', 'right_ankle'], exercises: ['squat'], kind: 'form' },
  { id: 'squat-pause-short', text: 'Pause for two to three seconds at the bottom.', joints: LEG, exercises: ['squat'], kind: 'routine' },
  { id: 'squat-arms-overhead', text: 'Raise both arms overhead.', joints: ['left_shoulder', 'left_wrist', 'right_shoulder', 'right_wrist'], exercises: ['squat'], kind: 'routine' },
  { id: 'squat-sit-back', text: 'Sit back into your heels, as into a chair.', joints: ['left_hip', 'left_heel', 'right_hip', 'right_heel'], exercises: ['squat'], kind: 'form' },
  { id: 'squat-stand-tall', text: 'Stand all the way up and squeeze your glutes.', joints: ['left_shoulder', 'left_hip', 'left_knee', 'right_shoulder', 'right_hip', 'right_knee'], exercises: ['squat'], kind: 'routine' }
]

/** Every cue by id. */
export const CUES: Readonly<Record<string, Cue>> = Object.fromEntries(LIST.map((c) => [c.id, c]))

/** The cue with this id; throws naming the bad id and the allowed ones. */
export function getCue(id: string): Cue {
  const cue = CUES[id]
  if (!cue) throw new Error(`Unknown cue id "${id}"; expected one of: ${Object.keys(CUES).join(', ')}`)
  return cue
}

/** Ids of the cues an exercise can raise. */
export function cueIdsFor(exercise: ExerciseId): string[] {
  return LIST.filter((c) => c.exercises.includes(exercise)).map((c) => c.id)
}
