import type { StateCreator } from 'zustand'
import type { ExerciseId } from '../../../shared/engine/events'
import { EXERCISE_IDS } from '../../../shared/engine/events'
import type { StepChoice } from '../../../shared/workout/plan'

/** The runner's picks on Home: which exercises, and their adjustments. Remembered between runs. */
export interface PlanSlice {
  /** One entry per picked exercise; the plan puts them in routine order. */
  picks: StepChoice[]
  /** Adjustments kept for exercises that are not picked now, so unpicking does not lose them. */
  adjustments: Partial<Record<ExerciseId, Omit<StepChoice, 'exercise'>>>
  togglePick: (exercise: ExerciseId) => void
  pickWholeRoutine: () => void
  clearPicks: () => void
  /** Changes sets/reps/hold/rest/options of one exercise, picked or not. */
  adjust: (exercise: ExerciseId, patch: Omit<StepChoice, 'exercise'>) => void
}

function choiceFor(exercise: ExerciseId, adjustments: PlanSlice['adjustments']): StepChoice {
  return { exercise, ...adjustments[exercise] }
}

export const createPlanSlice: StateCreator<PlanSlice, [], [], PlanSlice> = (set) => ({
  picks: EXERCISE_IDS.map((exercise) => ({ exercise })),
  adjustments: {},
  togglePick: (exercise) =>
    set((s) =>
      s.picks.some((p) => p.exercise === exercise)
        ? { picks: s.picks.filter((p) => p.exercise !== exercise) }
        : { picks: [...s.picks, choiceFor(exercise, s.adjustments)] }
    ),
  pickWholeRoutine: () => set((s) => ({ picks: EXERCISE_IDS.map((e) => choiceFor(e, s.adjustments)) })),
  clearPicks: () => set({ picks: [] }),
  adjust: (exercise, patch) =>
    set((s) => {
      const merged = { ...s.adjustments[exercise], ...patch, options: { ...s.adjustments[exercise]?.options, ...patch.options } }
      const adjustments = { ...s.adjustments, [exercise]: merged }
      return { adjustments, picks: s.picks.map((p) => (p.exercise === exercise ? choiceFor(exercise, adjustments) : p)) }
    })
})
