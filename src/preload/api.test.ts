import { describe, expect, it } from 'vitest'
import { IPC_CHANNELS } from '../shared/ipc'
import { makeApi } from './api'

describe('preload api', () => {
  it('sends each verb on its channel with its arguments', async () => {
    const sent: unknown[][] = []
    const api = makeApi(async (channel, ...args) => (sent.push([channel, ...args]), { ok: true, value: null }))
    await api.getSession('s-20250105-140322-k3j9x2', { includePoses: true })
    await api.listSessions()
    expect(sent).toEqual([[IPC_CHANNELS.getSession, 's-20250105-140322-k3j9x2', { includePoses: true }], [IPC_CHANNELS.listSessions]])
  })

  it('answers an over-size payload itself, so main never has to deserialise it', async () => {
    const sent: unknown[] = []
    const api = makeApi(async (channel) => (sent.push(channel), { ok: true, value: null }))
    const manyKeys = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]))
    expect(await api.saveSettings(manyKeys)).toEqual({
      ok: false,
      error: 'The request to save your settings is not valid: argument 1: an object with 100,000 keys (at most 200).'
    })
    const row = new Array<number>(10_000_000).fill(0)
    const pose = { kind: 'pose' as const, at: 1, exercise: 'squat' as const, setIndex: 1, frame: { w: 1, h: 1, r: row } }
    expect((await api.appendToSession('s-20250105-140322-k3j9x2', [pose])).ok).toBe(false)
    expect(sent).toEqual([])
  })
})
