import { describe, expect, it, vi } from 'vitest'
import { PoseClient, WASM_THREAD_COUNT_KEY, type WorkerPort } from './poseClient'
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
  frames() {
    return this.sent.filter((m) => m.type === 'frame')
  }
}

function bitmap() {
  return { width: 640, height: 360, close: vi.fn() } as unknown as ImageBitmap
}

function memoryStorage() {
  const data = new Map<string, string>()
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k)
  }
}

function setup(storage = memoryStorage()) {
  const worker = new FakeWorker()
  const client = new PoseClient({ model: 'blazepose-lite', backend: 'auto', modelsBaseUrl: 'http://x/models/', storage, createWorker: () => worker })
  return { worker, client, storage }
}

const pose = (id: number): WorkerReply => ({
  type: 'pose', id, model: 'blazepose-lite', backend: 'wasm', numTensors: 42,
  frame: { timestampMs: id, imageWidth: 640, imageHeight: 360, keypoints: [] }
})

describe('PoseClient', () => {
  it('sends init with the model, backend choice and models URL', () => {
    const { worker } = setup()
    expect(worker.sent[0]).toEqual({ type: 'init', model: 'blazepose-lite', backend: 'auto', modelsBaseUrl: 'http://x/models/' })
  })

  it('asks the worker for the stored XNNPACK thread override, and ignores a stored value that is not 1–8', () => {
    for (const [stored, sent] of [['2', 2], ['8', 8], ['0', undefined], ['2.5', undefined], ['lots', undefined], ['99', undefined]] as const) {
      const storage = memoryStorage()
      storage.setItem(WASM_THREAD_COUNT_KEY, stored)
      const { worker } = setup(storage)
      expect((worker.sent[0] as { wasmThreadCount?: number }).wasmThreadCount, stored).toBe(sent)
    }
  })

  it('transfers every frame at once and counts the ones the worker dropped for newer ones', () => {
    const { worker, client } = setup()
    const frames = Array.from({ length: 10 }, bitmap)
    const outcomes = frames.map((f, i) => client.submit(f, i))
    expect(outcomes[0]).toBe('sent')
    expect(outcomes[1]).toBe('queued')
    expect(worker.frames()).toHaveLength(10)
    expect(client.saturated).toBe(true)
    // The worker estimated frame 1, dropped 2-9 as newer ones came, and is estimating 10.
    for (let id = 2; id <= 9; id++) worker.reply({ type: 'frame-dropped', id })
    worker.reply(pose(1))
    expect(client.droppedFrames).toBe(8)
    expect(client.busy).toBe(true)
    expect(client.saturated).toBe(false)
    worker.reply(pose(10))
    expect(client.busy).toBe(false)
    // Frames transferred are the worker's to close, never closed here.
    expect(frames.filter((f) => (f.close as ReturnType<typeof vi.fn>).mock.calls.length > 0)).toHaveLength(0)
  })

  it('hands every frame on exactly once: transferred to the worker or closed here, never both, never copied', () => {
    // A frame that counts its fates; the worker fake refuses one transfer as a closed frame would.
    class CountedFrame {
      closes = 0
      transfers = 0
      constructor(readonly refuseTransfer = false) {}
      close() {
        this.closes++
      }
    }
    const worker = new FakeWorker()
    worker.postMessage = (message: WorkerRequest, transfer?: Transferable[]) => {
      if (message.type === 'frame') {
        const frame = message.image as unknown as CountedFrame
        if (frame.refuseTransfer) throw new DOMException('VideoFrame is closed', 'DataCloneError')
        expect(transfer).toEqual([frame])
        frame.transfers++
      }
      worker.sent.push(message)
    }
    const client = new PoseClient({ model: 'blazepose-lite', backend: 'wasm', modelsBaseUrl: 'http://x/models/', storage: null, createWorker: () => worker })
    const frames = [new CountedFrame(), new CountedFrame(), new CountedFrame(), new CountedFrame(true), new CountedFrame(), new CountedFrame(), new CountedFrame()]
    const submit = (f: CountedFrame, t: number) => client.submit(f as unknown as VideoFrame, t)
    submit(frames[0], 0)
    submit(frames[1], 1)
    submit(frames[2], 2)
    submit(frames[3], 3) // refused transfer: closed here
    submit(frames[4], 4)
    submit(frames[5], 5)
    client.dispose()
    submit(frames[6], 6) // after dispose: closed here
    for (const f of frames) expect(f.closes + f.transfers).toBe(1)
    expect(frames.map((f) => f.transfers)).toEqual([1, 1, 1, 0, 1, 1, 0])
  })

  it('delivers poses with latency and tensor count to subscribers', () => {
    const { worker, client } = setup()
    const seen: number[] = []
    client.onPose((r) => seen.push(r.numTensors))
    client.submit(bitmap(), 0)
    worker.reply(pose(1))
    expect(seen).toEqual([42])
  })

  it('remembers a measured backend and offers it on the next start', () => {
    const storage = memoryStorage()
    const first = setup(storage)
    first.worker.reply({ type: 'ready', model: 'blazepose-lite', backend: 'wasm', probes: [], loadMs: 1, measured: true, wasmThreads: 2 })
    const second = setup(storage)
    expect(second.worker.sent[0]).toMatchObject({ type: 'init', remembered: 'wasm' })
  })

  it('forgets the remembered backend when it fails', () => {
    const storage = memoryStorage()
    const first = setup(storage)
    first.worker.reply({ type: 'ready', model: 'blazepose-lite', backend: 'webgl', probes: [], loadMs: 1, measured: true, wasmThreads: null })
    first.worker.reply({ type: 'fallback', from: 'webgl', to: 'wasm', reason: 'context lost' })
    expect(first.client.status).toMatchObject({ phase: 'ready', backend: 'wasm' })
    expect(setup(storage).worker.sent[0]).not.toHaveProperty('remembered')
  })

  it('reports a fatal model error with the file and closes later frames', () => {
    const { worker, client } = setup()
    worker.reply({ type: 'fatal', stage: 'model', message: 'Model file models/human/x.json is missing (HTTP 404).', file: 'human/x.json' })
    expect(client.status).toMatchObject({ phase: 'error', file: 'human/x.json' })
    const f = bitmap()
    expect(client.submit(f, 0)).toBe('closed')
    expect(f.close).toHaveBeenCalled()
  })

  it('restarts the worker single-threaded when WASM threads fail', () => {
    const workers: FakeWorker[] = []
    const client = new PoseClient({ model: 'blazepose-lite', backend: 'auto', modelsBaseUrl: 'http://x/models/', storage: null, createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!) })
    workers[0].reply({ type: 'fatal', stage: 'backend', message: 'WASM threads failed to start (x).', retryWithoutThreads: true })
    expect(workers[0].terminated).toBe(true)
    expect(workers[1].sent[0]).toMatchObject({ type: 'init', wasmThreads: false })
    expect(client.status.phase).toBe('loading')
  })

  it('dispose terminates the worker', () => {
    const { worker, client } = setup()
    client.dispose()
    expect(worker.terminated).toBe(true)
  })
})
