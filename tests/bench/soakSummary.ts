/**
 * The soak bench's arithmetic, kept apart from the browser so it can be unit-tested: readings taken
 * every 30 s become one row each (delivered frames/s, dropped frames, frame-to-cue latency, memory),
 * and the whole run becomes one summary line and a verdict against issue 12's targets (frames/s within
 * 5% of the first minute's, memory growth under 10%). Times are milliseconds; page times are on the
 * page's performance.now() clock, which is also the clock of the frames' capture timestamps.
 */
import { percentile } from './page/clipFrames'

/** Readings are taken this often: the issue asks for memory every 30 s. */
export const SAMPLE_EVERY_MS = 30_000
/** Issue 12: delivered frames/s over the last minute within 5% of the first minute's. */
export const FPS_DRIFT_LIMIT = 0.05
/** Issue 12: memory may grow less than 10%, here from the first row's reading (at 30 s) to the last. */
export const MEMORY_GROWTH_LIMIT = 0.1
/** A cue shown later than this after the frame that raised it is not that raise's (a stale raise, a re-show). */
export const MAX_CUE_LATENCY_MS = 2000

/** One reading of the running app. Counters are cumulative over the whole soak. */
export interface SoakSample {
  /** Bench clock: ms since the soak began. */
  atMs: number
  /** Poses delivered to the pipeline's subscribers (the form engine among them) so far. */
  poses: number
  /** Frames the worker dropped unread because a newer one replaced them, so far. */
  workerDropped: number
  /** Page clock: when `poses` and `workerDropped` were counted. */
  countsAtMs: number
  /** Frames the camera track produced so far (MediaStreamTrack stats), or null where the browser has no such stats. */
  cameraFrames: number | null
  /** Page clock: when `cameraFrames` was read. */
  cameraAtMs: number
  /** Workout phase on screen (placement, countdown, set, rest, summary). */
  phase: string
  /** Bytes of the page's own JS realm and of the pose worker's (measureUserAgentSpecificMemory), or null. */
  pageBytes: number | null
  workerBytes: number | null
  /** The page isolate's V8 heap split (v8Heap.ts): compiled code and JS data, bytes, or null. */
  pageCodeBytes: number | null
  pageDataBytes: number | null
  /** Resident memory of the renderer process(es), bytes (/proc), or null. */
  rendererRssBytes: number | null
  /** DOM nodes alive in the page (CDP Performance.getMetrics), or null. */
  domNodes: number | null
  /** 1-minute load average of the machine. */
  load: number
}

/** A cue the engine raised: its id and the capture time of the frame that raised it (page clock). */
export interface CueRaised { id: string; frameMs: number }
/** A cue that appeared on the set screen: its id and when the next frame was rendered with it (page clock). */
export interface CueShown { id: string; shownMs: number }
export interface CueLatency { id: string; frameMs: number; shownMs: number; latencyMs: number }

export interface SoakRow {
  fromMs: number
  toMs: number
  phase: string
  cameraFps: number | null
  fps: number
  /** Share of the camera's frames that never became a pose, 0-1 (null without camera stats). */
  droppedShare: number | null
  workerDropped: number
  cues: number
  cueP50: number | null
  cueP95: number | null
  pageBytes: number | null
  workerBytes: number | null
  pageCodeBytes: number | null
  pageDataBytes: number | null
  rendererRssBytes: number | null
  domNodes: number | null
  load: number
}

/**
 * Matches each cue on screen to the raise it shows: the latest raise of the same id from a frame
 * captured before it appeared, not already matched, at most MAX_CUE_LATENCY_MS earlier. Raises that
 * never appear (a routine cue already shown this set, a cue under a notice, a repeat while it is
 * still on screen) give no latency; they are counted in `notShown`.
 */
export function matchCues(raised: readonly CueRaised[], shown: readonly CueShown[]): { latencies: CueLatency[]; notShown: number } {
  const byTime = [...raised].sort((a, b) => a.frameMs - b.frameMs)
  const used = new Set<CueRaised>()
  const latencies: CueLatency[] = []
  for (const s of [...shown].sort((a, b) => a.shownMs - b.shownMs)) {
    let match: CueRaised | undefined
    for (const r of byTime) {
      if (r.frameMs > s.shownMs) break
      if (r.id === s.id) match = r
    }
    if (!match || used.has(match) || s.shownMs - match.frameMs > MAX_CUE_LATENCY_MS) continue
    used.add(match)
    latencies.push({ id: s.id, frameMs: match.frameMs, shownMs: s.shownMs, latencyMs: s.shownMs - match.frameMs })
  }
  return { latencies, notShown: raised.length - latencies.length }
}

