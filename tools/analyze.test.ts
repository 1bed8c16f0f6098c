import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_POSE_MODEL } from '../src/renderer/src/pose/catalogue'
import { buildReport, formatTable, parseAnalyzeArgs } from './analyze'
import { REPO_ROOT } from './poses'

describe('analyze arguments', () => {
  it('parses a video, exercise, model and flags in any order', () => {
    expect(parseAnalyzeArgs(['clip.mp4', '--exercise', 'squat'])).toEqual({ video: 'clip.mp4', exercise: 'squat', model: DEFAULT_POSE_MODEL, json: false, cache: true })
    expect(parseAnalyzeArgs(['--json', '--model', 'movenet-thunder', '--exercise', 'plank', 'a.mov', '--no-cache']))
      .toEqual({ video: 'a.mov', exercise: 'plank', model: 'movenet-thunder', json: true, cache: false })
  })

  it('names the bad value and the allowed set', () => {
    expect(() => parseAnalyzeArgs(['a.mp4', '--exercise', 'burpee'])).toThrow(/Unknown exercise "burpee"; expected one of: heel-taps, plank, .*squat/)
    expect(() => parseAnalyzeArgs(['a.mp4', '--exercise', 'squat', '--model', 'posenet'])).toThrow(/Unknown pose model "posenet"; expected one of: blazepose-lite/)
    expect(() => parseAnalyzeArgs(['a.mp4'])).toThrow(/--exercise is required/)
    expect(() => parseAnalyzeArgs(['--exercise', 'squat'])).toThrow(/No video given/)
    expect(() => parseAnalyzeArgs(['a.mp4', '--exercise'])).toThrow(/--exercise needs a value/)
    expect(() => parseAnalyzeArgs(['a.mp4', 'b.mp4', '--exercise', 'squat'])).toThrow(/Unexpected extra argument "b.mp4"/)
    expect(() => parseAnalyzeArgs(['a.mp4', '--exercise', 'squat', '--fast'])).toThrow(/Unknown option --fast/)
  })
})

describe('analyze report', () => {
  const result = {
    exercise: 'squat' as const,
    repCount: 1,
    reps: [{ start: 1.23456, bottom: 2, end: 3.5, side: null, cues: ['knees-in'] }],
    holds: [{ start: 0, end: 10, side: 'left' as const, goodFormSeconds: 8.25 }],
    cues: [{ t: 2.0004, id: 'knees-in' }],
    events: []
  }

  it('has exactly the documented JSON keys, times in seconds rounded to ms', () => {
    const report = buildReport(result, 'blazepose-full', 13.52, 338)
    expect(Object.keys(report)).toEqual(['exercise', 'model', 'durationSeconds', 'framesAnalyzed', 'repCount', 'reps', 'holds', 'cues'])
    expect(report.reps[0]).toEqual({ start: 1.235, bottom: 2, end: 3.5, side: null, cues: ['knees-in'] })
    expect(report.cues[0].t).toBe(2)
  })

  it('prints a readable table', () => {
    const table = formatTable(buildReport(result, 'blazepose-full', 13.52, 338))
    expect(table).toContain('squat: 1 rep(s), 1 hold(s); 338 frames over 13.5 s with blazepose-full')
    expect(table).toMatch(/^ +1 +1\.24 +2\.00 +3\.50 +- +knees-in$/m)
    expect(table).toContain('cues: 2.0s knees-in')
  })
})

describe('analyze CLI errors', () => {
  function runCli(args: string[]): { status: number | null; stderr: string; stdout: string } {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'tools', 'analyze.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' })
    return { status: r.status, stderr: r.stderr, stdout: r.stdout }
  }

  it('fails in one line for a missing file, an unknown exercise and a file that is not a video', () => {
    const missing = runCli(['/nonexistent/clip.mp4', '--exercise', 'squat'])
    expect(missing.status).not.toBe(0)
    expect(missing.stderr.trim()).toBe('analyze: Video not found: /nonexistent/clip.mp4; expected a path to a video file')

    const unknown = runCli(['/nonexistent/clip.mp4', '--exercise', 'jumping-jack'])
    expect(unknown.status).not.toBe(0)
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1)
    expect(unknown.stderr).toContain('Unknown exercise "jumping-jack"; expected one of: heel-taps, plank, side-plank')

    const bogus = join(mkdtempSync(join(tmpdir(), 'revup-analyze-')), 'not-a-video.mp4')
    writeFileSync(bogus, 'this is text, not an mp4\n')
    const bad = runCli([bogus, '--exercise', 'squat'])
    expect(bad.status).not.toBe(0)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stderr).toMatch(/^analyze: Cannot read video .*not-a-video\.mp4: /)
    expect(bad.stdout).toBe('')
  }, 90_000)
})
