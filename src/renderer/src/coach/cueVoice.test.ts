import { describe, expect, it } from 'vitest'
import { CueVoice, type Speaker } from './cueVoice'

function fakeSpeaker(): Speaker & { said: string[] } {
  const said: string[] = []
  return { said, speak: (t) => said.push(t), cancel: () => undefined }
}

describe('CueVoice', () => {
  it('does not repeat the same cue within the cooldown, but says other cues', () => {
    const speaker = fakeSpeaker()
    const voice = new CueVoice(speaker, { voice: true, spokenCounts: false, cooldownMs: 8000 })
    expect(voice.cue('knees', 'Knees out.', 0)).toBe(true)
    expect(voice.cue('knees', 'Knees out.', 7999)).toBe(false)
    expect(voice.cue('pause', 'Pause.', 7999)).toBe(true)
    expect(voice.cue('knees', 'Knees out.', 8000)).toBe(true)
    expect(speaker.said).toEqual(['Knees out.', 'Pause.', 'Knees out.'])
  })

  it('stays silent with voice off, and speaks counts only when asked', () => {
    const speaker = fakeSpeaker()
    const voice = new CueVoice(speaker, { voice: false, spokenCounts: false, cooldownMs: 0 })
    expect(voice.cue('knees', 'Knees out.', 0)).toBe(false)
    expect(voice.count(3)).toBe(false)
    voice.setOptions({ voice: false, spokenCounts: true, cooldownMs: 0 })
    expect(voice.count(3)).toBe(true)
    expect(voice.count(42)).toBe(true)
    expect(speaker.said).toEqual(['three', '42'])
  })

  it('forgets cooldowns on reset (a new set)', () => {
    const speaker = fakeSpeaker()
    const voice = new CueVoice(speaker, { voice: true, spokenCounts: false, cooldownMs: 8000 })
    voice.cue('knees', 'Knees out.', 0)
    voice.reset()
    expect(voice.cue('knees', 'Knees out.', 1)).toBe(true)
  })

  it('works without any speech engine', () => {
    const voice = new CueVoice(null, { voice: true, spokenCounts: true, cooldownMs: 0 })
    expect(voice.cue('knees', 'Knees out.', 0)).toBe(false)
    expect(voice.count(1)).toBe(false)
  })
})
