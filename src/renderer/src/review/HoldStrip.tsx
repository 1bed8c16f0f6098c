import { formatClock, formatSeconds } from './format'
import type { HoldTimeline } from './holdTimeline'

/** One hold as a bar: green while held with good form, grey while paused (hover says why). */
export function HoldStrip({ timeline, originMs, onReplay }: { timeline: HoldTimeline; originMs: number; onReplay: () => void }) {
  const span = Math.max(1, timeline.endMs - timeline.startMs)
  const side = timeline.side ? ` (${timeline.side} side)` : ''
  return (
    <div className="review-hold">
      <div className="review-hold-head">
        <span>
          Hold{side} from {formatClock(timeline.startMs - originMs)} to {formatClock(timeline.endMs - originMs)}: {formatSeconds(timeline.goodFormMs / 1000)} with good form
        </span>
        <button onClick={onReplay}>Replay</button>
      </div>
      <div className="review-hold-bar" role="img" aria-label={`Hold timeline${side}`}>
        {timeline.stretches.map((s) => (
          <span
            key={s.startMs}
            className={`stretch ${s.state}`}
            style={{ left: `${((s.startMs - timeline.startMs) / span) * 100}%`, width: `${((s.endMs - s.startMs) / span) * 100}%` }}
            title={s.state === 'paused' ? `Paused: ${s.reason ?? 'form or visibility'}` : 'Held with good form'}
          />
        ))}
      </div>
    </div>
  )
}
