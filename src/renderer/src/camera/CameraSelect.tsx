/**
 * The camera and resolution pickers, bound to the persisted settings, so Camera check, Settings and the
 * workout all use the one choice.
 */
import { useAppStore } from '../store'
import { RESOLUTIONS, type ResolutionId } from './cameraPreference'
import type { CameraDevice } from './webcamSource'

export function CameraSelect({ cameras }: { cameras: readonly CameraDevice[] }) {
  const cameraId = useAppStore((s) => s.settings.cameraId)
  const resolution = useAppStore((s) => s.settings.cameraResolution)
  const setSettings = useAppStore((s) => s.setSettings)
  return (
    <>
      <label>
        Camera
        <select value={cameraId ?? ''} onChange={(e) => setSettings({ cameraId: e.target.value || null })}>
          <option value="">System default</option>
          {cameras.map((c) => (
            <option key={c.deviceId} value={c.deviceId}>{c.label}</option>
          ))}
        </select>
      </label>
      <label>
        Resolution
        <select value={resolution} onChange={(e) => setSettings({ cameraResolution: e.target.value as ResolutionId })}>
          {Object.keys(RESOLUTIONS).map((r) => (
            <option key={r} value={r}>{r}</option>
          ))}
        </select>
      </label>
    </>
  )
}
