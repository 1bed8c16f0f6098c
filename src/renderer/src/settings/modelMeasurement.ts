/**
 * Timing the pose models on this machine for the automatic model choice: at first start (no
 * measurement kept yet) and when Settings asks. One timing at a time, in a worker of its own; the
 * result goes into the settings slice (persisted), which switches the model while the choice is automatic.
 */
import { useSyncExternalStore } from 'react'
import { CAMERA_FPS, chooseModel, frameBudgetMs, timingOrder } from '../pose/modelChoice'
import { timeModelsInWorker, type ModelTimingRun } from '../pose/modelTimingClient'
import { BACKEND_NAMES, type BackendName } from '../pose/protocol'
import { useAppStore } from '../store'

export interface MeasuringState {
  measuring: boolean
  /** Why the last timing failed, as a sentence; null when it did not. */
  error: string | null
}

let run: ModelTimingRun | null = null
let state: MeasuringState = { measuring: false, error: null }
const listeners = new Set<() => void>()

function setState(next: MeasuringState): void {
  state = next
  for (const listener of listeners) listener()
}

/** The backend to time on: the chosen one, or for 'auto' the one measured fastest for Lite, else WASM. */
function timingBackend(): BackendName {
  const { backend } = useAppStore.getState().settings
  if (backend !== 'auto') return backend
  try {
    const remembered = localStorage.getItem('revup.poseBackend.blazepose-lite')
    return (BACKEND_NAMES as readonly (string | null)[]).includes(remembered) ? (remembered as BackendName) : 'wasm'
  } catch {
    return 'wasm'
  }
}

/** Starts timing the models unless a timing already runs. */
export function measureModels(): void {
  if (run !== null) return
  const cameraFps = CAMERA_FPS
  const backend = timingBackend()
  const current = timeModelsInWorker({ models: timingOrder(), backend, budgetMs: frameBudgetMs(cameraFps) })
  run = current
  setState({ measuring: true, error: null })
  current.result.then(
    (reply) => {
      const choice = chooseModel(reply.timings, cameraFps)
      useAppStore.getState().setSettings({
        modelMeasurement: { measuredAt: new Date().toISOString(), backend: reply.backend, cameraFps, budgetMs: choice.budgetMs, timings: reply.timings, chosen: choice.model, reason: choice.reason }
      })
      if (run === current) run = null
      setState({ measuring: false, error: null })
    },
    (err: unknown) => {
      if (run === current) run = null
      setState({ measuring: false, error: (err as Error).message })
    }
  )
}

/** Stops a running timing (a workout or the camera check needs the CPU); it runs again at the next start. */
export function cancelModelMeasurement(): void {
  const current = run
  run = null
  current?.cancel()
}

export function useMeasuringState(): MeasuringState {
  return useSyncExternalStore((listener) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }, () => state)
}
