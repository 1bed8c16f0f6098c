/**
 * The source split of `npm run eval -- --split source`: the labelled clips grouped by the repository they
 * came from (manifest.tsv `source_repo`) and dealt into two halves, so a change can be judged on the half
 * it was not developed on. Clips of one repository (same people, rooms, cameras, editing) stay together;
 * otherwise a rule fitted to a filmer would be "confirmed" by that filmer's other clip.
 *
 * The deal is deterministic and balanced twice, with no tuning: first the repositories with labelled
 * (scored) faults, most faults first, each to the half with fewer faults so far (then fewer clips, then A),
 * so both halves can measure recall; then the rest, most clips first, each to the half with fewer clips.
 */
import { basename } from 'node:path'

export interface ManifestRow {
  /** Clip path relative to the footage folder, e.g. 'squat/squat_side_studio_istock_hanshitha.mp4'. */
  clip: string
  sourceRepo: string
}

/** Parses manifest.tsv (a header row naming `path` and `source_repo`; paths start with 'footage/'). */
export function parseManifest(tsv: string): ManifestRow[] {
  const lines = tsv.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '')
  const header = (lines.shift() ?? '').split('\t')
  const pathCol = header.indexOf('path')
  const repoCol = header.indexOf('source_repo')
  if (pathCol < 0 || repoCol < 0) throw new Error(`manifest.tsv needs the columns path and source_repo; found: ${header.join(', ')}`)
  return lines.map((line) => {
    const cols = line.split('\t')
    return { clip: cols[pathCol].replace(/^footage\//, ''), sourceRepo: cols[repoCol] }
  })
}

export interface SourceHalf {
  name: 'A' | 'B'
  repos: string[]
  clips: string[]
  /** Scored faults labelled on its clips. */
  faults: number
}

/** A clip to place, with the number of its labelled faults that recall scores. */
export interface SplitClip {
  clip: string
  faults: number
}

/**
 * Deals the clips' repositories into halves A and B. A clip missing from the manifest is its own
 * "repository" (named after the clip) so it is still placed, and listed as such.
 */
export function splitBySource(clips: readonly SplitClip[], manifest: readonly ManifestRow[]): [SourceHalf, SourceHalf] {
  const repoOf = new Map(manifest.map((r) => [r.clip, r.sourceRepo]))
  const byRepo = new Map<string, SplitClip[]>()
  for (const c of clips) {
    const repo = repoOf.get(c.clip) ?? `(not in manifest: ${basename(c.clip)})`
    byRepo.set(repo, [...(byRepo.get(repo) ?? []), c])
  }
  const repos = [...byRepo.entries()].map(([repo, cs]) => ({ repo, clips: cs.map((c) => c.clip), faults: cs.reduce((n, c) => n + c.faults, 0) }))
  const halves: [SourceHalf, SourceHalf] = [{ name: 'A', repos: [], clips: [], faults: 0 }, { name: 'B', repos: [], clips: [], faults: 0 }]
  const place = (r: (typeof repos)[number], fewer: (a: SourceHalf, b: SourceHalf) => boolean): void => {
    const half = fewer(halves[1], halves[0]) ? halves[1] : halves[0]
    half.repos.push(r.repo)
    half.clips.push(...r.clips)
    half.faults += r.faults
  }
  const withFaults = repos.filter((r) => r.faults > 0).sort((a, b) => b.faults - a.faults || b.clips.length - a.clips.length || a.repo.localeCompare(b.repo))
  for (const r of withFaults) place(r, (x, y) => x.faults < y.faults || (x.faults === y.faults && x.clips.length < y.clips.length))
  const rest = repos.filter((r) => r.faults === 0).sort((a, b) => b.clips.length - a.clips.length || a.repo.localeCompare(b.repo))
  for (const r of rest) place(r, (x, y) => x.clips.length < y.clips.length)
  return halves
}

/** One half's numbers the gap compares; `faultsLabelled` = 0 makes its recall undefined, not 1. */
export interface HalfMetrics { exact: number; cueRecall: number; faultsLabelled: number }

/** "split gap: exact=… cueRecall=…": absolute differences between the halves, in points (×100). */
export function splitGapLine(a: HalfMetrics, b: HalfMetrics): string {
  const points = (x: number, y: number): string => (Math.abs(x - y) * 100).toFixed(0)
  const recall = a.faultsLabelled === 0 || b.faultsLabelled === 0 ? 'n/a (a half has no scored fault)' : `${points(a.cueRecall, b.cueRecall)} points`
  return `split gap: exact=${points(a.exact, b.exact)} points cueRecall=${recall} (issue 8: the worse half within 5 points of the better)`
}
