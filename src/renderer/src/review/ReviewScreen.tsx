import { useAppStore } from '../store'
import { SessionDetail } from './SessionDetail'
import { SessionList } from './SessionList'
import './review.css'

/** The 'review' screen: the session list, or one session when the screen param names it. */
export function ReviewScreen() {
  const sessionId = useAppStore((s) => s.screenParam)
  const navigate = useAppStore((s) => s.navigate)
  return sessionId ? (
    <SessionDetail id={sessionId} onBack={() => navigate('review')} />
  ) : (
    <SessionList onOpen={(id) => navigate('review', id)} />
  )
}
