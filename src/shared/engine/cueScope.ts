/**
 * Cues the camera view cannot show. Each cue names the views it can be judged from (CUE_VIEWS); when the
 * settled view is not one of them the engine says so once ('cue-scope' event, judged: false) instead of
 * staying silent, and says again when the view allows it (judged: true).
 */
import type { EngineEvent } from './events'
import { viewKind, type ViewKind } from './viewScope'
import type { ViewReading } from './viewReading'

const ALL: readonly ViewKind[] = ['side', 'front', 'angled']

/**
 * Views each cue can be judged from. Image-axis rules along the direction of travel (knee ahead of the
 * toes, hips behind the heels, torso lean, body-line sag) need the body side-on, or angled with the
 * body line's foreshortening corrected; left–right rules (knees caving, hips level, elbows flaring out
 * from the body) need it front-on. Cues not listed are judged from every view.
 */
export const CUE_VIEWS: Readonly<Record<string, readonly ViewKind[]>> = {
  'knee-past-toes': ['side'],
  'squat-sit-back': ['side'],
  'squat-stand-tall': ['side'],
  'squat-chest-folding': ['side'],
  'squat-knees-caving': ['front'],
  'torso-leaning': ['side', 'angled'],
  'lunge-lurching': ['side'],
  'hips-sagging': ['side', 'angled'],
  'hips-piking': ['side', 'angled'],
  'elbows-under-shoulders': ['side'],
  'side-plank-hips-dropping': ['front', 'angled'],
  'side-plank-hips-piking': ['front', 'angled'],
  'side-plank-elbow-under-shoulder': ['front', 'angled'],
  'push-up-elbows-flaring': ['front'],
  'hips-not-level': ['front'],
  'row-torso-swinging': ['side', 'angled']
}

/** Views this cue can be judged from. */
export function cueViews(id: string): readonly ViewKind[] {
  return CUE_VIEWS[id] ?? ALL
}

/** Whether a cue can be judged in this view (an unsettled view judges nothing yet, so says nothing). */
export function cueJudgeable(id: string, reading: Pick<ViewReading, 'view' | 'widthRatio'>): boolean {
  const kind = viewKind(reading)
  return kind === null || cueViews(id).includes(kind)
}

/** Reports, once per view change, the exercise's cues that the settled view cannot show. */
export class CueScopeTracker {
  private readonly outOfScope = new Set<string>()
  private lastKind: ViewKind | null = null

  constructor(private readonly cueIds: readonly string[]) {}

  update(tMs: number, reading: ViewReading): EngineEvent[] {
    const kind = viewKind(reading)
    if (kind === null || kind === this.lastKind) return []
    this.lastKind = kind
    const events: EngineEvent[] = []
    for (const id of this.cueIds) {
      const judged = cueViews(id).includes(kind)
      if (judged === !this.outOfScope.has(id)) continue
      if (judged) this.outOfScope.delete(id)
      else this.outOfScope.add(id)
      events.push({ type: 'cue-scope', t: tMs, id, judged, view: reading.view })
    }
    return events
  }

  reset(): void {
    this.outOfScope.clear()
    this.lastKind = null
  }
}
