import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../../tests/fixtures/csv'
import { csvField, toCsv } from './csv'

describe('csv', () => {
  it('quotes commas, quotes, line breaks and edge spaces; doubles quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\rlf')).toBe('"cr\rlf"')
    expect(csvField(' padded ')).toBe('" padded "')
  })

  it('writes numbers as numbers, empties for missing or non-finite values', () => {
    expect(csvField(-12.5)).toBe('-12.5')
    expect(csvField(0)).toBe('0')
    expect(csvField(null)).toBe('')
    expect(csvField(undefined)).toBe('')
    expect(csvField(NaN)).toBe('')
    expect(csvField(true)).toBe('true')
  })

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField('+1')).toBe("'+1")
    expect(csvField('-knees')).toBe("'-knees")
    expect(csvField('@sum')).toBe("'@sum")
  })

  it('defuses a formula wherever a cell could start under any separator, and quotes the field', () => {
    expect(csvField('x;=1+1')).toBe(`"x;'=1+1"`)
    expect(csvField('a|@b')).toBe(`"a|'@b"`)
    expect(csvField('a; -2')).toBe(`"a; '-2"`)
    expect(csvField('\t=1')).toBe(`"'\t'=1"`)
    expect(csvField('knees-in/hips-sag')).toBe('knees-in/hips-sag')
    expect(csvField('a - b')).toBe('a - b')
  })

  it('ends every row with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n')
  })

  it('round-trips through a strict RFC 4180 reader', () => {
    const nasty = ['=1+1', 'a "quoted", comma', 'multi\r\nline', '', ' lead', 'ünï©ødé']
    const parsed = parseCsv(toCsv(['v'], nasty.map((v) => [v])))
    expect(parsed.slice(1).map((r) => r[0])).toEqual(nasty.map((v) => (/^[=+\-@]/.test(v) ? `'${v}` : v)))
    expect(parseCsv(toCsv(['v'], [['x;=1+1']]), ';').slice(1)).toEqual([["x;'=1+1"]])
  })
})
