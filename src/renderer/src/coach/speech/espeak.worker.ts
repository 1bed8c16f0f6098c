/**
 * The offline voice: eSpeak NG compiled to WASM (npm `espeak-ng`, its voice data embedded in the wasm,
 * shipped with the app; nothing is downloaded). Runs in a worker so synthesis never stalls the pose
 * pipeline. One request → 16-bit PCM from eSpeak's WAV → Float32 samples back to the page.
 */
import ESpeakNg from 'espeak-ng'
import wasmUrl from 'espeak-ng/dist/espeak-ng.wasm?url'
import { parseWav, type SpeechRequest, type SpeechReply } from './wav'

/** Compiled once; each sentence gets a fresh instance (the CLI build runs main() once per instance). */
let compiled: Promise<WebAssembly.Module> | null = null

function module(): Promise<WebAssembly.Module> {
  compiled ??= fetch(wasmUrl).then((r) => {
    if (!r.ok) throw new Error(`eSpeak NG voice data did not load from ${wasmUrl}: HTTP ${r.status}`)
    return WebAssembly.compileStreaming(r)
  })
  return compiled
}

async function synthesize(text: string, wordsPerMinute: number): Promise<{ samples: Float32Array; sampleRate: number }> {
  const wasm = await module()
  const instance = await ESpeakNg({
    // A leading '-' would be read as an option.
    arguments: ['-v', 'en-us', '-s', String(wordsPerMinute), '-w', '/out.wav', text.replace(/^-+/, '')],
    print: () => undefined,
    printErr: () => undefined,
    instantiateWasm: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) => {
      void WebAssembly.instantiate(wasm, imports).then(done)
      return {}
    }
  })
  return parseWav(instance.FS.readFile('/out.wav'))
}

self.onmessage = (e: MessageEvent<SpeechRequest>) => {
  const { id, text, wordsPerMinute } = e.data
  synthesize(text, wordsPerMinute).then(
    ({ samples, sampleRate }) => self.postMessage({ id, samples, sampleRate } satisfies SpeechReply, { transfer: [samples.buffer] }),
    (error: unknown) => self.postMessage({ id, error: String(error) } satisfies SpeechReply)
  )
}
