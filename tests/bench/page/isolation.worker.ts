/// <reference lib="webworker" />
// Answers whether a module worker built like the pose worker is cross-origin isolated (WASM threads need it).
const scope = self as unknown as DedicatedWorkerGlobalScope
scope.postMessage({ crossOriginIsolated: scope.crossOriginIsolated, sharedArrayBuffer: typeof SharedArrayBuffer !== 'undefined', cores: navigator.hardwareConcurrency })
