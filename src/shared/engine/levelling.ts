/**
 * Rules measured along image axes (sit back, knee past toes, thigh and body-line angles) read the frame as a
 * level camera would have seen it: the camera's estimated roll is undone before the exercise judges it.
 */
import type { PoseFrame } from '../pose/types'
import { createBody, maskOutOfFrame, type Body, type BodyOptions } from './body'
import { CORRECTION_DEADBAND_DEG, pictureTurned, type RollTracker } from './cameraRoll'
import { derollFrame } from './levelFrame'

/**
 * Largest camera roll the engine undoes, degrees: a laptop on an uneven floor or a rug tilts it up to ~15°,
 * and the estimate itself is good to ~±5° (median over 4 s); more than that is a camera knocked over or a
 * misreading, and the runner is asked to level it instead of every rule being turned by it.
 */
export const MAX_CORRECTED_ROLL_DEG = 20

/**
 * The roll to undo, degrees: the tracker's latest windowed estimate (a rep in the first seconds needs it
 * too, before the state settles), 0 inside the dead band, past MAX_CORRECTED_ROLL_DEG, or on its side or upside down.
 */
export function rollCorrectionDeg(roll: Pick<RollTracker, 'estimateDeg' | 'reading'>): number {
  const estimate = roll.estimateDeg
  if (estimate === null || pictureTurned(roll.reading?.state)) return 0
  const size = Math.abs(estimate)
  return size >= CORRECTION_DEADBAND_DEG && size <= MAX_CORRECTED_ROLL_DEG ? estimate : 0
}

/**
 * A roll estimate past MAX_CORRECTED_ROLL_DEG (short of a picture on its side or upside down, which the gate handles): the frame is
 * judged as seen, uncorrected, so rules along image axes cannot be trusted on it. Measured: rolled 20°, a
 * clean front squat read "knees caving" on four reps and a side lunge "torso leaning".
 */
export function tooTiltedToJudge(roll: Pick<RollTracker, 'estimateDeg' | 'reading'>): boolean {
  const estimate = roll.estimateDeg
  return estimate !== null && !pictureTurned(roll.reading?.state) && Math.abs(estimate) > MAX_CORRECTED_ROLL_DEG
}

/**
 * Margin, px, that a rule comparing two joints along the image's horizontal adds while the camera's roll is
 * not yet known (Body.uprightKnown false: no roll evidence seen yet, e.g. the first seconds of a lunge set
 * before a still top): a roll of up to MAX_CORRECTED_ROLL_DEG, which the engine would have undone, moves a
 * joint `heightPx` above the other sideways by up to heightPx · sin 20° ≈ 0.34 heightPx. Measured: turned
 * −20°, a clean knee-drive lunge read "knee past toes" before any roll was read (3.5 s Full, 7.8 s Lite). 0 once
 * the roll is known (the frame is then levelled, or form held back past 20°).
 */
export function unknownRollMarginPx(body: Pick<Body, 'uprightKnown'>, heightPx: number): number {
  return body.uprightKnown ? 0 : Math.abs(heightPx) * Math.sin((MAX_CORRECTED_ROLL_DEG * Math.PI) / 180)
}

/**
 * Margin, degrees, that a rule comparing a body segment's angle with image-vertical adds while the camera's
 * roll is not known (Body.uprightKnown false: no roll evidence yet, or a view that gives none, such as a rear
 * three-quarter lunge): image-vertical may then be up to MAX_CORRECTED_ROLL_DEG off the world's. Measured:
 * rolled −20°, the rear-angle split squat's forward lean read past the 60° standing limit at every bottom, its
 * lunge signal was dropped there and the set counted 0 of its 3 reps. 0 once the roll is known. The squat
 * keeps the plain limit: its roll is read from the standing top within seconds, and until then the limit is
 * what rejects misdrawn frames (measured: on the darkened knees-in front squat, frames drawn leaning 60–80°
 * around the clip's cut made an eighth rep (7 labelled) when the margin was added there).
 */
export function unknownRollMarginDeg(body: Pick<Body, 'uprightKnown'>): number {
  return body.uprightKnown ? 0 : MAX_CORRECTED_ROLL_DEG
}

/**
 * The frame as a Body with `correctionDeg` of roll undone. Keypoints outside the camera's own picture are
 * masked first: after levelling a corner of the picture lies outside [0, 1] and says nothing.
 */
export function levelledBody(frame: PoseFrame, correctionDeg: number, options: BodyOptions): Body {
  if (correctionDeg === 0) return createBody(frame, options)
  return createBody(derollFrame(maskOutOfFrame(frame), correctionDeg), { ...options, inFrameCheck: false })
}
