import { create } from 'zustand'
import { createNavigationSlice, type NavigationSlice } from './navigation'

/** The app's one store, built from typed slices (zustand's slices pattern). */
export type AppState = NavigationSlice

export const useAppStore = create<AppState>()((...a) => ({
  ...createNavigationSlice(...a)
}))
