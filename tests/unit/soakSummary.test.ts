import { describe, expect, it } from 'vitest'
import { formatRow, fpsBetween, growth, matchCues, soakRows, summarise, summaryLine, verdictLine, type SoakSample } from '../bench/soakSummary'

const MB = 1048576

/** A reading at `s` seconds of a soak delivering `fps` poses/s from a 30 fps camera, with memory in MB. */
function sample(s: number, poses: number, pageMB = 10, workerMB = 30, cameraFrames: number | null = s * 30, codeMB = pageMB / 2): SoakSample {
  return {
    atMs: s * 1000, poses, workerDropped: 0, countsAtMs: 5000 + s * 1000, cameraFrames, cameraAtMs: 5000 + s * 1000,
    phase: 'set', pageBytes: pageMB * MB, workerBytes: workerMB * MB, pageCodeBytes: codeMB * MB, pageDataBytes: (pageMB - codeMB) * MB,
    rendererRssBytes: 400 * MB, domNodes: 900, load: 2
  }
}

describe('matchCues: frame captured → cue on screen', () => {
  it('pairs each cue shown with the latest raise of the same id before it', () => {
    const raised = [{ id: 'knees', frameMs: 1000 }, { id: 'knees', frameMs: 5000 }, { id: 'depth', frameMs: 5010 }]
    const shown = [{ id: 'knees', shownMs: 1080 }, { id: 'knees', shownMs: 5090 }]
    const { latencies, notShown } = matchCues(raised, shown)
    expect(latencies.map((l) => [l.id, l.latencyMs])).toEqual([['knees', 80], ['knees', 90]])
    expect(notShown).toBe(1)
  })

  it('gives no latency for a cue shown again with no new raise (after a pause), or long after its raise', () => {
    const raised = [{ id: 'knees', frameMs: 1000 }]
    const { latencies } = matchCues(raised, [{ id: 'knees', shownMs: 1100 }, { id: 'knees', shownMs: 1500 }])
    expect(latencies).toHaveLength(1)
    expect(matchCues(raised, [{ id: 'knees', shownMs: 4000 }]).latencies).toEqual([])
  })

  it('never pairs a cue with a raise from a frame captured after it appeared', () => {
    expect(matchCues([{ id: 'knees', frameMs: 2000 }], [{ id: 'knees', shownMs: 1990 }]).latencies).toEqual([])
  })
})

describe('soak rows and summary', () => {
  const samples = [sample(0, 0, 8, 25), sample(30, 840), sample(60, 1680, 10.5, 30), sample(90, 2490, 10.8, 30.3), sample(120, 3300, 11, 30.6)]

  it('makes one row per 30 s with delivered and camera frames/s and the dropped share', () => {
    const rows = soakRows(samples, [{ id: 'knees', frameMs: 5000 + 40_000, shownMs: 5000 + 40_100, latencyMs: 100 }], 5000)
    expect(rows).toHaveLength(4)
    expect(rows[0]).toMatchObject({ fromMs: 0, toMs: 30_000, fps: 28, cameraFps: 30, cues: 0 })
    expect(rows[0].droppedShare).toBeCloseTo(1 / 15)
    expect(rows[1]).toMatchObject({ cues: 1, cueP50: 100, cueP95: 100 })
    expect(rows[3].pageBytes).toBe(11 * MB)
  })

  it('compares the last minute with the first, and memory at the end with the first row\'s (the set\'s start-up is not growth)', () => {
    expect(fpsBetween(samples, 0, 60_000)).toBe(28)
    expect(fpsBetween(samples, 60_000, 120_000)).toBe(27)
    expect(growth([10, null, 10.5, 11])).toBeCloseTo(0.1)
    const s = summarise(samples, { latencies: [], notShown: 0 })
    expect(s.fpsDrift).toBeCloseTo(27 / 28 - 1)
    expect(s.fpsHeld).toBe(true)
    expect(s.pageGrowth).toBeCloseTo(0.1)
    expect(s.memoryFlat).toBe(false)
    expect(s.droppedShare).toBeCloseTo(1 - 3300 / 3600)
  })

  it('ends in the line issue 12 asks for, and says what was not measured', () => {
    const s = summarise(samples, matchCues([{ id: 'a', frameMs: 10 }, { id: 'a', frameMs: 20_000 }], [{ id: 'a', shownMs: 60 }, { id: 'a', shownMs: 20_120 }]))
    expect(summaryLine(s)).toBe('bench:soak minutes=2.0 fps=28.0/27.0 droppedPct=8.3 cueLatencyP50Ms=50 p95=120 rendererMemMB=10.0/11.0 workerMemMB=30.0/30.6')
    expect(verdictLine(s)).toContain('memory growth under 10%: NO (page +10.0%, pose worker +2.0%; the page\'s V8 heap: compiled code +10.0%, JS data +10.0%)')
    const blind = summarise(samples.map((x) => ({ ...x, cameraFrames: null, pageBytes: null, workerBytes: null })), { latencies: [], notShown: 0 })
    expect(summaryLine(blind)).toContain('droppedPct=– cueLatencyP50Ms=– p95=– rendererMemMB=–/–')
    expect(verdictLine(blind)).toContain('memory growth under 10%: not measured')
  })

  it('splits the page\'s growth into compiled code and JS data; only the issue\'s figure decides the verdict', () => {
    // Code warming up from 4 to 5.5 MB while the data stays at 5 MB: the page grows 15%, its data 0%.
    const warming = [sample(0, 0, 8, 30, 0, 3), sample(30, 840, 9, 30, 900, 4), sample(60, 1680, 10, 30, 1800, 5), sample(90, 2520, 10.5, 30, 2700, 5.5)]
    const s = summarise(warming, { latencies: [], notShown: 0 })
    expect(s.pageCodeGrowth).toBeCloseTo(0.375)
    expect(s.pageDataGrowth).toBeCloseTo(0)
    expect(s.memoryFlat).toBe(false)
    expect(verdictLine(s)).toContain('compiled code +37.5%, JS data +0.0%')
    expect(formatRow(soakRows(warming, [], 5000)[2])).toContain('| 10.5 | 5.5 / 5.0 | 30.0 |')
  })

  it('reads the split where it was taken (every few rows), from the first row\'s to the last one taken', () => {
    const none = { pageCodeBytes: null, pageDataBytes: null }
    const sparse = [sample(0, 0, 8, 30, 0, 3), sample(30, 840, 9, 30, 900, 4), { ...sample(60, 1680, 10, 30, 1800), ...none }, sample(90, 2520, 10.5, 30, 2700, 4.4), { ...sample(120, 3360, 10.6, 30, 3600), ...none }]
    const s = summarise(sparse, { latencies: [], notShown: 0 })
    expect(s.pageCodeGrowth).toBeCloseTo(0.1) // 4 → 4.4 MB
    expect(s.pageDataGrowth).toBeCloseTo(6.1 / 5 - 1) // 5 → 6.1 MB
    expect(formatRow(soakRows(sparse, [], 5000)[1])).toContain('| 10.0 | – / – |')
  })
})
