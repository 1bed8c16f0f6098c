/**
 * Init script for the soak bench: watches the real app from outside, changing nothing in it.
 * - Poses delivered and frames the worker dropped: the live view's own counters (`data-poses`,
 *   `data-dropped` on [data-testid=live-view], refreshed every 250 ms), noted with the time they changed.
 *   A new workout mounts a new live view whose counters start at 0: the probe keeps running totals.
 * - Frames the camera produced: the camera track's `stats.totalFrames` (MediaStreamTrack statistics).
 * - Cues on screen: a MutationObserver notes each time the set line starts showing a cue id, and the
 *   time of the next rendered frame (requestAnimationFrame), on the page clock.
 * - Memory: performance.measureUserAgentSpecificMemory() split into this page's realm, the pose worker
 *   and everything else (needs cross-origin isolation, which the app has, and Chromium's
 *   --enable-blink-features=ForceEagerMeasureMemory to answer at once instead of within 20 s).
 * `window.__soak.sample()` returns a reading and hands over the cues seen since the last one.
 */
import type { SoakSample } from './soakSummary'

/** What the page reports: the sample's page-side counters (documented on SoakSample), the rest of memory, and the cues seen. */
export interface ProbeReading extends Pick<SoakSample, 'poses' | 'workerDropped' | 'countsAtMs' | 'cameraFrames' | 'cameraAtMs' | 'phase' | 'pageBytes' | 'workerBytes'> {
  otherBytes: number | null
  memoryError?: string
  shown: { id: string; shownMs: number }[]
}

export const SOAK_PROBE = (): void => {
  const totals = { poses: { base: 0, last: 0 }, dropped: { base: 0, last: 0 }, camera: { base: 0, last: 0 } }
  let countsAtMs = 0
  let track: MediaStreamTrack | null = null
  let lastCue = ''
  let shown: { id: string; shownMs: number }[] = []
  /** A counter that starts again at 0 (a new live view, a new camera track) adds to the running total. */
  const note = (c: { base: number; last: number }, value: number) => {
    if (!Number.isFinite(value)) return
    if (value < c.last) c.base += c.last
    c.last = value
  }
  const observer = new MutationObserver(() => {
    const live = document.querySelector<HTMLElement>('[data-testid=live-view]')
    if (live && live.dataset.poses !== undefined && Number(live.dataset.poses) !== totals.poses.last) {
      note(totals.poses, Number(live.dataset.poses))
      note(totals.dropped, Number(live.dataset.dropped ?? 0))
      countsAtMs = performance.now()
    }
    const cue = document.querySelector<HTMLElement>('[data-testid=cue][data-cue-id]:not([data-cue-id=""])')?.dataset.cueId ?? ''
    if (cue !== lastCue && cue !== '') requestAnimationFrame(() => shown.push({ id: cue, shownMs: performance.now() }))
    lastCue = cue
  })
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-poses', 'data-cue-id', 'data-testid'] })

  const cameraFrames = (): number | null => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid=live-view] video')
    const current = (video?.srcObject as MediaStream | null)?.getVideoTracks()[0] ?? null
    const stats = (current as (MediaStreamTrack & { stats?: { totalFrames: number } }) | null)?.stats
    if (current && current !== track) {
      totals.camera.base += totals.camera.last
      totals.camera.last = 0
      track = current
    }
    if (!current) return totals.camera.base + totals.camera.last
    if (!stats) return null
    totals.camera.last = stats.totalFrames
    return totals.camera.base + totals.camera.last
  }

  interface Breakdown { bytes: number; attribution: { url?: string; scope?: string }[] }
  const memory = async () => {
    const perf = performance as Performance & { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number; breakdown: Breakdown[] }> }
    if (!crossOriginIsolated || !perf.measureUserAgentSpecificMemory) return { pageBytes: null, workerBytes: null, otherBytes: null, memoryError: 'measureUserAgentSpecificMemory is not available (the page is not cross-origin isolated?)' }
    try {
      const result = await perf.measureUserAgentSpecificMemory()
      let pageBytes = 0
      let workerBytes = 0
      let otherBytes = 0
      for (const entry of result.breakdown) {
        const where = entry.attribution[0]
        if (entry.attribution.length === 1 && where.scope === 'Window') pageBytes += entry.bytes
        else if (entry.attribution.length === 1 && where.scope === 'DedicatedWorkerGlobalScope' && /pose\.worker/.test(where.url ?? '')) workerBytes += entry.bytes
        else otherBytes += entry.bytes
      }
      return { pageBytes, workerBytes, otherBytes }
    } catch (err) {
      return { pageBytes: null, workerBytes: null, otherBytes: null, memoryError: String(err) }
    }
  }

  const sample = async () => {
    const mem = await memory()
    const cameraAtMs = performance.now()
    const frames = cameraFrames()
    const handed = shown
    shown = []
    return {
      poses: totals.poses.base + totals.poses.last,
      workerDropped: totals.dropped.base + totals.dropped.last,
      countsAtMs,
      cameraFrames: frames,
      cameraAtMs,
      phase: document.querySelector<HTMLElement>('section.workout')?.dataset.phase ?? (document.querySelector('[data-testid=summary]') ? 'summary' : 'other'),
      ...mem,
      shown: handed
    }
  }
  Object.defineProperty(window, '__soak', { value: { sample, now: () => performance.now() } })
}
