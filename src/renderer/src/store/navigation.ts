import type { StateCreator } from 'zustand'

/** The screens of the app, in the order a workout flows through them. */
export type Screen = 'home' | 'live' | 'workout' | 'summary' | 'review' | 'progress' | 'settings'

export interface NavigationSlice {
  screen: Screen
  /** Extra detail for the screen, e.g. the session id the review screen opens. */
  screenParam: string | null
  navigate: (screen: Screen, param?: string | null) => void
}

export const createNavigationSlice: StateCreator<NavigationSlice, [], [], NavigationSlice> = (set) => ({
  screen: 'home',
  screenParam: null,
  navigate: (screen, param = null) => set({ screen, screenParam: param })
})
