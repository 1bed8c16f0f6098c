import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ByteBuffer } from 'flatbuffers'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { DETECTOR_ENTRY, LANDMARKS_ENTRY, buildPoseTask, imageModelMetadata, packedAsset, withMetadata } from '../bench/tasksBundle'

const POSE_DIR = resolve(import.meta.dirname, '..', '..', 'node_modules', '@mediapipe', 'pose')

// A reader of its own, from the slot numbers in tflite's schema.fbs and metadata_schema.fbs.
const field = (bb: ByteBuffer, table: number, slot: number) => {
  const o = bb.__offset(table, 4 + 2 * slot)
  return o === 0 ? null : table + o
}
const rootOf = (bb: ByteBuffer) => bb.__indirect(0)
const tables = (bb: ByteBuffer, table: number, slot: number) => {
  const at = field(bb, table, slot)
  if (at === null) return []
  const start = bb.__vector(at)
  return Array.from({ length: bb.__vector_len(at) }, (_, i) => bb.__indirect(start + 4 * i))
}
const bytes = (bb: ByteBuffer, table: number, slot: number) => {
  const at = field(bb, table, slot)
  if (at === null) return null
  const start = bb.__vector(at)
  return { start, data: bb.bytes().subarray(start, start + bb.__vector_len(at)) }
}
const floats = (bb: ByteBuffer, table: number, slot: number) => {
  const at = field(bb, table, slot)!
  const start = bb.__vector(at)
  return Array.from({ length: bb.__vector_len(at) }, (_, i) => bb.readFloat32(start + 4 * i))
}
const ints = (bb: ByteBuffer, table: number, slot: number) => {
  const at = field(bb, table, slot)!
  const start = bb.__vector(at)
  return Array.from({ length: bb.__vector_len(at) }, (_, i) => bb.readInt32(start + 4 * i))
}

/** What the Tasks runtime reads from a model: its input shape and the metadata's normalisation range. */
function readModel(model: Uint8Array) {
  const bb = new ByteBuffer(model)
  expect(bb.__has_identifier('TFL3')).toBe(true)
  const root = rootOf(bb)
  const buffers = tables(bb, root, 4)
  const entry = tables(bb, root, 6).find((m) => bb.__string(field(bb, m, 0)!) === 'TFLITE_METADATA')
  expect(entry, 'TFLITE_METADATA entry').toBeDefined()
  const index = bb.readUint32(field(bb, entry!, 1)!)
  const meta = new ByteBuffer(bytes(bb, buffers[index], 0)!.data)
  expect(meta.__has_identifier('M001')).toBe(true)
  const subgraph = tables(meta, rootOf(meta), 3)[0]
  const inputs = tables(meta, subgraph, 2)
  const content = meta.__indirect(field(meta, inputs[0], 3)!)
  expect(meta.readUint8(field(meta, content, 0)!)).toBe(2) // ContentProperties.ImageProperties
  expect(meta.readInt8(field(meta, meta.__indirect(field(meta, content, 1)!), 0)!)).toBe(1) // RGB
  const units = tables(meta, inputs[0], 4)
  expect(units).toHaveLength(1)
  expect(meta.readUint8(field(meta, units[0], 0)!)).toBe(1) // ProcessUnitOptions.NormalizationOptions
  const norm = meta.__indirect(field(meta, units[0], 1)!)
  const [mean] = floats(meta, norm, 0)
  const [std] = floats(meta, norm, 1)
  const subgraphs = tables(bb, root, 2)
  const tensors = tables(bb, subgraphs[0], 0)
  const inputShape = ints(bb, tensors[ints(bb, subgraphs[0], 1)[0]], 0)
  return { bb, root, buffers, subgraphs, inputs: inputs.length, inputShape, range: [(0 - mean) / std, (255 - mean) / std] }
}

describe.skipIf(!existsSync(POSE_DIR))('the MediaPipe Tasks pose bundle assembled from @mediapipe/pose', () => {
  const detector = packedAsset(
    readFileSync(resolve(POSE_DIR, 'pose_solution_packed_assets.data')),
    readFileSync(resolve(POSE_DIR, 'pose_solution_packed_assets_loader.js'), 'utf8'),
    'pose_detection.tflite'
  )

  it.each(['lite', 'full'] as const)('%s: opens as a zip of the two models, both stored, each with the normalisation its network expects', (variant) => {
    const task = buildPoseTask(variant, POSE_DIR)
    const methods: Record<string, number> = {}
    const files = unzipSync(task, { filter: (f) => ((methods[f.name] = f.compression), true) })
    expect(Object.keys(files).sort()).toEqual([DETECTOR_ENTRY, LANDMARKS_ENTRY])
    expect(methods).toEqual({ [DETECTOR_ENTRY]: 0, [LANDMARKS_ENTRY]: 0 })

    const det = readModel(files[DETECTOR_ENTRY])
    expect(det.range).toEqual([-1, 1])
    expect(det.inputShape).toEqual([1, 224, 224, 3])
    const marks = readModel(files[LANDMARKS_ENTRY])
    expect(marks.range).toEqual([0, 1])
    expect(marks.inputShape).toEqual([1, 256, 256, 3])
  })

  it('keeps the original model intact behind the new root: every buffer the same bytes at the same 16-byte alignment, the same graph', () => {
    const original = readFileSync(resolve(POSE_DIR, 'pose_landmark_lite.tflite'))
    const before = new ByteBuffer(original)
    const beforeRoot = rootOf(before)
    const beforeBuffers = tables(before, beforeRoot, 4)
    const after = readModel(withMetadata(original, imageModelMetadata('t', { mean: 0, std: 255 })))
    expect(after.buffers).toHaveLength(beforeBuffers.length + 1)
    let weights = 0
    beforeBuffers.forEach((table, i) => {
      const was = bytes(before, table, 0)
      const is = bytes(after.bb, after.buffers[i], 0)
      expect(is?.data.length ?? 0).toBe(was?.data.length ?? 0)
      if (!was || !is) return
      expect(Buffer.compare(is.data, was.data)).toBe(0)
      expect(is.start % 16).toBe(was.start % 16)
      weights += was.data.length
    })
    expect(weights).toBeGreaterThan(1_000_000)
    expect(tables(after.bb, after.subgraphs[0], 3)).toHaveLength(tables(before, tables(before, beforeRoot, 2)[0], 3).length) // operators
    expect(after.bb.readUint32(field(after.bb, after.root, 0)!)).toBe(before.readUint32(field(before, beforeRoot, 0)!)) // schema version
  })

  it('refuses to add a second TFLITE_METADATA, and refuses what is not a TFLite model', () => {
    const once = withMetadata(detector, imageModelMetadata('d', { mean: 127.5, std: 127.5 }))
    expect(() => withMetadata(once, imageModelMetadata('d', { mean: 127.5, std: 127.5 }))).toThrow(/already has TFLITE_METADATA/)
    expect(() => withMetadata(new Uint8Array(64), imageModelMetadata('d', { mean: 0, std: 1 }))).toThrow(/Not a TFLite model/)
  })
})
