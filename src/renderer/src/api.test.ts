import { afterEach, describe, expect, it } from 'vitest'
import { api, isApiAvailable, NOT_AVAILABLE_MESSAGE } from './api'
import type { RevUpApi } from '../../shared/ipc'

const g = globalThis as { window?: { revup?: Partial<RevUpApi> } }

afterEach(() => {
  delete g.window
})

describe('api', () => {
  it('answers a readable failure when window.revup is missing', async () => {
    g.window = {}
    expect(isApiAvailable()).toBe(false)
    expect(await api.listSessions()).toEqual({ ok: false, error: NOT_AVAILABLE_MESSAGE })
  })

  it('passes arguments through to the bridge', async () => {
    const calls: unknown[][] = []
    g.window = {
      revup: {
        deleteSession: async (...args: unknown[]) => {
          calls.push(args)
          return { ok: true, value: null }
        }
      }
    }
    expect(await api.deleteSession('s-20250105-140322-k3j9x2')).toEqual({ ok: true, value: null })
    expect(calls).toEqual([['s-20250105-140322-k3j9x2']])
  })

  it('turns a broken channel into a failed Result', async () => {
    g.window = { revup: { getAppInfo: async () => Promise.reject(new Error('channel closed')) } }
    const result = await api.getAppInfo()
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.error).toContain('channel closed')
  })
})
