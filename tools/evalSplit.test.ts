import { describe, expect, it } from 'vitest'
import { parseManifest, splitBySource, splitGapLine } from './evalSplit'

const TSV = [
  'path\tsource_repo\tsource_path\tnotes',
  'footage/squat/a.mp4\tann/squats\ta.mp4\t',
  'footage/squat/b.mp4\tann/squats\tb.mp4\t',
  'footage/plank/c.mp4\tbob/planks\tc.mp4\t',
  'footage/lunge/d.mp4\tcat/lunges\td.mp4\t',
  'footage/pushup/e.mp4\tdan/pushups\te.mp4\t',
  'footage/squat/f.mp4\teve/faults\tf.mp4\t'
].join('\n')

describe('source split', () => {
  it('reads clip paths (without footage/) and source repositories from manifest.tsv', () => {
    const rows = parseManifest(`${TSV}\n`)
    expect(rows).toHaveLength(6)
    expect(rows[0]).toEqual({ clip: 'squat/a.mp4', sourceRepo: 'ann/squats' })
    expect(() => parseManifest('path\tnotes\nx\ty')).toThrow(/needs the columns path and source_repo; found: path, notes/)
  })

  it('keeps each repository in one half, deals fault-bearing repositories first by faults, then the rest by clips', () => {
    const clips = [
      { clip: 'squat/a.mp4', faults: 2 }, { clip: 'squat/b.mp4', faults: 0 }, { clip: 'plank/c.mp4', faults: 0 },
      { clip: 'lunge/d.mp4', faults: 0 }, { clip: 'pushup/e.mp4', faults: 0 }, { clip: 'squat/f.mp4', faults: 3 }
    ]
    const [a, b] = splitBySource(clips, parseManifest(TSV))
    // eve (3 faults) → A, ann (2 faults, 2 clips) → B; then bob, cat, dan (1 clip each, by name) each to the
    // half with fewer clips, A on a tie: bob → A (1 < 2), cat → A (2 = 2), dan → B (2 < 3).
    expect(a).toEqual({ name: 'A', repos: ['eve/faults', 'bob/planks', 'cat/lunges'], clips: ['squat/f.mp4', 'plank/c.mp4', 'lunge/d.mp4'], faults: 3 })
    expect(b).toEqual({ name: 'B', repos: ['ann/squats', 'dan/pushups'], clips: ['squat/a.mp4', 'squat/b.mp4', 'pushup/e.mp4'], faults: 2 })
    expect(a.clips.length + b.clips.length).toBe(6)
    const again = splitBySource([...clips].reverse(), parseManifest(TSV))
    expect(again.map((h) => [...h.repos].sort())).toEqual([a, b].map((h) => [...h.repos].sort()))
  })

  it('balances clip counts within one repository of each other', () => {
    const clips = 'abcdef'.split('').map((c) => ({ clip: `x/${c}.mp4`, faults: 0 }))
    const manifest = clips.map((c, i) => ({ clip: c.clip, sourceRepo: `repo${i}` }))
    const [a, b] = splitBySource(clips, manifest)
    expect(Math.abs(a.clips.length - b.clips.length)).toBeLessThanOrEqual(1)
  })

  it('places a clip the manifest does not know as its own source', () => {
    const [a] = splitBySource([{ clip: 'new/clip.mp4', faults: 0 }], [])
    expect(a.repos).toEqual(['(not in manifest: clip.mp4)'])
  })

  it('prints the gap in points, and no recall gap when a half has no scored fault', () => {
    expect(splitGapLine({ exact: 0.95, cueRecall: 0.8, faultsLabelled: 8 }, { exact: 0.9, cueRecall: 0.7, faultsLabelled: 9 }))
      .toMatch(/^split gap: exact=5 points cueRecall=10 points/)
    expect(splitGapLine({ exact: 1, cueRecall: 1, faultsLabelled: 0 }, { exact: 1, cueRecall: 0.5, faultsLabelled: 4 })).toContain('cueRecall=n/a')
  })
})
