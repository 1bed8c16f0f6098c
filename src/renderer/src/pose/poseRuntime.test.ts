import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BackendName, InitRequest, WorkerReply } from './protocol'

// The runtime's decisions (measure, keep the fastest, fall back, name bad files) tested with fake
// backends and detectors: each fake inference advances a fake clock by that backend's cost.
const world = vi.hoisted(() => ({
  now: 0,
  current: null as string | null,
  available: ['wasm', 'webgl'] as string[],
  costMs: { wasm: 30, webgl: 400, webgpu: 8 } as Record<string, number>,
  failing: new Set<string>(),
  brokenAtRun: new Map<string, number>(),
  software: false,
  missingFile: null as string | null,
  disposed: [] as string[],
  inputs: { made: 0, disposed: 0 }
}))

vi.mock('./backends', () => ({
  WasmThreadsError: class extends Error {},
  availableBackends: async () => world.available,
  activateBackend: async (name: string) => {
    if (world.failing.has(name)) throw new Error(`The ${name} backend failed to start.`)
    world.current = name
  },
  tensorMemory: () => ({ numTensors: 10, numBytes: 100 }),
  wasmThreads: (b: string) => (b === 'wasm' ? 1 : null),
  webGlIsSoftware: () => world.software
}))

vi.mock('../../../pose/models', () => ({
  ESTIMATION_CONFIG: {},
  toPoseFrame: (_p: unknown, timestampMs: number, w: number, h: number, inferenceMs: number) => ({ timestampMs, imageWidth: w, imageHeight: h, keypoints: [], inferenceMs }),
  createDetector: async () => {
    const { ModelFileError } = await import('./modelFiles')
    if (world.missingFile) throw new ModelFileError(world.missingFile, `Model file models/${world.missingFile} is missing (HTTP 404).`)
    const backend = world.current!
    let runs = 0
    return {
      estimatePoses: async () => {
        runs++
        if (world.brokenAtRun.get(backend) === runs) throw new Error('WebGL context lost')
        world.now += world.costMs[backend]
        return []
      },
      dispose: () => void world.disposed.push(backend)
    }
  }
}))

// Reading pixels needs OffscreenCanvas (not in Node): the fake hands back the frame's size, or fails
// for a frame marked unreadable.
vi.mock('./frameInput', () => ({
  FramePixelReader: class {
    async read(image: { width: number; height: number; unreadable?: boolean }) {
      if (image.unreadable) throw new Error('InvalidStateError: the frame is closed')
      return { width: image.width, height: image.height, data: new Uint8Array(0) }
    }
  }
}))

// The input tensor needs a tfjs backend: the fake counts the tensors made and disposed.
vi.mock('./inputTensor', () => ({
  InputTensorBuilder: class {
    build() {
      world.inputs.made++
      return { dispose: () => void world.inputs.disposed++ }
    }
  }
}))

const { PoseRuntime } = await import('./poseRuntime')

function image() {
  return { width: 640, height: 360, close: vi.fn() } as unknown as ImageBitmap
}

function runtime(backend: InitRequest['backend'], remembered?: BackendName) {
  const replies: WorkerReply[] = []
  const rt = new PoseRuntime({ type: 'init', model: 'blazepose-lite', backend, modelsBaseUrl: 'http://x/models/', ...(remembered ? { remembered } : {}) }, (r) => replies.push(r))
  return { rt, replies }
}

beforeEach(() => {
  Object.assign(world, { now: 0, current: null, available: ['wasm', 'webgl'], failing: new Set(), brokenAtRun: new Map(), software: false, missingFile: null, disposed: [], inputs: { made: 0, disposed: 0 } })
  vi.spyOn(performance, 'now').mockImplementation(() => world.now)
})

