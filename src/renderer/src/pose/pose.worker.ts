/**
 * The dedicated module worker that runs pose detection off the UI thread. It only routes typed
 * messages (protocol.ts) to a PoseRuntime, one at a time in arrival order; frames wait in a
 * FrameMailbox here (the newest only), not on the UI thread.
 */
/// <reference lib="webworker" />
import { FrameMailbox } from './frameMailbox'
import { timeModels } from './modelTiming'
import { PoseRuntime } from './poseRuntime'
import type { WorkerReply, WorkerRequest } from './protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope
let runtime: PoseRuntime | null = null
let queue: Promise<void> = Promise.resolve()
let threadsAllowed = true

function reply(message: WorkerReply): void {
  scope.postMessage(message)
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'init':
      threadsAllowed = request.wasmThreads !== false
      runtime?.dispose()
      runtime = new PoseRuntime(request, reply)
      await runtime.start()
      return
    case 'frame':
      if (!runtime) {
        request.image.close() // transferred here: ours to close
        reply({ type: 'frame-error', id: request.id, message: 'The pose worker got a frame before init.' })
        return
      }
      await runtime.estimate(request)
      return
    case 'time-models':
      threadsAllowed = request.wasmThreads !== false
      reply(await timeModels(request))
      return
    case 'memory':
      reply(runtime ? runtime.memory() : { type: 'memory', numTensors: 0, numBytes: 0, backend: null })
      return
  }
}

// Uncaught errors here come from tfjs internals, chiefly WASM thread workers that fail to load
// (a CSP without blob: scripts, or a bundler that broke the thread bootstrap). With threads on,
// ask the client for a single-threaded restart; the page never sees a raw worker error.
scope.addEventListener('error', (event) => {
  event.preventDefault()
  reply({
    type: 'fatal',
    stage: 'backend',
    message: `The pose worker hit an error: ${event.message || 'unknown'}`,
    ...(threadsAllowed ? { retryWithoutThreads: true } : {})
  })
  threadsAllowed = false
})

function enqueue(task: () => Promise<void>): void {
  queue = queue.then(task).catch((err: unknown) => {
    reply({ type: 'fatal', stage: 'backend', message: `The pose worker failed: ${(err as Error).message ?? String(err)}` })
  })
}

const frames = new FrameMailbox(enqueue, handle, reply)

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data
  if (request.type === 'frame') frames.put(request)
  else enqueue(() => handle(request))
}
