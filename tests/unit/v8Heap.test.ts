import { describe, expect, it } from 'vitest'
import { dumpPageHeap, pageHeapFromDump, type TraceEvent, type TracingSession } from '../bench/v8Heap'

const KB = 1024
const attrs = (bytes: number) => ({ attrs: { allocated_objects_size: { value: bytes.toString(16) } } })

/** A process's memory-infra dump with these V8 spaces (KB) on its main isolate, and workers or not. */
function processDump(pid: number, spacesKB: Record<string, number>, withWorkers: boolean): TraceEvent {
  const allocators: Record<string, ReturnType<typeof attrs> | object> = { 'v8/main/heap': {} }
  for (const [space, kb] of Object.entries(spacesKB)) allocators[`v8/main/heap/${space}`] = attrs(kb * KB)
  if (withWorkers) allocators['v8/workers'] = {}
  return { ph: 'v', pid, args: { dumps: { allocators } } } as TraceEvent
}

/** Every space a V8 isolate reports (Chromium 156), each a different power of two so a misnamed one shows. */
const EVERY_SPACE_KB = {
  code_space: 1, code_large_object_space: 2, trusted_space: 4, trusted_large_object_space: 8,
  old_space: 16, new_space: 32, large_object_space: 64, new_large_object_space: 128,
  read_only_space: 256, shared_space: 512, shared_large_object_space: 1024, shared_trusted_space: 2048, shared_trusted_large_object_space: 4096
}

describe('the page\'s V8 heap from a memory-infra dump', () => {
  it('adds the four code spaces and the four data spaces of the renderer that hosts the pose worker, nothing else', () => {
    const events = [
      processDump(1, { old_space: 9000, code_space: 9000 }, false), // another renderer
      processDump(2, EVERY_SPACE_KB, true),
      { ph: 'X', pid: 2 }
    ]
    expect(pageHeapFromDump(events)).toEqual({ codeBytes: (1 + 2 + 4 + 8) * KB, dataBytes: (16 + 32 + 64 + 128) * KB })
  })

  it('gives null when no renderer, or more than one, hosts workers', () => {
    expect(pageHeapFromDump([processDump(1, { old_space: 10 }, false)])).toBeNull()
    expect(pageHeapFromDump([processDump(1, { old_space: 10 }, true), processDump(2, { old_space: 10 }, true)])).toBeNull()
  })
})

/** A fake browser CDP session: answers the tracing calls, delivers `events`, fails where told. */
function fakeSession(events: TraceEvent[], fail: { on?: string } = {}) {
  const listeners = new Map<string, ((payload: never) => void)[]>()
  const calls: string[] = []
  let tracing = false
  const emit = (name: string, payload: unknown) => { for (const l of listeners.get(name) ?? []) l(payload as never) }
  const session = {
    on(name: string, listener: (payload: never) => void) { listeners.set(name, [...(listeners.get(name) ?? []), listener]); return session },
    off(name: string, listener: (payload: never) => void) { listeners.set(name, (listeners.get(name) ?? []).filter((l) => l !== listener)); return session },
    async send(method: string) {
      calls.push(method)
      if (method === fail.on) throw new Error(`${method} failed`)
      if (method === 'Tracing.start') {
        if (tracing) throw new Error('Tracing has already been started')
        tracing = true
      }
      if (method === 'Tracing.end') {
        tracing = false
        queueMicrotask(() => { emit('Tracing.dataCollected', { value: events }); emit('Tracing.tracingComplete', {}) })
      }
      return method === 'Tracing.requestMemoryDump' ? { success: true } : {}
    }
  }
  return { session: session as unknown as TracingSession, calls, listenerCount: () => [...listeners.values()].reduce((n, l) => n + l.length, 0) }
}

describe('dumpPageHeap', () => {
  it('reads the page\'s heap from one traced dump and leaves no listener behind', async () => {
    const fake = fakeSession([processDump(2, { old_space: 100, code_space: 50 }, true)])
    expect(await dumpPageHeap(fake.session)).toEqual({ codeBytes: 50 * KB, dataBytes: 100 * KB })
    expect(fake.calls).toEqual(['Tracing.start', 'Tracing.requestMemoryDump', 'Tracing.end'])
    expect(fake.listenerCount()).toBe(0)
  })

  it('ends the tracing session when the dump fails, says why, and the next dump works', async () => {
    const events = [processDump(2, { old_space: 100 }, true)]
    const failing = fakeSession(events, { on: 'Tracing.requestMemoryDump' })
    expect(await dumpPageHeap(failing.session)).toEqual({ error: 'Tracing.requestMemoryDump failed' })
    expect(failing.calls.at(-1)).toBe('Tracing.end')
    expect(failing.listenerCount()).toBe(0)
    const again = fakeSession(events)
    expect(await dumpPageHeap(again.session)).toEqual({ codeBytes: 0, dataBytes: 100 * KB })
  })

  it('says so when the dump has no renderer hosting the pose worker', async () => {
    expect(await dumpPageHeap(fakeSession([processDump(1, { old_space: 1 }, false)]).session)).toEqual({ error: 'no single renderer process hosts the pose worker in the dump' })
  })
})
