/**
 * Builds the MediaPipe Tasks `pose_landmarker_<lite|full>.task` bundle the bench's peer runs, from the
 * BlazePose files `@mediapipe/pose` ships (no registry package ships the bundle itself):
 *
 * - `pose_detector.tflite`: `pose_detection.tflite`, packed inside `pose_solution_packed_assets.data`
 *   (its place is listed in `pose_solution_packed_assets_loader.js`);
 * - `pose_landmarks_detector.tflite`: `pose_landmark_lite.tflite` or `pose_landmark_full.tflite`.
 *
 * A `.task` is a zip of the two, stored (not compressed). The Tasks runtime reads each model's input
 * normalisation from its TFLite metadata and refuses a float input without it
 * (`BuildInputImageTensorSpecs`: "Input tensor has type float32: it requires specifying
 * NormalizationOptions metadata"); the solution's files have none. So each model gets a `TFLITE_METADATA`
 * entry (a `ModelMetadata` flatbuffer, identifier M001, metadata_schema.fbs): one input tensor with RGB
 * `ImageProperties` and `NormalizationOptions` (x − mean) / std: mean 127.5, std 127.5 ([-1, 1]) for the
 * detector, mean 0, std 255 ([0, 1]) for the landmark network, the ranges of the solution's own graphs.
 *
 * Adding that entry means a new `Model` root: it is built with the flatbuffers Builder in front of the
 * original bytes, which stay as they were (16-byte aligned), and points at the original operator codes,
 * subgraphs and buffers; the buffers and metadata lists are the originals plus one entry each.
 *
 * Bench-only: never used by the app. The bundle is cached under tests/.cache/tasks (never committed).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Builder, ByteBuffer } from 'flatbuffers'
import { zipSync } from 'fflate'

export type PoseTaskVariant = 'lite' | 'full'

/** Image input normalisation, (x − mean) / std on 0-255 pixel values. */
export interface Normalization {
  mean: number
  std: number
}

/** [-1, 1] for the detector, [0, 1] for the landmark network. */
export const DETECTOR_NORMALIZATION: Normalization = { mean: 127.5, std: 127.5 }
export const LANDMARKS_NORMALIZATION: Normalization = { mean: 0, std: 255 }

/** Names the Tasks PoseLandmarker looks for inside the bundle. */
export const DETECTOR_ENTRY = 'pose_detector.tflite'
export const LANDMARKS_ENTRY = 'pose_landmarks_detector.tflite'

/** The TFLite Model.metadata name the Tasks metadata extractor reads. */
export const METADATA_NAME = 'TFLITE_METADATA'

// Field slots (declaration order) in tflite's schema.fbs and metadata_schema.fbs.
const MODEL = { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4, metadataBuffer: 5, metadata: 6, signatureDefs: 7 }
const MODEL_FIELDS = 8
/** Union tags: ContentProperties.ImageProperties, ProcessUnitOptions.NormalizationOptions, ColorSpaceType.RGB. */
const IMAGE_PROPERTIES = 2
const NORMALIZATION_OPTIONS = 1
const RGB = 1

