/** Loads every readable session and reduces it for progress; damaged ones are counted, not hidden. */
import { api } from '../api'
import type { Result } from '../../../shared/ipc'
import { progressSessionOf, type ProgressSession } from '../../../shared/progress'

export interface ProgressData {
  sessions: ProgressSession[]
  /** Sessions that could not be read, with why (listed under the charts). */
  unreadable: { id: string; reason: string }[]
}

export async function loadProgress(): Promise<Result<ProgressData>> {
  const list = await api.listSessions()
  if (!list.ok) return list
  const unreadable: ProgressData['unreadable'] = []
  const sessions: ProgressSession[] = []
  for (const item of list.value) {
    if (item.state === 'damaged') {
      unreadable.push({ id: item.id, reason: item.reason })
      continue
    }
    if (item.state === 'active') continue
    const record = await api.getSession(item.id)
    if (record.ok) sessions.push(progressSessionOf(record.value.file))
    else unreadable.push({ id: item.id, reason: record.error })
  }
  return { ok: true, value: { sessions, unreadable } }
}
