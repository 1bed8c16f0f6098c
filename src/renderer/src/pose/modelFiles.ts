/**
 * Loads tfjs graph-model files over HTTP with checks that name the failing file: a missing file,
 * a model.json that does not parse, or a weights file whose size does not match what model.json
 * declares (a truncated or corrupt download). tfjs's own loader reports these as shape errors
 * that name no file at all.
 */
import { io } from '@tensorflow/tfjs-core'

/** A model-file problem the UI shows as-is. `file` is relative to models/ (e.g. 'human/blazepose-lite.bin'). */
export class ModelFileError extends Error {
  constructor(readonly file: string, message: string) {
    super(message)
    this.name = 'ModelFileError'
  }
}

/** Bytes per stored value, by stored dtype (the quantization dtype when a weight is quantized). */
const BYTES_PER_VALUE: Readonly<Record<string, number>> = {
  float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2, complex64: 8
}

/** Expected byte length of one weights group, or null when a dtype has no fixed size (strings). */
export function expectedWeightBytes(weights: readonly io.WeightsManifestEntry[]): number | null {
  let total = 0
  for (const w of weights) {
    const stored = w.quantization?.dtype ?? w.dtype
    const bytes = BYTES_PER_VALUE[stored]
    if (bytes === undefined) return null
    total += w.shape.reduce((a, b) => a * b, 1) * bytes
  }
  return total
}

async function fetchOk(url: string, file: string): Promise<Response> {
  let response: Response
  try {
    response = await fetch(url)
  } catch (err) {
    throw new ModelFileError(file, `Could not fetch model file models/${file}: ${(err as Error).message}`)
  }
  if (!response.ok) {
    throw new ModelFileError(file, `Model file models/${file} is missing (HTTP ${response.status}). Run "node scripts/copy-models.mjs" to restore it.`)
  }
  return response
}

/**
 * An IOHandler for `createDetector` that loads models/<file> from `modelsBaseUrl` (ending in '/').
 * Weight files are resolved relative to the model.json, as tfjs does.
 */
export function checkedModelHandler(modelsBaseUrl: string, file: string): io.IOHandler {
  const jsonUrl = new URL(file, modelsBaseUrl).href
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : ''
  return {
    load: async () => {
      const response = await fetchOk(jsonUrl, file)
      let modelJson: io.ModelJSON
      try {
        modelJson = (await response.json()) as io.ModelJSON
      } catch {
        throw new ModelFileError(file, `Model file models/${file} is not valid JSON (corrupt or truncated). Run "node scripts/copy-models.mjs" to restore it.`)
      }
      if (!modelJson || typeof modelJson !== 'object' || !modelJson.modelTopology || !Array.isArray(modelJson.weightsManifest)) {
        throw new ModelFileError(file, `Model file models/${file} is not a tfjs graph model (expected modelTopology and weightsManifest).`)
      }
      return io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const specs: io.WeightsManifestEntry[] = []
        const buffers: ArrayBuffer[] = []
        for (const group of manifest) {
          const groupBuffers: ArrayBuffer[] = []
          for (const path of group.paths) {
            const binFile = folder + path
            const bin = await (await fetchOk(new URL(binFile, modelsBaseUrl).href, binFile)).arrayBuffer()
            groupBuffers.push(bin)
          }
          const got = groupBuffers.reduce((a, b) => a + b.byteLength, 0)
          const expected = expectedWeightBytes(group.weights)
          if (expected !== null && got !== expected) {
            const binFile = folder + group.paths.join(', ' + folder)
            throw new ModelFileError(binFile, `Model weights models/${binFile} hold ${got} bytes; models/${file} expects ${expected} (corrupt or truncated). Run "node scripts/copy-models.mjs" to restore it.`)
          }
          specs.push(...group.weights)
          buffers.push(...groupBuffers)
        }
        return [specs, io.concatenateArrayBuffers(buffers)]
      })
    }
  }
}
