import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { JournalWriter } from './journalWriter'
import { failingFs, makeTempDir } from './testSupport'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function writerOnFullDisk(maxQueuedBytes: number) {
  const { dir, cleanup } = await makeTempDir()
  cleanups.push(cleanup)
  const { fs, setFailure } = failingFs()
  const writer = new JournalWriter(fs, join(dir, 'journal.jsonl'), maxQueuedBytes)
  setFailure({ code: 'ENOSPC' })
  return { writer, setFailure, path: join(dir, 'journal.jsonl') }
}
const event = (n: number) => `{"kind":"engine","n":${n}}\n`
const pose = (n: number) => `{"kind":"pose","n":${n},"pad":"${'x'.repeat(80)}"}\n`

describe('JournalWriter while the disk stays full', () => {
  it('caps the queue by dropping the oldest pose lines first, keeps every other line, and says so', async () => {
    const { writer, setFailure, path } = await writerOnFullDisk(4000)
    for (let n = 0; n < 100; n++) {
      writer.append(event(n))
      writer.append(pose(n), true)
      await writer.flush()
    }
    expect(writer.pendingBytes).toBeLessThanOrEqual(4000)
    expect(writer.storageProblem).toMatch(/^Could not save the workout: .+ To save memory, \d+ replay pose frames were dropped; every rep, hold and cue is kept\.$/)

    setFailure(null)
    expect(await writer.flush()).toBe(true)
    expect(writer.storageProblem).toBeNull()
    const lines = (await readFile(path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { kind: string; n: number })
    expect(lines.filter((l) => l.kind === 'engine').map((l) => l.n)).toEqual(Array.from({ length: 100 }, (_, n) => n))
    const poses = lines.filter((l) => l.kind === 'pose').map((l) => l.n)
    // The newest poses survive, in order, and the oldest went first.
    expect(poses.length).toBeGreaterThan(0)
    expect(poses.at(-1)).toBe(99)
    expect(poses).toEqual([...poses].sort((a, b) => a - b))
    expect(poses[0]).toBeGreaterThan(0)
  })

  it('never drops a non-pose line, even over the cap', async () => {
    const { writer, setFailure, path } = await writerOnFullDisk(100)
    for (let n = 0; n < 20; n++) writer.append(event(n))
    await writer.flush()
    expect(writer.pendingChunks).toBe(20)
    setFailure(null)
    await writer.flush()
    expect((await readFile(path, 'utf8')).trim().split('\n')).toHaveLength(20)
  })

  it('drops nothing while the disk takes the lines', async () => {
    const { writer, setFailure } = await writerOnFullDisk(100)
    setFailure(null)
    for (let n = 0; n < 20; n++) {
      writer.append(pose(n), true)
      await writer.flush()
    }
    expect(writer.storageProblem).toBeNull()
    expect(writer.pendingChunks).toBe(0)
  })
})