/** Rate per second of a counter between two readings on its own clock; 0 over no time. */
function rate(from: number, to: number, fromMs: number, toMs: number): number {
  return toMs > fromMs ? ((to - from) * 1000) / (toMs - fromMs) : 0
}

/**
 * One row per pair of consecutive readings. A row's cue latencies are those whose cue appeared in it;
 * memory is the reading at the row's end; `pageStartMs` maps the bench clock onto the page clock
 * (page time of the soak's start).
 */
export function soakRows(samples: readonly SoakSample[], latencies: readonly CueLatency[], pageStartMs: number): SoakRow[] {
  const rows: SoakRow[] = []
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]
    const b = samples[i]
    const fps = rate(a.poses, b.poses, a.countsAtMs, b.countsAtMs)
    const cameraFps = a.cameraFrames !== null && b.cameraFrames !== null ? rate(a.cameraFrames, b.cameraFrames, a.cameraAtMs, b.cameraAtMs) : null
    const inRow = latencies.filter((l) => l.shownMs - pageStartMs >= a.atMs && l.shownMs - pageStartMs < b.atMs).map((l) => l.latencyMs)
    rows.push({
      fromMs: a.atMs, toMs: b.atMs, phase: b.phase, cameraFps, fps,
      droppedShare: cameraFps ? Math.max(0, 1 - fps / cameraFps) : null,
      workerDropped: b.workerDropped - a.workerDropped,
      cues: inRow.length, cueP50: percentile(inRow, 50), cueP95: percentile(inRow, 95),
      pageBytes: b.pageBytes, workerBytes: b.workerBytes, pageCodeBytes: b.pageCodeBytes, pageDataBytes: b.pageDataBytes, rendererRssBytes: b.rendererRssBytes, domNodes: b.domNodes, load: b.load
    })
  }
  return rows
}

/** The reading taken nearest to `atMs` (bench clock): readings drift a second or so from the 30-s marks. */
function nearest(samples: readonly SoakSample[], atMs: number): SoakSample | undefined {
  return samples.reduce<SoakSample | undefined>((best, s) => (!best || Math.abs(s.atMs - atMs) < Math.abs(best.atMs - atMs) ? s : best), undefined)
}

/** Poses per second between the readings nearest to `fromMs` and `toMs` (bench clock), or null over no time. */
export function fpsBetween(samples: readonly SoakSample[], fromMs: number, toMs: number): number | null {
  const first = nearest(samples, fromMs)
  const last = nearest(samples, toMs)
  if (!first || !last || last.countsAtMs <= first.countsAtMs) return null
  return rate(first.poses, last.poses, first.countsAtMs, last.countsAtMs)
}

/** Relative change from the first to the last non-null value (0.05 = +5%), or null with fewer than two. */
export function growth(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && v > 0)
  if (present.length < 2) return null
  return present[present.length - 1] / present[0] - 1
}

export interface SoakSummary {
  minutes: number
  fpsFirstMinute: number | null
  fpsLastMinute: number | null
  /** Last minute against the first: -0.02 = 2% slower. */
  fpsDrift: number | null
  droppedShare: number | null
  cueP50: number | null
  cueP95: number | null
  cueCount: number
  cuesNotShown: number
  pageMB: [number | null, number | null]
  workerMB: [number | null, number | null]
  pageGrowth: number | null
  workerGrowth: number | null
  /** The page's growth in its two parts (v8Heap.ts): compiled code, and JS data (what a leak grows). */
  pageCodeGrowth: number | null
  pageDataGrowth: number | null
  fpsHeld: boolean | null
  memoryFlat: boolean | null
}

const MINUTE_MS = 60_000
const mb = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? null : bytes / 1048576)

