import * as tf from '@tensorflow/tfjs'
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { InputTensorBuilder } from './inputTensor'

// The real WASM backend in Node: the builder writes into its memory as the worker's does.
beforeAll(async () => {
  const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))
  setWasmPaths(`${wasmDir}/`)
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false)
  await tf.setBackend('wasm')
})

function pixels(width: number, height: number, seed: number) {
  return { width, height, data: new Uint8Array(width * height * 4).map((_, i) => (i * 31 + seed) & 255) }
}

describe('InputTensorBuilder on WASM', () => {
  it("holds what estimatePoses would build from the same pixels (fromPixels, cast to float32), frame after frame", () => {
    expect(tf.getBackend()).toBe('wasm')
    const builder = new InputTensorBuilder()
    for (const [i, [width, height]] of [[64, 36], [64, 36], [32, 48]].entries()) {
      const frame = pixels(width, height, i * 7)
      const built = builder.build(frame)
      const reference = tf.tidy(() => tf.cast(tf.browser.fromPixels(frame), 'float32'))
      expect(built.shape).toEqual([height, width, 3])
      expect(built.dtype).toBe('float32')
      expect(Array.from(built.dataSync())).toEqual(Array.from(reference.dataSync()))
      built.dispose()
      reference.dispose()
    }
  })

  it('leaves no tensor or WASM buffer behind once the input is disposed', () => {
    const builder = new InputTensorBuilder()
    const before = tf.memory()
    for (let i = 0; i < 5; i++) builder.build(pixels(64, 36, i)).dispose()
    const after = tf.memory()
    expect(after.numTensors).toBe(before.numTensors)
    expect(after.numBytes).toBe(before.numBytes)
    expect((after as { numDataBuffers: number }).numDataBuffers).toBe((before as { numDataBuffers: number }).numDataBuffers)
  })
})
