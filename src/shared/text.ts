/**
 * Keeping sentences for the runner short: values quoted inside them are cut, and a whole sentence
 * never exceeds MAX_ERROR_CHARS. Pure string functions.
 */
import { MAX_ERROR_CHARS, MAX_QUOTED_CHARS } from './ipcLimits'

/** `text` cut to at most `max` characters, ending in "…" when something was cut (never half an emoji). */
export function cutText(text: string, max: number = MAX_QUOTED_CHARS): string {
  if (text.length <= max) return text
  let end = Math.max(0, max - 1)
  // Do not leave the first half of a surrogate pair at the end.
  if (end > 0 && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--
  return `${text.slice(0, end)}…`
}

/** A sentence of at most `max` characters: cut at the last word break before the limit, with "…". */
export function limitSentence(sentence: string, max: number = MAX_ERROR_CHARS): string {
  if (sentence.length <= max) return sentence
  const cut = cutText(sentence, max)
  const lastSpace = cut.lastIndexOf(' ', max - 2)
  return lastSpace > max / 2 ? `${cut.slice(0, lastSpace)}…` : cut
}

/** 1234567 → "1,234,567": numbers in sentences read the same on every machine. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/**
 * "argument 1.settings.theme" or "summary.sets.0": the path to a value, each key cut so a huge key
 * cannot make a huge sentence. With `argumentList`, a leading index names the IPC argument.
 */
export function fieldPath(keys: readonly PropertyKey[], options: { argumentList?: boolean; empty?: string } = {}): string {
  if (keys.length === 0) return options.empty ?? 'the value'
  const parts = keys.map((k) => cutText(typeof k === 'symbol' ? (k.description ?? 'symbol') : String(k)))
  if (options.argumentList && /^\d+$/.test(parts[0])) parts[0] = `argument ${Number(parts[0]) + 1}`
  return parts.join('.')
}
