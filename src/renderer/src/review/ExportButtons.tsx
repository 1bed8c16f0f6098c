import { useState } from 'react'
import { api } from '../api'
import type { ExportReceipt, Result } from '../../../shared/ipc'
import type { ExportFormat } from '../../../shared/session/exportFormats'

/** Export one session (with `sessionId`) or all sessions, as JSON or CSV, through the app's save dialog. */
export function ExportButtons({ sessionId }: { sessionId?: string }) {
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async (format: ExportFormat) => {
    setBusy(true)
    setMessage(null)
    const result: Result<ExportReceipt> = sessionId ? await api.exportSession(sessionId, format) : await api.exportAllSessions(format)
    setBusy(false)
    setMessage(describeExport(result))
  }
  const what = sessionId ? 'this session' : 'all sessions'
  return (
    <div className="review-export" role="group" aria-label={`Export ${what}`}>
      <button disabled={busy} onClick={() => run('json')}>Export {what} as JSON</button>
      <button disabled={busy} onClick={() => run('csv')}>Export {what} as CSV</button>
      {message && <span className="review-export-message" role="status">{message}</span>}
    </div>
  )
}

/** One sentence about how an export went. */
export function describeExport(result: Result<ExportReceipt>): string {
  if (!result.ok) return result.error
  const r = result.value
  if (r.cancelled) return 'Export cancelled.'
  const sessions = r.sessionCount === 1 ? '1 session' : `${r.sessionCount} sessions`
  const skipped = r.skipped.length > 0 ? ` Left out ${r.skipped.length} unreadable: ${r.skipped.map((s) => `${s.id} (${s.reason})`).join('; ')}.` : ''
  return `Saved ${sessions} as ${r.format.toUpperCase()} to ${r.path}.${skipped}`
}
