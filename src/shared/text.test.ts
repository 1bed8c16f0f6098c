import { describe, expect, it } from 'vitest'
import { MAX_ERROR_CHARS } from './ipcLimits'
import { cutText, formatCount, limitSentence } from './text'

describe('text', () => {
  it('cuts quoted values with an ellipsis, never half an emoji', () => {
    expect(cutText('short', 10)).toBe('short')
    expect(cutText('x'.repeat(1_000_000), 10)).toBe(`${'x'.repeat(9)}…`)
    expect(cutText(`abcdefgh${'😀'}zz`, 10)).toBe('abcdefgh…')
  })

  it('keeps sentences within the limit, cut at a word break', () => {
    const long = `The request is not valid: ${'word '.repeat(200)}end.`
    const cut = limitSentence(long)
    expect(cut.length).toBeLessThanOrEqual(MAX_ERROR_CHARS)
    expect(cut).toMatch(/word…$/)
    expect(limitSentence('Fine.')).toBe('Fine.')
  })

  it('formats counts with thousands separators', () => {
    expect(formatCount(1_000_000)).toBe('1,000,000')
    expect(formatCount(999)).toBe('999')
  })
})