/** A ModelMetadata flatbuffer (file identifier M001) for a one-image-input model. */
export function imageModelMetadata(name: string, norm: Normalization): Uint8Array {
  const b = new Builder(512)
  const floats = (v: number) => {
    b.startVector(4, 1, 4)
    b.addFloat32(v)
    return b.endVector()
  }
  const mean = floats(norm.mean)
  const std = floats(norm.std)
  b.startObject(2) // NormalizationOptions { mean, std }
  b.addFieldOffset(0, mean, 0)
  b.addFieldOffset(1, std, 0)
  const normalization = b.endObject()
  b.startObject(2) // ProcessUnit { options_type, options }
  b.addFieldInt8(0, NORMALIZATION_OPTIONS, 0)
  b.addFieldOffset(1, normalization, 0)
  const processUnit = b.endObject()
  const processUnits = offsets(b, [processUnit])
  b.startObject(2) // ImageProperties { color_space, default_size }
  b.addFieldInt8(0, RGB, 0)
  const imageProperties = b.endObject()
  b.startObject(3) // Content { content_properties_type, content_properties, range }
  b.addFieldInt8(0, IMAGE_PROPERTIES, 0)
  b.addFieldOffset(1, imageProperties, 0)
  const content = b.endObject()
  const tensorName = b.createString('image')
  b.startObject(7) // TensorMetadata { name, description, dimension_names, content, process_units, ... }
  b.addFieldOffset(0, tensorName, 0)
  b.addFieldOffset(3, content, 0)
  b.addFieldOffset(4, processUnits, 0)
  const tensor = b.endObject()
  const inputs = offsets(b, [tensor])
  b.startObject(3) // SubGraphMetadata { name, description, input_tensor_metadata, ... }
  b.addFieldOffset(2, inputs, 0)
  const subgraph = b.endObject()
  const subgraphs = offsets(b, [subgraph])
  const modelName = b.createString(name)
  const minParser = b.createString('1.0.0')
  b.startObject(8) // ModelMetadata { name, description, version, subgraph_metadata, author, license, associated_files, min_parser_version }
  b.addFieldOffset(0, modelName, 0)
  b.addFieldOffset(3, subgraphs, 0)
  b.addFieldOffset(7, minParser, 0)
  b.finish(b.endObject(), 'M001')
  return b.asUint8Array().slice()
}

function offsets(b: Builder, items: number[]): number {
  b.startVector(4, items.length, 4)
  for (let i = items.length - 1; i >= 0; i--) b.addOffset(items[i])
  return b.endVector()
}

/** Position of field `slot` of the table at `table`, or 0 when absent. */
function field(bb: ByteBuffer, table: number, slot: number): number {
  const o = bb.__offset(table, 4 + 2 * slot)
  return o === 0 ? 0 : table + o
}

/** Positions of the tables an offset vector field points at. */
function tableVector(bb: ByteBuffer, table: number, slot: number): number[] {
  const at = field(bb, table, slot)
  if (at === 0) return []
  const start = bb.__vector(at)
  return Array.from({ length: bb.__vector_len(at) }, (_, i) => bb.__indirect(start + 4 * i))
}

/**
 * The TFLite model with a TFLITE_METADATA entry added (a model that already has one is refused:
 * the Tasks runtime reads the first). The original bytes are kept whole, behind a new root.
 */
export function withMetadata(model: Uint8Array, metadata: Uint8Array): Uint8Array {
  const bb = new ByteBuffer(model)
  if (!bb.__has_identifier('TFL3')) throw new Error('Not a TFLite model (no TFL3 identifier).')
  const root = bb.readInt32(bb.position()) + bb.position()
  const vtable = root - bb.readInt32(root)
  if (bb.readInt16(vtable) > 4 + 2 * MODEL_FIELDS) throw new Error('TFLite Model has fields this script does not know; refusing to rebuild it.')
  const oldMetadata = tableVector(bb, root, MODEL.metadata)
  for (const m of oldMetadata) {
    const name = field(bb, m, 0)
    if (name !== 0 && bb.__string(name) === METADATA_NAME) throw new Error('The model already has TFLITE_METADATA.')
  }
  const oldBuffers = tableVector(bb, root, MODEL.buffers)

  const b = new Builder(model.length + metadata.length + 4096)
  // The original bytes, their start 16-byte aligned as in the file (Buffer.data is force_align 16).
  b.prep(16, model.length)
  const base = b.createByteVector(model) - 4 // offset-from-end of the original's byte 0
  const old = (position: number) => base - position
  const reference = (slot: number) => {
    const at = field(bb, root, slot)
    return at === 0 ? 0 : old(bb.__indirect(at))
  }

  b.prep(16, metadata.length)
  const data = b.createByteVector(metadata)
  b.startObject(3) // Buffer { data, offset, size }
  b.addFieldOffset(0, data, 0)
  const metadataBuffer = b.endObject()
  const buffers = offsets(b, [...oldBuffers.map(old), metadataBuffer])
  const name = b.createString(METADATA_NAME)
  b.startObject(2) // Metadata { name, buffer }
  b.addFieldOffset(0, name, 0)
  b.addFieldInt32(1, oldBuffers.length, -1)
  const entry = b.endObject()
  const metadataList = offsets(b, [...oldMetadata.map(old), entry])

  const versionAt = field(bb, root, MODEL.version)
  b.startObject(MODEL_FIELDS)
  b.addFieldInt32(MODEL.version, versionAt === 0 ? 0 : bb.readUint32(versionAt), -1)
  for (const slot of [MODEL.operatorCodes, MODEL.subgraphs, MODEL.description, MODEL.metadataBuffer, MODEL.signatureDefs]) {
    b.addFieldOffset(slot, reference(slot), 0)
  }
  b.addFieldOffset(MODEL.buffers, buffers, 0)
  b.addFieldOffset(MODEL.metadata, metadataList, 0)
  b.finish(b.endObject(), 'TFL3')
  return b.asUint8Array().slice()
}

