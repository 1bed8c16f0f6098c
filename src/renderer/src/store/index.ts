import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { createNavigationSlice, type NavigationSlice } from './navigation'
import { createPlanSlice, type PlanSlice } from './plan'
import { applySettingsPatch, createSettingsSlice, DEFAULT_SETTINGS, type SettingsSlice } from './settings'
import { createWorkoutSlice, type WorkoutSlice } from './workout'

/** The app's one store, built from typed slices (zustand's slices pattern). */
export type AppState = NavigationSlice & SettingsSlice & PlanSlice & WorkoutSlice

/** localStorage key; bump the version below when the persisted shape changes. */
export const PERSIST_KEY = 'revup.settings'

/** What survives a restart: the runner's settings and their plan, never a workout in progress. */
type Persisted = Pick<AppState, 'settings' | 'picks' | 'adjustments'>

export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createNavigationSlice(...a),
      ...createSettingsSlice(...a),
      ...createPlanSlice(...a),
      ...createWorkoutSlice(...a)
    }),
    {
      name: PERSIST_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s): Persisted => ({ settings: s.settings, picks: s.picks, adjustments: s.adjustments }),
      // Stored settings from an older build may lack new fields or hold out-of-range values.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<Persisted>
        return {
          ...current,
          ...p,
          settings: applySettingsPatch(DEFAULT_SETTINGS, p.settings ?? {})
        }
      }
    }
  )
)
