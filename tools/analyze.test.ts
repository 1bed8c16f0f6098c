import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_POSE_MODEL } from '../src/pose/catalogue'
import type { EngineEvent } from '../src/shared/engine/events'
import type { PoseFrame } from '../src/shared/pose/types'
import { buildReport, formatTable, frameFacts, parseAnalyzeArgs } from './analyze'
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

  it('keeps issue #3\'s JSON keys first, then the documented new ones; times in seconds rounded to ms', () => {
    const report = buildReport(result, 'blazepose-full', 13.52, 338)
    expect(Object.keys(report)).toEqual([
      'exercise', 'model', 'durationSeconds', 'framesAnalyzed', 'repCount', 'reps', 'holds', 'cues',
      'judgedSeconds', 'notJudgedSeconds', 'notJudged', 'notJudgedByReason', 'cueScope', 'camera', 'exerciseRecognised',
      'zeroReason', 'framesWithPerson', 'meanLuminance'
    ])
    expect(report.reps[0]).toEqual({ start: 1.235, bottom: 2, end: 3.5, side: null, cues: ['knees-in'] })
    expect(report.cues[0].t).toBe(2)
    expect(report.zeroReason).toBeNull()
    expect(report.exerciseRecognised).toMatchObject({ planned: 'squat', recognised: 'squat', raised: false })
  })

  it('prints a readable table', () => {
    const table = formatTable(buildReport(result, 'blazepose-full', 13.52, 338))
    expect(table).toContain('squat: 1 rep(s), 1 hold(s); 338 frames over 13.5 s with blazepose-full')
    expect(table).toMatch(/^ +1 +1\.24 +2\.00 +3\.50 +- +knees-in$/m)
    expect(table).toContain('cues: 2.0s knees-in')
    expect(table).toContain('judged 13.5 s of 13.5 s; not judged 0.0 s')
    expect(table).toContain('exercise: asked squat, recognised squat (no recognition raised; taken as planned)')
  })

  it('reports what was not judged and why, the camera and the exercise recognised, and never a bare zero', () => {
    const events: EngineEvent[] = [
      { type: 'camera', t: 0, rollDeg: 1.04, state: 'level' },
      { type: 'visibility', t: 0, ok: false, missing: ['left_ankle', 'right_ankle'], reason: 'out-of-frame' },
      { type: 'cue-scope', t: 0, id: 'squat-knees-caving', judged: false, view: 'front' },
      { type: 'camera', t: 2000, rollDeg: 12.3, state: 'tilted' },
      { type: 'visibility', t: 3000, ok: true, missing: [] },
      { type: 'exercise', t: 3500, recognised: 'lunge', planned: 'squat', posture: 'standing' }
    ]
    const zero = { exercise: 'squat' as const, repCount: 0, reps: [], holds: [], cues: [], events }
    const report = buildReport(zero, 'blazepose-lite', 4, 120, { withPerson: 120, meanLuminance: 0.41234 })
    expect(report.notJudged).toEqual([{ start: 0, end: 3, reason: 'out-of-frame', missing: ['left_ankle', 'right_ankle'], message: 'Your feet are out of the picture: move the laptop further away.' }])
    expect([report.judgedSeconds, report.notJudgedSeconds]).toEqual([1, 3])
    expect(report.cueScope).toMatchObject([{ start: 0, end: 4, id: 'squat-knees-caving', view: 'front' }])
    expect(report.camera).toEqual({
      state: 'tilted', rollDeg: 12.3, maxAbsRollDeg: 12.3,
      spans: [{ start: 0, end: 2, state: 'level', rollDeg: 1 }, { start: 2, end: 4, state: 'tilted', rollDeg: 12.3 }]
    })
    expect(report.exerciseRecognised).toMatchObject({ planned: 'squat', recognised: 'lunge', raised: true, message: 'This looks like lunges: switch to lunges?' })
    expect(report.meanLuminance).toBe(0.412)
    expect(report.zeroReason).toBe('Your feet are out of the picture: move the laptop further away. (not judged 3.0 of 4.0 s; nothing counted)')

    const table = formatTable(report)
    expect(table).toContain('nothing counted: Your feet are out of the picture')
    expect(table).toMatch(/^ {2}not judged +0\.00- +3\.00 s {2}out-of-frame +Your feet are out of the picture/m)
    expect(table).toContain('cue not judged   0.00-  4.00 s  squat-knees-caving (front view)')
    expect(table).toContain('camera: tilted (roll 12°, largest 12°); tilted 12°   2.00-  4.00 s')
    expect(table).toContain('exercise: asked squat, recognised lunge - This looks like lunges: switch to lunges?')
  })

  it('counts frames with a person and averages the measured luminance', () => {
    const frame = (keypoints: number, meanLuminance?: number): PoseFrame =>
      ({ timestampMs: 0, imageWidth: 10, imageHeight: 10, keypoints: Array.from({ length: keypoints }, () => ({ name: 'nose' as const, x: 0, y: 0, score: 1 })), meanLuminance })
    const facts = frameFacts([frame(1, 0.2), frame(0, 0.4), frame(1)])
    expect(facts.withPerson).toBe(2)
    expect(facts.meanLuminance).toBeCloseTo(0.3)
    expect(frameFacts([frame(0)])).toEqual({ withPerson: 0, meanLuminance: null })
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
