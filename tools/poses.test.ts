import { execFileSync } from 'node:child_process'
import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MODELS_DIR, estimateVideoPoses, fileModelHandler } from './poses'

describe('fileModelHandler', () => {
  it('loads a graph model and its weights from models/', async () => {
    const artifacts = await fileModelHandler(join(MODELS_DIR, 'human', 'movenet-lightning.json')).load!()
    expect(artifacts.format).toBe('graph-model')
    expect((artifacts.weightData as ArrayBuffer).byteLength).toBe(statSync(join(MODELS_DIR, 'human', 'movenet-lightning.bin')).size)
    expect(artifacts.weightSpecs!.length).toBeGreaterThan(0)
  })

  it('names a missing model file and how to get it', async () => {
    await expect(fileModelHandler(join(MODELS_DIR, 'human', 'nope.json')).load!()).rejects.toThrow(/Model file not found: .*nope\.json; run `node scripts\/copy-models\.mjs`/)
  })
})

describe('estimateVideoPoses', () => {
  it('runs every frame once, then answers from the cache with identical frames', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'revup-poses-'))
    const clip = join(dir, 'blank.mp4')
    // A unique colour per run so the cache key (file sha1) is fresh: the first call must compute.
    const colour = `0x${Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0')}`
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `color=c=${colour}:size=192x192:rate=10:duration=1`, '-pix_fmt', 'yuv420p', clip])
    const fresh = await estimateVideoPoses(clip, { model: 'movenet-lightning' })
    expect(fresh.fromCache).toBe(false)
    expect(fresh.frames).toHaveLength(10)
    expect(fresh.frames.map((f) => f.timestampMs)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900])
    expect(fresh.header).toMatchObject({ model: 'movenet-lightning', width: 192, height: 192, fps: 10 })
    // Each frame carries the picture's mean luminance (Rec. 601 of the solid colour, give or take the YUV round trip).
    const [r, g, b] = [16, 8, 0].map((shift) => (parseInt(colour, 16) >> shift) & 0xff)
    expect(fresh.frames[0].meanLuminance).toBeCloseTo((0.299 * r + 0.587 * g + 0.114 * b) / 255, 1)
    const cached = await estimateVideoPoses(clip, { model: 'movenet-lightning' })
    expect(cached.fromCache).toBe(true)
    expect(cached.frames).toEqual(fresh.frames)
  }, 60_000)

  it('rejects an unknown model before touching the video', async () => {
    await expect(estimateVideoPoses('/nonexistent.mp4', { model: 'openpose' as never })).rejects.toThrow(/Unknown pose model "openpose"/)
  })
})
