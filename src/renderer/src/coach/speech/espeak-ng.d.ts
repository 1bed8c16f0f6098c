/** The `espeak-ng` package (eSpeak NG's command line compiled with Emscripten) ships no types: the part used here. */
declare module 'espeak-ng' {
  interface ESpeakInstance {
    FS: { readFile(path: string): Uint8Array }
  }
  interface ESpeakOptions {
    arguments: string[]
    print?: (line: string) => void
    printErr?: (line: string) => void
    instantiateWasm?: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) => object
  }
  const ESpeakNg: (options: ESpeakOptions) => Promise<ESpeakInstance>
  export default ESpeakNg
}
