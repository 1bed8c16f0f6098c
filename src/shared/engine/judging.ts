/**
 * The runner's words for everything the engine cannot judge: one sentence per reason, short enough to
 * read from a mat 2–3 m away and to speak once. The app's set view, its voice and the analyzer all use
 * these, so the three never disagree about why nothing was counted.
 */
import type { KeypointName } from '../pose/types'
import type { BodyPosture, CameraRollState, ExerciseId, NotJudgedReason } from './events'
import { getCue } from './cues'

/** "left_knee, right_ankle" → "knees and feet": body parts in the runner's words, head to toe. */
export function bodyPartsNamed(missing: readonly KeypointName[]): string {
  const words: [RegExp, string][] = [
    [/nose|eye|ear|mouth/, 'head'],
    [/shoulder/, 'shoulders'],
    [/elbow/, 'elbows'],
    [/wrist|pinky|thumb|^(left|right)_index$/, 'hands'],
    [/hip/, 'hips'],
    [/knee/, 'knees'],
    [/ankle|heel|foot_index/, 'feet']
  ]
  const named = words.filter(([re]) => missing.some((j) => re.test(j))).map(([, w]) => w)
  if (named.length === 0) return 'whole body'
  return named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`
}

/** The sentence for a not-judged state, e.g. "Your feet are out of the picture: move the laptop back." */
export function notJudgedMessage(reason: NotJudgedReason, missing: readonly KeypointName[] = []): string {
  switch (reason) {
    case 'no-person':
      return "I can't see anyone: step into the picture."
    case 'too-dark':
      return "It's too dark for me to see you: turn on a light."
    case 'sideways':
    case 'upside-down':
      return cameraMessage(reason)!
    case 'camera-above':
      return "The camera is looking down on you, so I can't count: put the laptop on the floor, side-on to you."
    case 'out-of-frame':
    {
      const parts = bodyPartsNamed(missing)
      // Every part name is plural but the head and the whole body.
      return `Your ${parts} ${parts === 'head' || parts === 'whole body' ? 'is' : 'are'} out of the picture: move the laptop further away.`
    }
    case 'joints-hidden':
      return `I can't see your ${bodyPartsNamed(missing)}.`
    case 'too-far':
      return "You're too far away: come closer."
    case 'wrong-view':
      return "I can't judge this exercise from this angle: turn as the set-up shows."
  }
}

/** The sentence for a cue the current view cannot show, e.g. "From the front I can't see whether …". */
export function cueNotJudgedMessage(cueId: string, view: 'side' | 'front' | 'unknown'): string {
  const where = view === 'front' ? 'From the front' : view === 'side' ? 'From the side' : 'From this angle'
  return `${where} I can't check this: "${getCue(cueId).text}"`
}

/** The sentence for the camera's roll state; null when level (nothing to say). */
export function cameraMessage(state: CameraRollState): string | null {
  if (state === 'sideways') return 'The picture is on its side: stand the laptop upright.'
  if (state === 'upside-down') return 'The picture is upside down: turn the camera the right way up.'
  if (state === 'tilted') return 'The camera is tilted: level the laptop.'
  return null
}

/** Names of the exercises as the runner knows them (the catalogue's, kept here so src/shared stays UI-free). */
const EXERCISE_NAMES: Record<ExerciseId, string> = {
  'heel-taps': 'heel taps',
  plank: 'a plank',
  'side-plank': 'a side plank',
  'cable-row': 'a cable row',
  'push-up': 'push-ups',
  lunge: 'lunges',
  'step-up': 'step-ups',
  'glute-bridge': 'a glute bridge',
  'band-walk': 'a band walk',
  squat: 'squats'
}

/** "This looks like a plank: switch to plank?" or, for none of the ten, what the body position is. */
export function wrongExerciseMessage(recognised: ExerciseId | null, posture: BodyPosture): string {
  if (recognised) return `This looks like ${EXERCISE_NAMES[recognised]}: switch to ${EXERCISE_NAMES[recognised].replace(/^an? /, '')}?`
  const where: Record<BodyPosture, string> = {
    standing: 'standing', prone: 'face down', supine: 'on your back', 'side-lying': 'on your side', kneeling: 'kneeling', unknown: 'moving'
  }
  return `You look to be ${where[posture]}, but this isn't one of the routine's exercises.`
}
