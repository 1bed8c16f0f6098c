import { describe, expect, it } from 'vitest'
import { timeModelsInWorker } from './modelTimingClient'
import type { WorkerPort } from './poseClient'
import type { WorkerReply, WorkerRequest } from './protocol'

class FakeWorker implements WorkerPort {
  sent: WorkerRequest[] = []
  terminated = false
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  postMessage(message: WorkerRequest): void {
    this.sent.push(message)
  }
  terminate(): void {
    this.terminated = true
  }
  reply(message: WorkerReply): void {
    this.onmessage?.({ data: message } as MessageEvent<WorkerReply>)
  }
}

const options = (worker: FakeWorker) => ({ models: ['blazepose-lite', 'blazepose-full'] as const, backend: 'wasm' as const, budgetMs: 27.8, modelsBaseUrl: 'http://x/models/', createWorker: () => worker })

describe('timeModelsInWorker', () => {
  it('asks its own worker to time the models and ends it with the answer', async () => {
    const worker = new FakeWorker()
    const run = timeModelsInWorker({ ...options(worker), models: [...options(worker).models] })
    expect(worker.sent[0]).toEqual({ type: 'time-models', models: ['blazepose-lite', 'blazepose-full'], backend: 'wasm', budgetMs: 27.8, modelsBaseUrl: 'http://x/models/' })
    worker.reply({ type: 'model-timings', backend: 'wasm', timings: [{ model: 'blazepose-lite', msPerFrame: 25 }] })
    await expect(run.result).resolves.toMatchObject({ timings: [{ model: 'blazepose-lite', msPerFrame: 25 }] })
    expect(worker.terminated).toBe(true)
  })

  it('cancel ends the worker and rejects; a fatal reply rejects with its sentence', async () => {
    const first = new FakeWorker()
    const cancelled = timeModelsInWorker({ ...options(first), models: ['blazepose-lite'] })
    cancelled.cancel()
    await expect(cancelled.result).rejects.toThrow(/cancelled/)
    expect(first.terminated).toBe(true)
    const second = new FakeWorker()
    const failed = timeModelsInWorker({ ...options(second), models: ['blazepose-lite'] })
    second.reply({ type: 'fatal', stage: 'backend', message: 'The wasm backend failed to start.' })
    await expect(failed.result).rejects.toThrow('The wasm backend failed to start.')
  })
})