/** One file out of an Emscripten packed-assets .data, as its loader script lists it. */
export function packedAsset(data: Uint8Array, loaderJs: string, fileName: string): Uint8Array {
  const listed = /"files"\s*:\s*(\[[^\]]*\])/.exec(loaderJs)
  if (!listed) throw new Error('No file list in the packed-assets loader.')
  const files = JSON.parse(listed[1]) as { filename: string; start: number; end: number }[]
  const file = files.find((f) => f.filename.endsWith(`/${fileName}`))
  if (!file) throw new Error(`${fileName} is not in the packed assets (${files.map((f) => f.filename).join(', ')}).`)
  return data.subarray(file.start, file.end)
}

/** The `.task` bundle's bytes for one BlazePose variant, from `@mediapipe/pose`'s folder. */
export function buildPoseTask(variant: PoseTaskVariant, poseDir: string): Uint8Array {
  const detector = packedAsset(
    readFileSync(resolve(poseDir, 'pose_solution_packed_assets.data')),
    readFileSync(resolve(poseDir, 'pose_solution_packed_assets_loader.js'), 'utf8'),
    'pose_detection.tflite'
  )
  const landmarks = readFileSync(resolve(poseDir, `pose_landmark_${variant}.tflite`))
  const stored = { level: 0 as const, mtime: new Date('2026-01-01T00:00:00Z') }
  return zipSync({
    [DETECTOR_ENTRY]: [withMetadata(detector, imageModelMetadata('pose_detector', DETECTOR_NORMALIZATION)), stored],
    [LANDMARKS_ENTRY]: [withMetadata(landmarks, imageModelMetadata(`pose_landmarks_detector_${variant}`, LANDMARKS_NORMALIZATION)), stored]
  })
}

/**
 * Path of the cached bundle for a variant, built when missing. The file name carries a hash of the
 * inputs and of this script, so a changed model or script builds a new one.
 */
export function ensurePoseTask(variant: PoseTaskVariant, poseDir: string, cacheDir: string): string {
  const hash = createHash('sha256')
  for (const f of ['pose_solution_packed_assets.data', `pose_landmark_${variant}.tflite`]) hash.update(readFileSync(resolve(poseDir, f)))
  hash.update(readFileSync(fileURLToPath(import.meta.url)))
  const path = resolve(cacheDir, `pose_landmarker_${variant}-${hash.digest('hex').slice(0, 12)}.task`)
  if (!existsSync(path)) {
    mkdirSync(cacheDir, { recursive: true })
    writeFileSync(`${path}.tmp`, buildPoseTask(variant, poseDir))
    renameSync(`${path}.tmp`, path)
  }
  return path
}
