import { describe, expect, it } from 'vitest'
import { encodeJournalEntries, encodeJournalLine, parseJournal } from './journal'
import { decodeJournalPose, encodeJournalPose } from './poseEntry'
import type { JournalEntry, JournalHeader } from './types'

const header: JournalHeader = {
  kind: 'header',
  schemaVersion: 2,
  id: 's-20250105-140322-k3j9x2',
  startedAt: '2025-01-05T14:03:22.000Z',
  info: { title: 'Test', source: 'video', videoName: 'squat.mp4' }
}
const note: JournalEntry = { kind: 'note', at: 1, text: 'hello\nworld' }
const pose: JournalEntry = {
  kind: 'pose',
  at: 2,
  exercise: 'squat',
  setIndex: 1,
  frame: encodeJournalPose({ timestampMs: 33.3, imageWidth: 640, imageHeight: 480, keypoints: [{ name: 'left_hip', x: 0.41234, y: 0.5, score: 0.87 }] })
}

describe('journal lines', () => {
  it('round-trips header and entries, leaving poses out unless asked', () => {
    const text = encodeJournalLine(header) + encodeJournalEntries([note, pose])
    expect(text.split('\n')).toHaveLength(4)
    expect(parseJournal(text)).toEqual({ ok: true, header, entries: [note], droppedPartialLine: false, poseCount: 1 })
    const withPoses = parseJournal(text, { includePoses: true })
    expect(withPoses.ok && withPoses.entries).toEqual([note, pose])
  })

  it('drops only an incomplete last line', () => {
    const text = encodeJournalLine(header) + encodeJournalEntries([note])
    expect(parseJournal(`${text}{"kind":"no`)).toMatchObject({ ok: true, droppedPartialLine: true, entries: [note] })
    expect(parseJournal(text.slice(0, -1))).toMatchObject({ ok: true, droppedPartialLine: false, entries: [note] })
  })

  it('names what is wrong with a damaged journal', () => {
    expect(parseJournal('')).toEqual({ ok: false, reason: expect.stringContaining('no header') })
    expect(parseJournal('{oops\n')).toEqual({ ok: false, reason: expect.stringContaining('header (line 1) is not valid JSON') })
    expect(parseJournal(`${JSON.stringify({ ...header, id: '../x' })}\n`)).toEqual({ ok: false, reason: expect.stringMatching(/line 1\).*id/) })
    const badEntry = encodeJournalLine(header) + '{"kind":"note","at":"soon","text":"x"}\n' + encodeJournalEntries([note])
    expect(parseJournal(badEntry)).toEqual({ ok: false, reason: expect.stringMatching(/^Line 2 of the journal is not valid: at: /) })
  })
})

describe('journal pose frames', () => {
  it('keeps the compact codec precision and drops keypoints the model never produced', () => {
    const frame = decodeJournalPose(pose.kind === 'pose' ? pose.frame : { w: 1, h: 1, r: [0] })
    expect(frame).toEqual({ timestampMs: 33.3, imageWidth: 640, imageHeight: 480, keypoints: [{ name: 'left_hip', x: 0.4123, y: 0.5, score: 0.87 }] })
  })

  it('stores a frame without a person as just its time', () => {
    expect(encodeJournalPose({ timestampMs: 5, imageWidth: 640, imageHeight: 480, keypoints: [] })).toEqual({ w: 640, h: 480, r: [5] })
  })
})

describe('journal rep events', () => {
  it('gives reps written before they carried a tempo one from their start, bottom and end', () => {
    const oldRep = { type: 'rep', t: 2000, exercise: 'squat', side: null, startMs: 0, bottomMs: 1200, endMs: 2000, depthDeg: 10, rangeDeg: 80, durationMs: 2000, cues: [] }
    const line = JSON.stringify({ kind: 'engine', at: 5, exercise: 'squat', setIndex: 1, event: oldRep })
    const parsed = parseJournal(`${encodeJournalLine(header)}${line}\n`)
    expect(parsed.ok && parsed.entries[0]).toMatchObject({ event: { tempo: { downMs: 1200, upMs: 800 } } })
  })
})
