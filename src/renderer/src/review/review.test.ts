import { describe, expect, it } from 'vitest'
import { encodePoses } from '../../../shared/pose/compact'
import { encodeJournalPose, type CompactPoseFrame } from '../../../shared/session/poseEntry'
import type { JournalEntry, SessionRecord } from '../../../shared/session/types'
import { describeExport } from './exportMessage'
import { formatClock, formatSeconds } from './format'
import { holdTimeline } from './holdTimeline'
import { angleSeries, betterSide } from './mainAngle'
import { decodePoseEntry, framesBetween, sessionPoses } from './sessionPoses'
import { buildSetViews } from './setViews'
import { frameIndexAt, fitRect } from './skeleton'
import { kneeFrame } from './testFrames'

const source = { model: 'blazepose-full', width: 640, height: 480, fps: 15, clip: 'test' }

describe('main angle', () => {
  it('measures a one-sided joint angle on the side the model saw better', () => {
    const frames = [kneeFrame(0, 170), kneeFrame(100, 95), kneeFrame(200, 160)]
    expect(betterSide(frames)).toBe('left')
    const series = angleSeries('step-up', frames)
    expect(series.label).toBe('Knee angle')
    expect(series.t).toEqual([0, 0.1, 0.2])
    expect(series.deg.map((d) => Math.round(d ?? -1))).toEqual([170, 95, 160])
  })

  it('leaves unseen frames empty instead of guessing', () => {
    const series = angleSeries('step-up', [kneeFrame(0, 120)], 'right')
    expect(series.deg).toEqual([null])
  })

  it('charts the squat on the signal its rep counter uses: the thigh above horizontal', () => {
    // kneeFrame's thigh lies flat (hip level with the knee): 0° above horizontal, whatever the knee does.
    const series = angleSeries('squat', [kneeFrame(0, 100)])
    expect(series.label).toBe('Thigh above horizontal')
    expect(Math.abs(series.deg[0] ?? 99)).toBeLessThan(1)
  })
})

describe('session poses', () => {
  const poseEntry = (setIndex: number, frame: unknown): JournalEntry => ({ kind: 'pose', at: 1, exercise: 'squat', setIndex, frame: frame as CompactPoseFrame })

  it('decodes journal poses and older one-row codec entries, per set, in time order', () => {
    const older = encodePoses([kneeFrame(200, 120)], source) as unknown as Record<string, unknown>
    const journal = encodeJournalPose(kneeFrame(100, 150))
    const poses = sessionPoses([poseEntry(1, older), poseEntry(1, journal), poseEntry(2, { nonsense: true } as never)])
    const frames = poses.bySet.get('squat#1') ?? []
    expect(frames.map((f) => f.timestampMs)).toEqual([100, 200])
    expect(frames[0].keypoints.map((k) => k.name)).toContain('left_knee')
    expect(poses.unreadable).toBe(1)
  })

  it('names what it expected when an entry is not a pose', () => {
    expect(() => decodePoseEntry({ timestampMs: 1 })).toThrow(/expected a journal pose \{ w, h, r \}/)
  })

  it('cuts a rep out of a set', () => {
    const frames = [0, 100, 200, 300].map((t) => kneeFrame(t, 170))
    expect(framesBetween(frames, 100, 200).map((f) => f.timestampMs)).toEqual([100, 200])
    expect(frameIndexAt(frames, 250)).toBe(2)
    expect(frameIndexAt(frames, -5)).toBe(0)
    expect(frameIndexAt(frames, 999)).toBe(3)
  })
})

