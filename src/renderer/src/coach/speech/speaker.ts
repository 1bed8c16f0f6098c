/**
 * The coach's voice on every machine: the browser's speechSynthesis when it has a voice, else the
 * offline eSpeak NG voice played through Web Audio. The choice is made per sentence, so a system voice
 * that loads late is used from then on.
 */
import type { Speaker } from '../cueVoice'
import { OfflineVoice } from './offlineVoice'

/** Which voice speaks, in Settings' words. */
export interface VoiceInUse {
  kind: 'system' | 'offline'
  label: string
}

export const OFFLINE_VOICE_LABEL = 'Built-in voice (eSpeak NG, offline): this system has no speech voice'

function systemVoices(): SpeechSynthesisVoice[] {
  if (typeof window === 'undefined' || !('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') return []
  return window.speechSynthesis.getVoices()
}

/** The voice that would speak now. */
export function voiceInUse(): VoiceInUse {
  const voices = systemVoices()
  const voice = voices.find((v) => v.default && v.lang.startsWith('en')) ?? voices.find((v) => v.lang.startsWith('en')) ?? voices[0]
  return voice ? { kind: 'system', label: `${voice.name} (system voice)` } : { kind: 'offline', label: OFFLINE_VOICE_LABEL }
}

/** Speaks with the system voice where there is one, else offline; dispose() frees the offline voice. */
export class CoachSpeaker implements Speaker {
  private offline: OfflineVoice | null = null

  speak(text: string): void {
    if (voiceInUse().kind === 'system') {
      const utterance = new SpeechSynthesisUtterance(text)
      utterance.rate = 1.05
      window.speechSynthesis.speak(utterance)
      return
    }
    this.offline ??= new OfflineVoice()
    this.offline.speak(text)
  }

  cancel(): void {
    if (systemVoices().length > 0) window.speechSynthesis.cancel()
    this.offline?.cancel()
  }

  dispose(): void {
    this.offline?.dispose()
    this.offline = null
  }
}
