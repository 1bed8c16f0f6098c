/** Settings: voice, rep sound, spoken counts, cue cooldown, rest, camera, pose model and backend; remembered. */
import { useEffect, useState } from 'react'
import { CameraSelect } from '../camera/CameraSelect'
import { listCameras, type CameraDevice } from '../camera/webcamSource'
import type { PoseModelId } from '../../../pose/catalogue'
import type { BackendChoice } from '../pose/protocol'
import { useAppStore } from '../store'
import { BACKEND_LABELS, MODEL_LABELS, SETTING_LIMITS } from '../store/settings'
import '../coach/coach.css'
import { CoachSpeaker, voiceInUse, type VoiceInUse } from '../coach/speech/speaker'
import { ModelMeasurementView } from './ModelMeasurementView'

export function SettingsScreen() {
  const settings = useAppStore((s) => s.settings)
  const setSettings = useAppStore((s) => s.setSettings)
  const [cameras, setCameras] = useState<CameraDevice[]>([])
  const voiceLine = useVoiceInUse()
  const [speaker] = useState(() => new CoachSpeaker())
  useEffect(() => () => speaker.dispose(), [speaker])
  useEffect(() => {
    listCameras().then(setCameras, () => setCameras([]))
  }, [])
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <fieldset>
        <legend>Coaching sounds</legend>
        <p className="voice-in-use" data-testid="voice-in-use">
          Voice: {voiceLine.label}{' '}
          <button type="button" onClick={() => speaker.speak('This is your coach. Raise one hand to pause.')} data-testid="test-voice">Test the voice</button>
        </p>
        <label className="toggle">
          <input type="checkbox" checked={settings.voice} onChange={(e) => setSettings({ voice: e.target.checked })} data-testid="setting-voice" />
          Speak form cues
        </label>
        <label className="toggle">
          <input type="checkbox" checked={settings.repSound} onChange={(e) => setSettings({ repSound: e.target.checked })} />
          Beep for every counted rep
        </label>
        <label className="toggle">
          <input type="checkbox" checked={settings.spokenCounts} onChange={(e) => setSettings({ spokenCounts: e.target.checked })} />
          Say the rep count aloud
        </label>
        <label>
          Do not repeat the same cue within (seconds)
          <input type="number" min={SETTING_LIMITS.cueCooldownSeconds.min} max={SETTING_LIMITS.cueCooldownSeconds.max} value={settings.cueCooldownSeconds} onChange={(e) => setSettings({ cueCooldownSeconds: Number(e.target.value) })} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Rest</legend>
        <label>
          Rest between sets (seconds; empty = each exercise’s own)
          <input
            type="number"
            min={SETTING_LIMITS.restSeconds.min}
            max={SETTING_LIMITS.restSeconds.max}
            value={settings.restSeconds ?? ''}
            onChange={(e) => setSettings({ restSeconds: e.target.value === '' ? null : Number(e.target.value) })}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>Camera and pose model</legend>
        <CameraSelect cameras={cameras} />
        <label>
          Pose model
          <select
            value={settings.modelChoice === 'auto' ? 'auto' : settings.model}
            onChange={(e) => setSettings(e.target.value === 'auto' ? { modelChoice: 'auto' } : { model: e.target.value as PoseModelId, modelChoice: 'manual' })}
            data-testid="setting-model"
          >
            <option value="auto">Automatic: the most accurate this computer keeps up with ({MODEL_LABELS[settings.modelMeasurement?.chosen ?? settings.model].split(' (')[0]})</option>
            {Object.entries(MODEL_LABELS).map(([id, label]) => (
              <option key={id} value={id}>{label}</option>
            ))}
          </select>
        </label>
        <ModelMeasurementView />
        <label>
          Pose backend
          <select value={settings.backend} onChange={(e) => setSettings({ backend: e.target.value as BackendChoice })}>
            {Object.entries(BACKEND_LABELS).map(([id, label]) => (
              <option key={id} value={id}>{label}</option>
            ))}
          </select>
        </label>
      </fieldset>
    </section>
  )
}

/** The voice that speaks, updated when the system's voices load (they arrive late in Chromium). */
function useVoiceInUse(): VoiceInUse {
  const [voice, setVoice] = useState(voiceInUse)
  useEffect(() => {
    if (typeof window === 'undefined' || !('speechSynthesis' in window)) return
    const update = () => setVoice(voiceInUse())
    window.speechSynthesis.addEventListener('voiceschanged', update)
    return () => window.speechSynthesis.removeEventListener('voiceschanged', update)
  }, [])
  return voice
}
