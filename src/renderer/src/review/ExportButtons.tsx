import { useState } from 'react'
import { api } from '../api'
import type { ExportReceipt, Result } from '../../../shared/ipc'
import { describeExport } from './exportMessage'
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
