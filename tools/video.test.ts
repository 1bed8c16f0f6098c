import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeFrames, probeVideo, scaledSize } from './video'

let dir = ''
let clip = ''

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'revup-video-'))
  clip = join(dir, 'testsrc.mp4')
  // 2 s of ffmpeg's test pattern, 320x180 at 10 fps: a real file in a real container.
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=10:duration=2', '-pix_fmt', 'yuv420p', clip])
})

describe('probeVideo', () => {
  it('reads size, frame rate and duration', async () => {
    const info = await probeVideo(clip)
    expect(info).toMatchObject({ width: 320, height: 180, fps: 10 })
    expect(info.durationSeconds).toBeCloseTo(2, 1)
  })

  it('names a missing file', async () => {
    await expect(probeVideo(join(dir, 'nope.mp4'))).rejects.toThrow(`Video not found: ${join(dir, 'nope.mp4')}`)
  })

  it('names a file that is not a video', async () => {
    const bogus = join(dir, 'bogus.mp4')
    writeFileSync(bogus, 'not a video')
    await expect(probeVideo(bogus)).rejects.toThrow(/^Cannot read video .*bogus\.mp4: .+/)
    await expect(probeVideo(dir)).rejects.toThrow(/Not a file/)
  })
})

describe('decodeFrames', () => {
  it('streams every frame as RGB with timestamps on the frame grid', async () => {
    const info = await probeVideo(clip)
    const frames = []
    for await (const f of decodeFrames(info)) frames.push({ index: f.index, t: f.timestampMs, w: f.width, h: f.height, bytes: f.data.length, first: f.data[0] })
    expect(frames).toHaveLength(20)
    expect(frames.map((f) => f.t).slice(0, 3)).toEqual([0, 100, 200])
    expect(frames[0]).toMatchObject({ w: 320, h: 180, bytes: 320 * 180 * 3 })
  })

  it('downscales so the long side fits, and stops ffmpeg when the consumer breaks out', async () => {
    const info = await probeVideo(clip)
    let seen = 0
    for await (const f of decodeFrames(info, { maxSide: 160 })) {
      expect([f.width, f.height]).toEqual([160, 90])
      if (++seen === 3) break
    }
    expect(seen).toBe(3)
  })

  it('computes even scaled sizes and never upscales', () => {
    expect(scaledSize(1920, 1080, 640)).toEqual({ width: 640, height: 360 })
    expect(scaledSize(506, 960, 640)).toEqual({ width: 338, height: 640 })
    expect(scaledSize(426, 240, 640)).toEqual({ width: 426, height: 240 })
    expect(() => scaledSize(1920, 1080, 4)).toThrow(/at least 16 pixels, got 4/)
  })
})
