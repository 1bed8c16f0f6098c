/**
 * Init script for e2e pages: a speechSynthesis spy with one fake system voice, so the app speaks through
 * speechSynthesis and every sentence it asks for lands in `window.__spoken` (nothing is voiced). Pages
 * without it have Chromium's own speechSynthesis, which here has no voice (the offline voice then speaks).
 */
export const SPEECH_SPY = (): void => {
  const spoken: string[] = []
  Object.defineProperty(window, '__spoken', { value: spoken })
  const synth = window.speechSynthesis
  if (!synth) return
  const voice = { name: 'Spy voice', lang: 'en-US', default: true, localService: true, voiceURI: 'spy' } as SpeechSynthesisVoice
  synth.getVoices = () => [voice]
  synth.speak = (utterance: SpeechSynthesisUtterance) => {
    spoken.push(utterance.text)
  }
  synth.cancel = () => undefined
}

/**
 * Init script: records every Web Audio buffer the page starts playing, with its length and RMS level, in
 * `window.__played`, to prove the offline voice produced sound (not only that speech was asked for).
 */
export const AUDIO_SPY = (): void => {
  const played: { seconds: number; rms: number }[] = []
  Object.defineProperty(window, '__played', { value: played })
  const start = AudioBufferSourceNode.prototype.start
  AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: Parameters<typeof start>) {
    const b = this.buffer
    if (b) {
      const data = b.getChannelData(0)
      let sum = 0
      for (let i = 0; i < data.length; i++) sum += data[i] * data[i]
      played.push({ seconds: b.duration, rms: Math.sqrt(sum / Math.max(1, data.length)) })
    }
    return start.apply(this, args)
  }
}
