import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodePoses } from '../src/shared/pose/compact'
import { FIXTURES_DIR, fixturePathFor, formatFixture, listFootageClips, parseExtractArgs } from './extract-fixtures'

describe('extract-fixtures arguments', () => {
  it('defaults to blazepose-full, 2 jobs, all clips', () => {
    expect(parseExtractArgs([])).toMatchObject({ model: 'blazepose-full', jobs: 2, only: [], force: false, clip: null })
    expect(parseExtractArgs(['--only', 'squat,plank', '--jobs', '1', '--force'])).toMatchObject({ only: ['squat', 'plank'], jobs: 1, force: true })
  })

  it('refuses more than 2 jobs, unknown models and unknown flags', () => {
    expect(() => parseExtractArgs(['--jobs', '8'])).toThrow(/--jobs must be 1..2 \(shared CPU\), got 8/)
    expect(() => parseExtractArgs(['--model', 'posenet'])).toThrow(/Unknown pose model "posenet"/)
    expect(() => parseExtractArgs(['--fast'])).toThrow(/Unknown option --fast/)
  })
})

describe('footage listing', () => {
  it('lists labelled clips and stand-ins, squat and plank first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'revup-footage-'))
    writeFileSync(join(dir, 'labels.json'), JSON.stringify([{ clip: 'lunge/b.mp4' }, { clip: 'squat/a.mp4' }, { clip: 'plank/c.mp4' }]))
    mkdirSync(join(dir, 'cable_row'))
    writeFileSync(join(dir, 'cable_row', 'row.mp4'), '')
    writeFileSync(join(dir, 'cable_row', 'notes.txt'), '')
    expect(listFootageClips(dir)).toEqual(['squat/a.mp4', 'plank/c.mp4', 'lunge/b.mp4', 'cable_row/row.mp4'])
    expect(() => listFootageClips(join(dir, 'missing'))).toThrow(/labels.json not found/)
  })

  it('maps a clip to its fixture path', () => {
    expect(relative(FIXTURES_DIR, fixturePathFor('lunge/lunge_forward_side_1rep_justfit.mov'))).toBe(join('lunge', 'lunge_forward_side_1rep_justfit.json'))
  })
})

describe('committed keypoint fixtures', () => {
  const files = readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(FIXTURES_DIR, d.name)).filter((f) => f.endsWith('.json')).map((f) => join(d.name, f)))

  it('exist for every footage folder', () => {
    expect(files.length).toBeGreaterThanOrEqual(35)
  })

  it.each(files)('%s decodes, names its clip, and has monotonic timestamps', (file) => {
    const text = readFileSync(join(FIXTURES_DIR, file), 'utf8')
    const { header, frames } = decodePoses(JSON.parse(text))
    expect(header.model).toBe('blazepose-full')
    expect(fixturePathFor(header.clip)).toBe(join(FIXTURES_DIR, file))
    expect(frames.length).toBeGreaterThan(50)
    for (let i = 1; i < frames.length; i++) expect(frames[i].timestampMs).toBeGreaterThan(frames[i - 1].timestampMs)
    // The file is written by formatFixture: re-formatting the parsed rows gives the same text.
    expect(formatFixture(JSON.parse(text))).toBe(text)
  })
})
