import * as tf from '@tensorflow/tfjs'
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { installWasmTransform, restoreWasmTransform } from './wasmTransform'

// The real WASM backend in Node: the C++ kernel's output is the reference, bit for bit.
beforeAll(async () => {
  const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))
  setWasmPaths(`${wasmDir}/`)
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false)
  await tf.setBackend('wasm')
})

/** A deterministic pseudo-random stream in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

function image(batch: number, height: number, width: number, seed: number, integers: boolean): tf.Tensor4D {
  const next = random(seed)
  const values = Float32Array.from({ length: batch * height * width * 3 }, () => (integers ? Math.floor(next() * 256) : next() * 255))
  return tf.tensor4d(values, [batch, height, width, 3])
}

/** BlazePose's kind of crop: a rotated, scaled square region, partly outside the image, onto size × size. */
function rotatedCrop(size: number, width: number, height: number, angle: number, seed: number): number[] {
  const next = random(seed)
  const scale = (0.6 + next()) * (Math.max(width, height) / size)
  const cos = Math.cos(angle) * scale
  const sin = Math.sin(angle) * scale
  const cx = width * (0.2 + 0.6 * next())
  const cy = height * (0.2 + 0.6 * next())
  return [cos, -sin, cx - cos * (size / 2) + sin * (size / 2), sin, cos, cy - sin * (size / 2) - cos * (size / 2), 0, 0]
}

type Case = { name: string; batch: number; transforms: number[][]; fillMode: 'constant' | 'nearest' | 'reflect'; fillValue: number; interpolation: 'bilinear' | 'nearest'; out: [number, number]; integers: boolean }

const cases: Case[] = [
  { name: 'a BlazePose landmark crop (zero border), integer pixels', batch: 1, transforms: [rotatedCrop(64, 90, 50, 0.3, 1)], fillMode: 'constant', fillValue: 0, interpolation: 'bilinear', out: [64, 64], integers: true },
  { name: 'a crop past every edge, fractional pixels', batch: 1, transforms: [rotatedCrop(48, 40, 30, -2.1, 2)], fillMode: 'constant', fillValue: 7.5, interpolation: 'bilinear', out: [48, 48], integers: false },
  { name: 'the edge-replicating border', batch: 1, transforms: [rotatedCrop(40, 50, 60, 1.2, 3)], fillMode: 'nearest', fillValue: 0, interpolation: 'bilinear', out: [40, 36], integers: false },
  { name: 'a projective transform', batch: 1, transforms: [[0.9, 0.1, 3.3, -0.05, 1.1, -2.2, 0.001, -0.002]], fillMode: 'constant', fillValue: 0, interpolation: 'bilinear', out: [33, 47], integers: false },
  { name: 'one transform per image in a batch', batch: 2, transforms: [rotatedCrop(32, 40, 40, 0.5, 4), rotatedCrop(32, 40, 40, -0.7, 5)], fillMode: 'constant', fillValue: 0, interpolation: 'bilinear', out: [32, 32], integers: true },
  { name: 'one transform for a whole batch', batch: 3, transforms: [rotatedCrop(20, 30, 25, 0.1, 6)], fillMode: 'nearest', fillValue: 0, interpolation: 'bilinear', out: [20, 20], integers: false },
  { name: 'the identity', batch: 1, transforms: [[1, 0, 0, 0, 1, 0, 0, 0]], fillMode: 'constant', fillValue: 0, interpolation: 'bilinear', out: [30, 40], integers: false },
  { name: 'a reflect border (left to the C++ kernel)', batch: 1, transforms: [rotatedCrop(24, 30, 30, 0.9, 7)], fillMode: 'reflect', fillValue: 0, interpolation: 'bilinear', out: [24, 24], integers: false },
  { name: 'nearest interpolation (left to the C++ kernel)', batch: 1, transforms: [rotatedCrop(24, 30, 30, 0.4, 8)], fillMode: 'constant', fillValue: 0, interpolation: 'nearest', out: [24, 24], integers: false }
]

function run(c: Case, seed: number): Float32Array {
  return tf.tidy(() => {
    const img = image(c.batch, c.name.includes('batch') ? 40 : 37, c.name.includes('batch') ? 40 : 53, seed, c.integers)
    const transforms = tf.tensor2d(c.transforms.flat(), [c.transforms.length, 8])
    return tf.image.transform(img, transforms, c.interpolation, c.fillMode, c.fillValue, c.out).dataSync() as Float32Array
  })
}

describe('installWasmTransform', () => {
  it('gives exactly what the WASM backend\'s own Transform kernel gives, and leaks nothing', () => {
    expect(tf.getBackend()).toBe('wasm')
    const reference = cases.map((c, i) => run(c, 100 + i))
    installWasmTransform()
    installWasmTransform() // a second call changes nothing
    const before = tf.memory().numTensors
    for (const [i, c] of cases.entries()) {
      const ours = run(c, 100 + i)
      expect(ours.length, c.name).toBe(reference[i].length)
      const differing = ours.filter((v, k) => !Object.is(v, reference[i][k])).length
      expect(differing, c.name).toBe(0)
    }
    expect(tf.memory().numTensors).toBe(before)
  })

  it('puts the backend\'s own kernel back when asked, and in place again', () => {
    const ours = tf.getKernel('Transform', 'wasm')
    restoreWasmTransform()
    const own = tf.getKernel('Transform', 'wasm')
    expect(own).not.toBe(ours)
    installWasmTransform()
    expect(tf.getKernel('Transform', 'wasm')).not.toBe(own)
    expect(run(cases[0], 100)).toEqual(run(cases[0], 100))
  })
})
