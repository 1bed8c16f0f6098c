import { afterEach, describe, expect, it, vi } from 'vitest'
import { checkedModelHandler, expectedWeightBytes, ModelFileError } from './modelFiles'

const MODEL_JSON = {
  format: 'graph-model',
  modelTopology: { node: [] },
  weightsManifest: [
    {
      paths: ['m.bin'],
      weights: [
        { name: 'a', shape: [2, 3], dtype: 'float32' },
        { name: 'b', shape: [4], dtype: 'float32', quantization: { dtype: 'uint8', scale: 1, min: 0 } }
      ]
    }
  ]
}

function serve(files: Record<string, string | ArrayBuffer>) {
  vi.stubGlobal('fetch', async (url: string) => {
    const path = new URL(url).pathname.replace('/models/', '')
    const body = files[path]
    return body === undefined ? new Response('nope', { status: 404 }) : new Response(body)
  })
}

afterEach(() => vi.unstubAllGlobals())

describe('expectedWeightBytes', () => {
  it('counts float32 at 4 bytes and quantized weights at their stored size', () => {
    expect(expectedWeightBytes(MODEL_JSON.weightsManifest[0].weights as never)).toBe(6 * 4 + 4 * 1)
  })
})

describe('checkedModelHandler', () => {
  const base = 'http://127.0.0.1/models/'

  it('loads a well-formed model and its weights', async () => {
    serve({ 'human/m.json': JSON.stringify(MODEL_JSON), 'human/m.bin': new ArrayBuffer(28) })
    const artifacts = await checkedModelHandler(base, 'human/m.json').load!()
    expect(artifacts.weightSpecs).toHaveLength(2)
    expect((artifacts.weightData as ArrayBuffer).byteLength).toBe(28)
  })

  it('names a missing model.json', async () => {
    serve({})
    await expect(checkedModelHandler(base, 'human/m.json').load!()).rejects.toThrow(/models\/human\/m\.json is missing \(HTTP 404\)/)
  })

  it('names a model.json that does not parse', async () => {
    serve({ 'human/m.json': '{"modelTopology": ' })
    await expect(checkedModelHandler(base, 'human/m.json').load!()).rejects.toThrow(/models\/human\/m\.json is not valid JSON/)
  })

  it('names a truncated weights file with its size and the expected size', async () => {
    serve({ 'human/m.json': JSON.stringify(MODEL_JSON), 'human/m.bin': new ArrayBuffer(10) })
    const err = await checkedModelHandler(base, 'human/m.json').load!().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ModelFileError)
    expect((err as ModelFileError).file).toBe('human/m.bin')
    expect((err as Error).message).toMatch(/models\/human\/m\.bin hold 10 bytes; models\/human\/m\.json expects 28/)
  })
})
