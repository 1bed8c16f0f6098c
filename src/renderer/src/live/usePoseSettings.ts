/** The runner's model and backend from the settings store, as one object that changes only when either does. */
import { useMemo } from 'react'
import { useAppStore } from '../store'
import type { PoseSettings } from './poseSettings'

export function usePoseSettings(): PoseSettings {
  const model = useAppStore((s) => s.settings.model)
  const backend = useAppStore((s) => s.settings.backend)
  // A new object only on a real change: the pipeline restarts its worker when handed different settings.
  return useMemo(() => ({ model, backend }), [model, backend])
}
