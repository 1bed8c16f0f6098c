/**
 * Which camera views can judge what: one definition for the placement check, the live set and the
 * analyzer, so placement never waits for a view the engine would count in, and the engine never judges
 * a cue from a view that cannot show it.
 */
import type { ExerciseId } from './events'
import type { ViewReading } from './viewReading'

/** A view as the rules need it: side-on, front-on, or the 3/4 angle between them. */
export type ViewKind = 'side' | 'front' | 'angled'

/**
 * Between these width/torso ratios (view.ts: ≤ 0.3 side, ≥ 0.5 front) the camera sees the body at
 * roughly 20–50° off either axis: a 3/4 view, in which counting by joint angles still works.
 */
export function viewKind(reading: Pick<ViewReading, 'view' | 'widthRatio'>): ViewKind | null {
  if (reading.view === 'side' || reading.view === 'front') return reading.view
  return reading.widthRatio === null ? null : 'angled'
}

/**
 * Views in which an exercise can be counted or timed (exercises.md gives the preferred one first; the
 * others still show the main angle: a thigh's drop, an elbow's bend, a body line's length).
 */
export const COUNTING_VIEWS: Record<ExerciseId, readonly ViewKind[]> = {
  'heel-taps': ['side', 'angled'],
  plank: ['side', 'angled'],
  'side-plank': ['front', 'angled'],
  'cable-row': ['side', 'angled'],
  'push-up': ['side', 'angled', 'front'],
  lunge: ['side', 'angled', 'front'],
  'step-up': ['side', 'angled', 'front'],
  'glute-bridge': ['side', 'angled'],
  'band-walk': ['front', 'angled'],
  squat: ['side', 'angled', 'front']
}

/** Whether this reading of the view lets the exercise be counted or timed. */
export function viewJudgeable(exercise: ExerciseId, reading: Pick<ViewReading, 'view' | 'widthRatio'>): boolean {
  const kind = viewKind(reading)
  return kind !== null && COUNTING_VIEWS[exercise].includes(kind)
}
