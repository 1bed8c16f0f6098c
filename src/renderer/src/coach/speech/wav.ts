/** The worker's messages and the one WAV layout eSpeak NG writes (RIFF, PCM 16-bit, mono). */

export interface SpeechRequest {
  id: number
  text: string
  wordsPerMinute: number
}

export type SpeechReply = { id: number; samples: Float32Array; sampleRate: number } | { id: number; error: string }

/** PCM samples in -1..1 and their rate (Hz) from a RIFF/WAVE file of 16-bit PCM; throws naming what it found instead. */
export function parseWav(bytes: Uint8Array): { samples: Float32Array; sampleRate: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4))
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error(`Not a WAV file (starts "${tag(0)}")`)
  let sampleRate = 0
  let bits = 0
  for (let at = 12; at + 8 <= bytes.byteLength; ) {
    const id = tag(at)
    // eSpeak writes the streaming sizes 0x7fffffff for 'data' when it cannot seek: read to the end then.
    const size = Math.min(view.getUint32(at + 4, true), bytes.byteLength - at - 8)
    if (id === 'fmt ') {
      if (view.getUint16(at + 8, true) !== 1) throw new Error('WAV is not PCM')
      sampleRate = view.getUint32(at + 12, true)
      bits = view.getUint16(at + 22, true)
    } else if (id === 'data') {
      if (bits !== 16 || sampleRate === 0) throw new Error(`WAV has ${bits}-bit samples at ${sampleRate} Hz; expected 16-bit PCM`)
      const samples = new Float32Array(Math.floor(size / 2))
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(at + 8 + i * 2, true) / 32768
      return { samples, sampleRate }
    }
    at += 8 + size + (size % 2)
  }
  throw new Error('WAV has no data chunk')
}
