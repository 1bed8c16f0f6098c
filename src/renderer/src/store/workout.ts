import type { StateCreator } from 'zustand'
import type { ExerciseId } from '../../../shared/engine/events'
import { initialWorkout, workoutTransition } from '../../../shared/workout/machine'
import type { PlacementResult } from '../../../shared/workout/placement'
import type { WorkoutEvent, WorkoutPlan, WorkoutState } from '../../../shared/workout/types'

/** How saving the session is going, in a sentence for the screen; null while all is well. */
export interface SaveStatus {
  sessionId: string | null
  /** Set when the bridge is missing or a save failed; the workout goes on regardless. */
  problem: string | null
  /** True once the workout ended with no set done: there was nothing to save, and no session was made. */
  nothingSaved?: boolean
  /** The workout goes on recording into `sessionId`, an interrupted session it resumed, instead of starting one. */
  resumed?: boolean
}

/** What the coach tells the runner beside the counts; changes a few times a set, never per frame. */
export interface CoachNotes {
  /** Why something is not judged now (the engine's sentence: visibility, camera roll, a cue this view cannot show), or null. */
  notice: string | null
  /**
   * Whether the notice means nothing is judged at all (visibility, none of the routine's exercises): it then
   * stands over a form cue. A tilted camera or a cue this view cannot show are told, but a cue comes first.
   */
  noticeBlocks?: boolean
  /** The runner seems to be doing another routine exercise: the offer to switch, and since when it stands (workout clock, ms). */
  offer: { exercise: ExerciseId; text: string; sinceMs: number } | null
  /** Workout-clock time of the last rep counted with no form cue (the green flash), or null. */
  goodRepAtMs: number | null
}

export const NO_NOTES: CoachNotes = { notice: null, offer: null, goodRepAtMs: null }

/**
 * The workout in progress. Only phase-level changes land here (a rep, a cue, a pause, the
 * placement verdict when it changes); pose frames never do: they go through coach/liveBus.
 */
export interface WorkoutSlice {
  workout: WorkoutState | null
  placement: PlacementResult | null
  save: SaveStatus
  coach: CoachNotes
  setCoach: (patch: Partial<CoachNotes>) => void
  beginWorkout: (plan: WorkoutPlan) => void
  /** Goes on with an interrupted workout (workout/resume.ts) that records into the session it resumed. */
  resumeWorkout: (workout: WorkoutState, sessionId: string) => void
  /** Runs one event through the workout's transition; a no-op event does not notify subscribers. */
  send: (event: WorkoutEvent) => void
  setPlacement: (placement: PlacementResult | null) => void
  setSave: (patch: Partial<SaveStatus>) => void
  leaveWorkout: () => void
}

/** Placement verdicts that would look the same on screen are not stored again (no re-render). */
function samePlacement(a: PlacementResult | null, b: PlacementResult | null): boolean {
  if (a === null || b === null) return a === b
  return a.ok === b.ok && a.issue === b.issue && a.guidance === b.guidance
}

export const createWorkoutSlice: StateCreator<WorkoutSlice, [], [], WorkoutSlice> = (set, get) => ({
  workout: null,
  placement: null,
  save: { sessionId: null, problem: null },
  coach: NO_NOTES,
  setCoach: (patch) => {
    const current = get().coach
    if (Object.entries(patch).some(([k, v]) => current[k as keyof CoachNotes] !== v)) set({ coach: { ...current, ...patch } })
  },
  beginWorkout: (plan) => set({ workout: initialWorkout(plan), placement: null, coach: NO_NOTES, save: { sessionId: null, problem: null } }),
  resumeWorkout: (workout, sessionId) => set({ workout, placement: null, coach: NO_NOTES, save: { sessionId, problem: null, resumed: true } }),
  send: (event) => {
    const current = get().workout
    if (!current) return
    const next = workoutTransition(current, event)
    if (next !== current) set({ workout: next })
  },
  setPlacement: (placement) => {
    if (!samePlacement(get().placement, placement)) set({ placement })
  },
  setSave: (patch) => set((s) => ({ save: { ...s.save, ...patch } })),
  leaveWorkout: () => set({ workout: null, placement: null, coach: NO_NOTES })
})
