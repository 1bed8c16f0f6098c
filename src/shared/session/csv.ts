/**
 * CSV writing per RFC 4180: comma-separated, CRLF line ends, quotes doubled. Spreadsheets do not
 * all split on commas (many locales split on ";", others on tabs or "|"), so a field is safe however
 * it is split: it is quoted whenever it holds any of those characters, and every place where a cell
 * could begin under any of them (the start, or just after one) has a formula start (= + - @, a tab
 * or a CR) defused with an apostrophe. Lists inside one field are joined with CSV_LIST_SEPARATOR,
 * which no spreadsheet offers as a column separator. Numbers are written as numbers.
 */

export type CsvValue = string | number | boolean | null | undefined

/** Joins the items of a list inside one field (cues, variant pairs): "/" is never a column separator. */
export const CSV_LIST_SEPARATOR = '/'

/**
 * A place a cell could begin (the field's start, or just after a character a spreadsheet may split
 * columns or rows on: , ; tab | CR LF), then spaces, then a formula start (= + - @ tab CR).
 */
const FORMULA_START = /(?<=^|[,;\t|\r\n])( *)(?=[=+\-@\t\r])/g
/** Quote whenever any splitter, a quote or edge spaces are in the field, so no splitter cuts it apart. */
const NEEDS_QUOTES = /[",;\t|\r\n]|^\s|\s$/

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const text = defuseFormulas(value)
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvList(items: readonly string[]): string {
  return items.join(CSV_LIST_SEPARATOR)
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',')
}

/** A whole CSV document: header row, then the rows, CRLF after every row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [csvRow(header), ...rows.map(csvRow)].map((line) => `${line}\r\n`).join('')
}

/** "x;=1+1" → "x;'=1+1": no cell can start with a formula, whichever character the sheet splits on. */
function defuseFormulas(text: string): string {
  return text.replace(FORMULA_START, "$1'")
}
