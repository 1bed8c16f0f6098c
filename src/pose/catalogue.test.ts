import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DEFAULT_POSE_MODEL, POSE_MODELS, POSE_MODEL_IDS, isPoseModelId, parsePoseModelId } from './catalogue'

describe('pose model catalogue', () => {
  it('lists every model id with files under human/', () => {
    for (const id of POSE_MODEL_IDS) {
      const info = POSE_MODELS[id]
      expect(info.id).toBe(id)
      expect(info.files.every((f) => f.startsWith('human/') && f.endsWith('.json'))).toBe(true)
      expect(info.files.length).toBe(info.family === 'blazepose' ? 2 : 1)
      expect(info.keypointCount).toBe(info.family === 'blazepose' ? 33 : 17)
      expect(info.hasWorldLandmarks).toBe(info.family === 'blazepose')
    }
  })

  it('rejects an unknown model id naming the value and the allowed set', () => {
    expect(parsePoseModelId('movenet-thunder')).toBe('movenet-thunder')
    expect(() => parsePoseModelId('posenet')).toThrow(/"posenet".*blazepose-lite, blazepose-full, blazepose-heavy, movenet-lightning, movenet-thunder/)
    expect(() => parsePoseModelId(undefined)).toThrow(/undefined/)
  })
})

describe('catalogue module', () => {
  it('defaults to a catalogue model', () => {
    expect(isPoseModelId(DEFAULT_POSE_MODEL)).toBe(true)
    expect(isPoseModelId('posenet')).toBe(false)
    expect(isPoseModelId(3)).toBe(false)
  })

  it('imports nothing, so naming a model never bundles tfjs', () => {
    const source = readFileSync(new URL('./catalogue.ts', import.meta.url), 'utf8')
    expect(source).not.toMatch(/^\s*(import|export)\s[^\n]*\sfrom\s/m)
  })
})

/** Modules that run inside the pose worker, where tfjs belongs; everything else runs on the UI thread. */
const WORKER_SIDE = new Set(['pose/poseRuntime.ts', 'pose/backends.ts', 'pose/modelFiles.ts', 'pose/modelTiming.ts', 'pose/pose.worker.ts', 'pose/inputTensor.ts', 'pose/wasmTransform.ts'])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

describe('UI-thread modules', () => {
  it('import tfjs and the detector module only from the pose worker side', () => {
    const root = fileURLToPath(new URL('../renderer/src', import.meta.url))
    const offenders = sourceFiles(root)
      .map((file) => relative(root, file).split(sep).join('/'))
      .filter((file) => !WORKER_SIDE.has(file))
      .filter((file) => /from '(@tensorflow[^']*|[./]*pose\/models)'/.test(readFileSync(join(root, file), 'utf8')))
    expect(offenders).toEqual([])
  })
})
