/** How the review and progress screens write times, dates and numbers. */

/** "Mon 6 Jan 2025, 14:03" in the runner's locale. */
export function formatDateTime(iso: string | number): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return String(iso)
  return d.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}

/** Seconds as "42 s" or "1:05" (m:ss) from a minute on; "–" for none. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–'
  if (seconds < 60) return `${Math.round(seconds * 10) / 10} s`
  const whole = Math.round(seconds)
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

/** Clock position in a set, ms → "0:12.4". */
export function formatClock(ms: number): string {
  const tenths = Math.max(0, Math.round(ms / 100))
  const minutes = Math.floor(tenths / 600)
  const seconds = (tenths % 600) / 10
  return `${minutes}:${seconds.toFixed(1).padStart(4, '0')}`
}

/** Degrees, rounded; "–" when unmeasured. */
export function formatDeg(deg: number | null | undefined): string {
  return deg === null || deg === undefined || !Number.isFinite(deg) ? '–' : `${Math.round(deg)}°`
}

/** "squat" → "Squat", "side-plank" → "Side plank" when the registry has no name. */
export function titleCase(id: string): string {
  const words = id.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
