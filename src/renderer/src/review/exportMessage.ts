import type { ExportReceipt, Result } from '../../../shared/ipc'

/** One sentence about how an export went. */
export function describeExport(result: Result<ExportReceipt>): string {
  if (!result.ok) return result.error
  const r = result.value
  if (r.cancelled) return 'Export cancelled.'
  const sessions = r.sessionCount === 1 ? '1 session' : `${r.sessionCount} sessions`
  const skipped = r.skipped.length > 0 ? ` Left out ${r.skipped.length} unreadable: ${r.skipped.map((s) => `${s.id} (${s.reason})`).join('; ')}.` : ''
  return `Saved ${sessions} as ${r.format.toUpperCase()} to ${r.path}.${skipped}`
}