export function summarise(samples: readonly SoakSample[], cues: { latencies: readonly CueLatency[]; notShown: number }): SoakSummary {
  const end = samples.at(-1)?.atMs ?? 0
  const fpsFirstMinute = fpsBetween(samples, 0, Math.min(MINUTE_MS, end))
  const fpsLastMinute = fpsBetween(samples, Math.max(0, end - MINUTE_MS), end)
  const fpsDrift = fpsFirstMinute && fpsLastMinute !== null ? fpsLastMinute / fpsFirstMinute - 1 : null
  const first = samples[0]
  const last = samples.at(-1)
  const delivered = first && last ? last.poses - first.poses : 0
  const produced = first && last && first.cameraFrames !== null && last.cameraFrames !== null ? last.cameraFrames - first.cameraFrames : null
  const latencies = cues.latencies.map((l) => l.latencyMs)
  // Memory from the end of the first row (as the table shows it): the set's own start-up allocations are not growth.
  const steady = samples.length > 2 ? samples.slice(1) : samples
  const pageGrowth = growth(steady.map((s) => s.pageBytes))
  const workerGrowth = growth(steady.map((s) => s.workerBytes))
  const memoryChecks = [pageGrowth, workerGrowth].filter((g): g is number => g !== null)
  return {
    minutes: end / MINUTE_MS,
    fpsFirstMinute, fpsLastMinute, fpsDrift,
    droppedShare: produced ? Math.max(0, 1 - delivered / produced) : null,
    cueP50: percentile(latencies, 50), cueP95: percentile(latencies, 95), cueCount: latencies.length, cuesNotShown: cues.notShown,
    pageMB: [mb(steady[0]?.pageBytes), mb(last?.pageBytes)],
    workerMB: [mb(steady[0]?.workerBytes), mb(last?.workerBytes)],
    pageGrowth, workerGrowth,
    pageCodeGrowth: growth(steady.map((s) => s.pageCodeBytes)),
    pageDataGrowth: growth(steady.map((s) => s.pageDataBytes)),
    fpsHeld: fpsDrift === null ? null : Math.abs(fpsDrift) <= FPS_DRIFT_LIMIT,
    memoryFlat: memoryChecks.length === 0 ? null : memoryChecks.every((g) => g < MEMORY_GROWTH_LIMIT)
  }
}

const fmt = (v: number | null | undefined, digits = 0) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits))
const pct = (v: number | null, digits = 1) => (v === null ? '–' : `${v >= 0 ? '+' : ''}${(v * 100).toFixed(digits)}%`)
const mmss = (ms: number) => `${Math.floor(ms / MINUTE_MS)}:${String(Math.round((ms % MINUTE_MS) / 1000)).padStart(2, '0')}`

export const ROW_HEADER = [
  '| time | phase | camera fps | delivered fps | dropped | replaced in worker | cues shown | cue latency p50/p95 ms | page JS MB | page V8 code / data MB | pose worker MB | renderer RSS MB | DOM nodes | load |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
].join('\n')

export function formatRow(r: SoakRow): string {
  const bytes = (b: number | null) => fmt(mb(b), 1)
  return `| ${mmss(r.fromMs)}-${mmss(r.toMs)} | ${r.phase} | ${fmt(r.cameraFps, 1)} | ${fmt(r.fps, 1)} | ${r.droppedShare === null ? '–' : `${(r.droppedShare * 100).toFixed(1)}%`} | ${r.workerDropped} | ${r.cues} | ${fmt(r.cueP50)}/${fmt(r.cueP95)} | ${bytes(r.pageBytes)} | ${bytes(r.pageCodeBytes)} / ${bytes(r.pageDataBytes)} | ${bytes(r.workerBytes)} | ${fmt(mb(r.rendererRssBytes))} | ${fmt(r.domNodes)} | ${fmt(r.load, 1)} |`
}

/** The one line a run ends with, as issue 12 asks. */
export function summaryLine(s: SoakSummary): string {
  return `bench:soak minutes=${fmt(s.minutes, 1)} fps=${fmt(s.fpsFirstMinute, 1)}/${fmt(s.fpsLastMinute, 1)} droppedPct=${s.droppedShare === null ? '–' : (s.droppedShare * 100).toFixed(1)}` +
    ` cueLatencyP50Ms=${fmt(s.cueP50)} p95=${fmt(s.cueP95)} rendererMemMB=${fmt(s.pageMB[0], 1)}/${fmt(s.pageMB[1], 1)} workerMemMB=${fmt(s.workerMB[0], 1)}/${fmt(s.workerMB[1], 1)}`
}

/** The verdict against the issue's targets, in a sentence. */
export function verdictLine(s: SoakSummary): string {
  const yes = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'yes' : 'NO')
  return `bench:soak fps within ${FPS_DRIFT_LIMIT * 100}% of the first minute's: ${yes(s.fpsHeld)} (${pct(s.fpsDrift)}); ` +
    `memory growth under ${MEMORY_GROWTH_LIMIT * 100}%: ${yes(s.memoryFlat)} (page ${pct(s.pageGrowth)}, pose worker ${pct(s.workerGrowth)}; ` +
    `the page's V8 heap: compiled code ${pct(s.pageCodeGrowth)}, JS data ${pct(s.pageDataGrowth)}); ` +
    `${s.cueCount} cue latencies, ${s.cuesNotShown} raises with no new cue on screen`
}