describe('hold timeline', () => {
  it('splits a hold into held and paused stretches with the reason', () => {
    const hold = { exercise: 'plank' as const, setIndex: 1, side: null, startMs: 1000, endMs: 9000, goodFormMs: 6000, pauses: 1 }
    const events = [
      { type: 'hold' as const, t: 1000, phase: 'started' as const, side: null, goodFormMs: 0 },
      { type: 'hold' as const, t: 4000, phase: 'paused' as const, side: null, goodFormMs: 3000, reason: 'Hips sagging' },
      { type: 'hold' as const, t: 6000, phase: 'resumed' as const, side: null, goodFormMs: 3000 },
      { type: 'hold' as const, t: 9000, phase: 'ended' as const, side: null, goodFormMs: 6000 }
    ]
    expect(holdTimeline(hold, events).stretches).toEqual([
      { startMs: 1000, endMs: 4000, state: 'held' },
      { startMs: 4000, endMs: 6000, state: 'paused', reason: 'Hips sagging' },
      { startMs: 6000, endMs: 9000, state: 'held' }
    ])
  })

  it('ends an unfinished hold at the last event', () => {
    const hold = { exercise: 'plank' as const, setIndex: 1, side: null, startMs: 0, endMs: null, goodFormMs: 2000, pauses: 0 }
    const t = holdTimeline(hold, [{ type: 'cue', t: 2500, phase: 'raised', id: 'hips-sagging' }])
    expect(t.endMs).toBe(2500)
    expect(t.stretches).toEqual([{ startMs: 0, endMs: 2500, state: 'held' }])
  })
})

describe('set views', () => {
  it('joins the sides of one set and starts its clock at the first moment', () => {
    const rep = (side: 'left' | 'right', startMs: number) => ({
      exercise: 'lunge' as const, setIndex: 1, side, startMs, bottomMs: startMs + 500, endMs: startMs + 1000, durationMs: 1000, depthDeg: 92, rangeDeg: 70, cues: []
    })
    const part = (side: 'left' | 'right', startMs: number) => ({
      exercise: 'lunge' as const, setIndex: 1, side, startedAt: 0, endedAt: 1, endReason: 'completed' as const, target: { reps: 10 },
      repCount: 1, holdSeconds: 0, reps: [rep(side, startMs)], holds: [], warnings: []
    })
    const record = {
      file: {
        schemaVersion: 2, id: 's-20250101-120000-abcdef', startedAt: '2025-01-01T12:00:00.000Z', endedAt: '2025-01-01T12:10:00.000Z',
        status: 'complete', info: { title: 'Lunges', source: 'camera' },
        summary: { durationSeconds: 600, repCount: 2, holdSeconds: 0, exercises: [], sets: [part('right', 9000), part('left', 5000)], warnings: [], notes: [] }
      },
      entries: [{ kind: 'engine', at: 1, exercise: 'lunge', setIndex: 1, event: { type: 'cue', t: 4800, phase: 'raised', id: 'torso-leaning' } }]
    } as SessionRecord
    const [view] = buildSetViews(record, { bySet: new Map(), unreadable: 0 })
    expect(view.parts.map((p) => p.side)).toEqual(['right', 'left'])
    expect(view.reps.map((r) => r.side)).toEqual(['left', 'right'])
    expect(view.originMs).toBe(4800)
  })
})

describe('format', () => {
  it('writes times the way a runner reads them', () => {
    expect(formatSeconds(42.04)).toBe('42 s')
    expect(formatSeconds(65.4)).toBe('1:05')
    expect(formatSeconds(null)).toBe('–')
    expect(formatClock(12_440)).toBe('0:12.4')
    expect(formatClock(75_000)).toBe('1:15.0')
    expect(fitRect(640, 360, 320, 320)).toEqual({ x: 0, y: 70, width: 320, height: 180 })
  })
})

describe('export message', () => {
  it('says where the file went and names sessions left out', () => {
    const receipt = { cancelled: false as const, path: '/tmp/a.csv', format: 'csv' as const, sessionCount: 2, bytes: 10, skipped: [{ id: 's-x', reason: 'cut short' }] }
    expect(describeExport({ ok: true, value: receipt })).toBe('Saved 2 sessions as CSV to /tmp/a.csv. Left out 1 unreadable: s-x (cut short).')
    expect(describeExport({ ok: true, value: { cancelled: true } })).toBe('Export cancelled.')
    expect(describeExport({ ok: false, error: 'The disk is full.' })).toBe('The disk is full.')
  })
})
