import { useCallback, useEffect, useState } from 'react'
import type { Result } from '../../../shared/ipc'

/** The state of one IPC load: loading, its value, or the sentence saying why it failed. */
export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: string }

/**
 * Runs `load` when `key` changes (and on `reload()`), keeping only the latest answer, so a slow
 * reply for a session the runner already left never overwrites the one they are looking at.
 */
export function useResult<T>(key: string, load: () => Promise<Result<T>>): [Loaded<T>, () => void] {
  const [state, setState] = useState<{ key: string; loaded: Loaded<T> }>({ key, loaded: { state: 'loading' } })
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let current = true
    load().then((r) => {
      if (current) setState({ key, loaded: r.ok ? { state: 'ready', value: r.value } : { state: 'failed', error: r.error } })
    })
    return () => {
      current = false
    }
    // `load` is a fresh closure every render; `key` and `generation` say when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return [state.key === key ? state.loaded : { state: 'loading' }, reload]
}
