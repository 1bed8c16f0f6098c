/**
 * Speaks through eSpeak NG (a worker) and Web Audio, one sentence after another: the voice for machines
 * whose browser has no speechSynthesis voice (Chromium and Electron on Linux often have none). Owns a
 * worker and an AudioContext: dispose().
 */
import type { SpeechReply, SpeechRequest } from './wav'

/** eSpeak's words per minute: a little slower than its 175 default, clearer across a room. */
const WORDS_PER_MINUTE = 160
/** Output gain 0..1: eSpeak's samples peak near full scale; this leaves room for the rep beep. */
const GAIN = 0.8

export class OfflineVoice {
  private worker: Worker | null = null
  private context: AudioContext | null = null
  private nextId = 1
  /** Sentences waiting for the one being said, with their request ids. */
  private queue: number[] = []
  private readonly ready = new Map<number, AudioBuffer | null>()
  private playing: AudioBufferSourceNode | null = null

  speak(text: string): void {
    try {
      this.worker ??= this.startWorker()
      const id = this.nextId++
      this.queue.push(id)
      this.worker.postMessage({ id, text, wordsPerMinute: WORDS_PER_MINUTE } satisfies SpeechRequest)
    } catch {
      // No worker or no audio: the screen still shows everything that would have been said.
    }
  }

  /** Stops the sentence being said and drops the ones waiting. */
  cancel(): void {
    this.queue = []
    this.ready.clear()
    try {
      this.playing?.stop()
    } catch {
      // Already ended.
    }
    this.playing = null
  }

  dispose(): void {
    this.cancel()
    this.worker?.terminate()
    this.worker = null
    void this.context?.close().catch(() => undefined)
    this.context = null
  }

  private startWorker(): Worker {
    const worker = new Worker(new URL('./espeak.worker.ts', import.meta.url), { type: 'module', name: 'voice' })
    worker.onmessage = (e: MessageEvent<SpeechReply>) => this.onReply(e.data)
    return worker
  }

  private onReply(reply: SpeechReply): void {
    if (!this.queue.includes(reply.id)) return
    this.ready.set(reply.id, 'error' in reply ? null : this.toBuffer(reply.samples, reply.sampleRate))
    this.playNext()
  }

  private toBuffer(samples: Float32Array, sampleRate: number): AudioBuffer | null {
    try {
      this.context ??= new AudioContext()
      const buffer = this.context.createBuffer(1, samples.length, sampleRate)
      buffer.copyToChannel(samples as Float32Array<ArrayBuffer>, 0)
      return buffer
    } catch {
      return null
    }
  }

  private playNext(): void {
    if (this.playing || this.queue.length === 0 || !this.ready.has(this.queue[0])) return
    const id = this.queue.shift()!
    const buffer = this.ready.get(id)
    this.ready.delete(id)
    const ctx = this.context
    if (!buffer || !ctx) return this.playNext()
    if (ctx.state === 'suspended') void ctx.resume()
    const source = ctx.createBufferSource()
    const gain = ctx.createGain()
    gain.gain.value = GAIN
    source.buffer = buffer
    source.connect(gain).connect(ctx.destination)
    source.onended = () => {
      if (this.playing === source) this.playing = null
      this.playNext()
    }
    this.playing = source
    source.start()
  }
}
