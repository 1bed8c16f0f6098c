/**
 * The short sound for every counted rep (WebAudio). Owns an AudioContext, so it is a class with
 * dispose(). Silent, never throwing, where audio is unavailable or blocked.
 */

/** 880 Hz (A5) cuts through room noise and music without being shrill. */
const BEEP_HZ = 880
/** Long enough to hear from across a room, short enough not to mask a spoken cue. */
const BEEP_SECONDS = 0.12
/** Peak gain 0..1: clearly audible, never clipping. */
const BEEP_GAIN = 0.3

/** A clean rep: a rising fifth (A5 → E6), heard as "good" without a word. */
const GOOD_HZ = [880, 1318.5]

export class RepBeep {
  private context: AudioContext | null = null

  beep(): void {
    this.tone([BEEP_HZ])
  }

  /** The short positive signal for a rep with no form cue. */
  good(): void {
    this.tone(GOOD_HZ)
  }

  private tone(pitches: number[]): void {
    try {
      this.context ??= new AudioContext()
      const ctx = this.context
      if (ctx.state === 'suspended') void ctx.resume()
      pitches.forEach((hz, i) => {
        const osc = ctx.createOscillator()
        const gain = ctx.createGain()
        osc.frequency.value = hz
        const t = ctx.currentTime + i * BEEP_SECONDS
        gain.gain.setValueAtTime(BEEP_GAIN, t)
        // A fast fade-out avoids the click of a hard stop.
        gain.gain.exponentialRampToValueAtTime(0.001, t + BEEP_SECONDS)
        osc.connect(gain).connect(ctx.destination)
        osc.start(t)
        osc.stop(t + BEEP_SECONDS)
      })
    } catch {
      // No audio device or autoplay blocked: the counter on screen still shows the rep.
    }
  }

  dispose(): void {
    void this.context?.close().catch(() => undefined)
    this.context = null
  }
}
