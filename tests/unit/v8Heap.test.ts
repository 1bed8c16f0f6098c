import { describe, expect, it } from 'vitest'
import { pageHeapFromDump, type TraceEvent } from '../bench/v8Heap'

const KB = 1024
const attrs = (bytes: number) => ({ attrs: { allocated_objects_size: { value: bytes.toString(16) } } })

/** A process's memory-infra dump with these V8 spaces (KB) on its main isolate, and workers or not. */
function processDump(pid: number, spacesKB: Record<string, number>, withWorkers: boolean): TraceEvent {
  const allocators: Record<string, ReturnType<typeof attrs> | object> = { 'v8/main/heap': {} }
  for (const [space, kb] of Object.entries(spacesKB)) allocators[`v8/main/heap/${space}`] = attrs(kb * KB)
  if (withWorkers) allocators['v8/workers'] = {}
  return { ph: 'v', pid, args: { dumps: { allocators } } } as TraceEvent
}

describe('the page\'s V8 heap from a memory-infra dump', () => {
  it('adds the code spaces and the data spaces of the renderer that hosts the pose worker', () => {
    const events = [
      processDump(1, { old_space: 9000, code_space: 9000 }, false), // another renderer
      processDump(2, { old_space: 3000, new_space: 200, large_object_space: 100, code_space: 1500, trusted_space: 500, read_only_space: 4000 }, true),
      { ph: 'X', pid: 2 }
    ]
    expect(pageHeapFromDump(events)).toEqual({ codeBytes: 2000 * KB, dataBytes: 3300 * KB })
  })

  it('gives null when no renderer, or more than one, hosts workers', () => {
    expect(pageHeapFromDump([processDump(1, { old_space: 10 }, false)])).toBeNull()
    expect(pageHeapFromDump([processDump(1, { old_space: 10 }, true), processDump(2, { old_space: 10 }, true)])).toBeNull()
  })
})