describe('PoseRuntime', () => {
  it('in auto mode measures every backend on the first frame and keeps the fastest', async () => {
    world.available = ['wasm', 'webgl', 'webgpu']
    const { rt, replies } = runtime('auto')
    await rt.start()
    expect(replies).toEqual([]) // not ready until measured on a real frame
    await rt.estimate({ type: 'frame', id: 1, image: image(), timestampMs: 0 })
    const ready = replies.find((r) => r.type === 'ready')
    expect(ready).toMatchObject({ backend: 'webgpu', measured: true })
    expect(ready && 'probes' in ready ? ready.probes.map((p) => p.backend) : []).toEqual(['wasm', 'webgpu', 'webgl'])
    expect(world.disposed.sort()).toEqual(['wasm', 'webgl'])
    expect(replies.at(-1)).toMatchObject({ type: 'pose', id: 1, backend: 'webgpu' })
  })

  it('does not measure software WebGL in auto mode', async () => {
    world.software = true
    const { rt, replies } = runtime('auto')
    await rt.start()
    await rt.estimate({ type: 'frame', id: 1, image: image(), timestampMs: 0 })
    const ready = replies.find((r) => r.type === 'ready')
    expect(ready).toMatchObject({ backend: 'wasm' })
    expect(ready && 'probes' in ready ? ready.probes.find((p) => p.backend === 'webgl') : null).toMatchObject({ ok: false })
  })

  it('starts a remembered or chosen backend without measuring', async () => {
    const { rt, replies } = runtime('webgl')
    await rt.start()
    expect(replies[0]).toMatchObject({ type: 'ready', backend: 'webgl', measured: false, probes: [] })
  })

  it('falls back to the next backend when the chosen one fails to start', async () => {
    world.failing.add('webgl')
    const { rt, replies } = runtime('webgl')
    await rt.start()
    expect(replies[0]).toMatchObject({ type: 'ready', backend: 'wasm' })
  })

  it('moves to another backend when one fails mid-stream (lost context) and keeps going', async () => {
    world.brokenAtRun.set('webgl', 2)
    const { rt, replies } = runtime('webgl')
    await rt.start()
    await rt.estimate({ type: 'frame', id: 1, image: image(), timestampMs: 0 })
    await rt.estimate({ type: 'frame', id: 2, image: image(), timestampMs: 33 })
    await rt.estimate({ type: 'frame', id: 3, image: image(), timestampMs: 66 })
    expect(replies.map((r) => r.type)).toEqual(['ready', 'pose', 'frame-error', 'fallback', 'pose'])
    expect(replies[3]).toMatchObject({ from: 'webgl', to: 'wasm' })
    expect(replies[4]).toMatchObject({ backend: 'wasm' })
  })

  it('reports a missing model file as fatal, naming the file, and refuses frames', async () => {
    world.missingFile = 'human/blazepose-lite.json'
    const { rt, replies } = runtime('auto')
    await rt.start()
    expect(replies[0]).toMatchObject({ type: 'fatal', stage: 'model', file: 'human/blazepose-lite.json' })
    const img = image()
    await rt.estimate({ type: 'frame', id: 1, image: img, timestampMs: 0 })
    expect(replies[1]).toMatchObject({ type: 'frame-error', id: 1 })
    expect(img.close).toHaveBeenCalled()
  })

  it('closes every frame exactly once: measured, estimated, unreadable, failed or refused', async () => {
    world.available = ['wasm', 'webgl']
    world.brokenAtRun.set('wasm', 3)
    const { rt } = runtime('auto')
    await rt.start()
    const frames = [image(), image(), image(), Object.assign(image(), { unreadable: true }), image()]
    for (const [i, img] of frames.entries()) await rt.estimate({ type: 'frame', id: i, image: img, timestampMs: i * 33 })
    rt.dispose()
    const refused = image()
    await rt.estimate({ type: 'frame', id: 9, image: refused, timestampMs: 999 })
    for (const img of [...frames, refused]) expect(img.close).toHaveBeenCalledTimes(1)
  })

  it("disposes every frame's input tensor, also when estimation fails", async () => {
    world.brokenAtRun.set('webgl', 2)
    const { rt } = runtime('webgl')
    await rt.start()
    for (let i = 0; i < 3; i++) await rt.estimate({ type: 'frame', id: i, image: image(), timestampMs: i * 33 })
    expect(world.inputs.made).toBe(3)
    expect(world.inputs.disposed).toBe(3)
  })

  it("says where each frame's time went: the wait since the last pose, then inference", async () => {
    const { rt, replies } = runtime('wasm')
    await rt.start()
    await rt.estimate({ type: 'frame', id: 1, image: image(), timestampMs: 0 })
    world.now += 5
    await rt.estimate({ type: 'frame', id: 2, image: image(), timestampMs: 33 })
    const poses = replies.filter((r) => r.type === 'pose')
    expect(poses[0]).toMatchObject({ stages: { waitMs: 0, estimateMs: 30 } })
    expect(poses[1]).toMatchObject({ stages: { waitMs: 5, readMs: 0, tensorMs: 0, estimateMs: 30, poseMs: 0 } })
  })
})
