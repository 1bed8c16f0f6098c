/**
 * The page's V8 heap split into compiled code and JS data, from a Chromium memory-infra dump (CDP
 * `Tracing.requestMemoryDump`, the same dump chrome://tracing's memory view shows). The soak prints both
 * beside `measureUserAgentSpecificMemory()`'s figure, which lumps them: over a quiet hour ~90% of the page's
 * growth was V8 compiling more of the app as it got hot, bounded by the app's code though still rising slowly
 * at 60 minutes (tests/bench/README.md), while a leak grows the data spaces.
 *
 * Spaces (allocated object bytes, V8's own names): compiled code = `code_space`, `code_large_object_space`,
 * `trusted_space`, `trusted_large_object_space` (machine code, bytecode, deoptimisation data); JS data =
 * `old_space`, `new_space`, `large_object_space`, `new_large_object_space` (objects, arrays, strings, feedback).
 */
import type { CDPSession } from '@playwright/test'

export interface PageHeap {
  /** Bytes of compiled code and its metadata in the page's isolate. */
  codeBytes: number
  /** Bytes of JS objects in the page's own spaces (`DATA_SPACES`; the read-only and shared spaces are not the page's). */
  dataBytes: number
}

export const CODE_SPACES = ['code_space', 'code_large_object_space', 'trusted_space', 'trusted_large_object_space'] as const
export const DATA_SPACES = ['old_space', 'new_space', 'large_object_space', 'new_large_object_space'] as const

/** One trace event as CDP's Tracing.dataCollected gives it (only what a memory dump needs). */
export interface TraceEvent {
  ph: string
  pid: number
  args?: { dumps?: { allocators?: Record<string, { attrs?: Record<string, { value?: string | number }> }> } }
}

/** A memory-infra attribute: hex strings for sizes ("1a2b"), plain numbers in some versions. */
function bytesOf(value: string | number | undefined): number {
  if (value === undefined) return 0
  return typeof value === 'number' ? value : parseInt(value, 16) || 0
}

/**
 * The page's heap from a memory dump's process events: the renderer whose dump has worker isolates
 * (`v8/workers`: the set screen runs the pose worker), its main-thread isolate (`v8/main/heap/<space>`).
 * Null when no process or more than one process hosts workers (which page is ours would be a guess).
 */
export function pageHeapFromDump(events: readonly TraceEvent[]): PageHeap | null {
  const hosts = events.filter((e) => e.ph === 'v' && e.args?.dumps?.allocators?.['v8/workers'] && e.args.dumps.allocators['v8/main/heap'])
  if (hosts.length !== 1) return null
  const allocators = hosts[0].args!.dumps!.allocators!
  const sum = (spaces: readonly string[]) => spaces.reduce((total, space) => total + bytesOf(allocators[`v8/main/heap/${space}`]?.attrs?.allocated_objects_size?.value), 0)
  return { codeBytes: sum(CODE_SPACES), dataBytes: sum(DATA_SPACES) }
}

/** How long a dump's trace may take to arrive after `Tracing.end` before the reading is given up (a light dump takes well under 1 s). */
export const DUMP_TIMEOUT_MS = 10_000

/** The CDP calls a dump makes (a Playwright browser-level CDPSession; a fake in the unit test). */
export type TracingSession = Pick<CDPSession, 'send' | 'on' | 'off'>

/**
 * Takes one memory dump through a browser-level CDP session (a full collection in every isolate first, so the
 * figures are live bytes) and reads the page's heap from it. Returns the heap, or `{ error }` saying why not;
 * the tracing session is always ended, so a failed dump does not block the next one.
 */
export async function dumpPageHeap(browserCdp: TracingSession): Promise<PageHeap | { error: string }> {
  const events: TraceEvent[] = []
  const onData = (e: { value: object[] }) => { events.push(...(e.value as TraceEvent[])) }
  let onComplete: () => void = () => {}
  const complete = new Promise<void>((resolve) => { onComplete = resolve })
  browserCdp.on('Tracing.dataCollected', onData)
  browserCdp.on('Tracing.tracingComplete', onComplete)
  let tracing = false
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    await browserCdp.send('Tracing.start', {
      traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } } as never,
      transferMode: 'ReportEvents'
    })
    tracing = true
    const dump = await browserCdp.send('Tracing.requestMemoryDump', { deterministic: true, levelOfDetail: 'light' } as never) as { success: boolean }
    tracing = false
    await browserCdp.send('Tracing.end')
    const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), DUMP_TIMEOUT_MS) })
    if ((await Promise.race([complete, timedOut])) === 'timeout') return { error: `no trace within ${DUMP_TIMEOUT_MS / 1000} s of Tracing.end` }
    if (!dump.success) return { error: 'Chromium reported the memory dump as failed' }
    return pageHeapFromDump(events) ?? { error: 'no single renderer process hosts the pose worker in the dump' }
  } catch (err) {
    return { error: (err as Error).message }
  } finally {
    clearTimeout(timer)
    if (tracing) await browserCdp.send('Tracing.end').catch(() => undefined)
    browserCdp.off('Tracing.dataCollected', onData)
    browserCdp.off('Tracing.tracingComplete', onComplete)
  }
}
