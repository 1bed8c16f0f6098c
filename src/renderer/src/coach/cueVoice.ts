/**
 * Spoken coaching: form cues (with a per-cue cooldown so the same fault is not nagged) and optional
 * rep counts, through a Speaker (speech/speaker.ts: the system voice, else the offline one). The cooldown
 * rule is plain logic, testable without a voice.
 */

/** The parts of speechSynthesis used here (a fake in unit tests, absent in some browsers). */
export interface Speaker {
  speak(text: string): void
  cancel(): void
}

export interface CueVoiceOptions {
  /** Speak cues at all. */
  voice: boolean
  spokenCounts: boolean
  /** Milliseconds before the same cue may be spoken again. */
  cooldownMs: number
}

/** Counts get spoken as words: "three" is clearer than "3" from some voices. */
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty']



/** Decides what to say; remembers when each cue was last spoken (state across frames → a class). */
export class CueVoice {
  private readonly lastSpoken = new Map<string, number>()

  constructor(
    private readonly speaker: Speaker | null,
    private options: CueVoiceOptions
  ) {}

  setOptions(options: CueVoiceOptions): void {
    this.options = options
  }

  /** Says the cue sentence unless voice is off or the same cue was said within the cooldown. Returns whether it spoke. */
  cue(id: string, sentence: string, nowMs: number): boolean {
    if (!this.options.voice || !this.speaker) return false
    const last = this.lastSpoken.get(id)
    if (last !== undefined && nowMs - last < this.options.cooldownMs) return false
    this.lastSpoken.set(id, nowMs)
    this.speaker.speak(sentence)
    return true
  }

  /** Says the rep number when spoken counts are on. */
  count(rep: number): boolean {
    if (!this.options.spokenCounts || !this.speaker) return false
    this.speaker.speak(NUMBER_WORDS[rep] ?? String(rep))
    return true
  }

  /** Says a flow announcement ("Rest", "Switch sides") when voice is on. */
  announce(sentence: string): boolean {
    if (!this.options.voice || !this.speaker) return false
    this.speaker.speak(sentence)
    return true
  }

  /**
   * Says a sentence once per `key` (a placement instruction, a not-judged reason), and again only if it is
   * still the one to say after `repeatMs`. Returns whether it spoke.
   */
  once(key: string, sentence: string, nowMs: number, repeatMs = Infinity): boolean {
    const last = this.lastSpoken.get(`once:${key}`)
    if (last !== undefined && nowMs - last < repeatMs) return false
    if (!this.announce(sentence)) return false
    this.lastSpoken.set(`once:${key}`, nowMs)
    return true
  }

  /** Forgets that `key` was said, so its next `once` speaks (the instruction changed and came back). */
  forget(key: string): void {
    this.lastSpoken.delete(`once:${key}`)
  }

  /** Forgets cooldowns (a new set) and stops anything being said. */
  reset(): void {
    this.lastSpoken.clear()
    this.speaker?.cancel()
  }
}
