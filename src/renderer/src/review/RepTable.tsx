import type { RepRecord } from '../../../shared/session/types'
import { formatClock, formatDeg, formatSeconds } from './format'
import { cueText } from './names'

/** Every rep of a set: when (at the bottom), side, depth and range of the main angle, duration, cues. */
export function RepTable({
  reps,
  originMs,
  depthLabel,
  onReplay
}: {
  reps: readonly RepRecord[]
  originMs: number
  /** What the engine's depth measures for this exercise, e.g. "thigh above horizontal"; null when unknown here. */
  depthLabel: string | null
  onReplay: (index: number) => void
}) {
  if (reps.length === 0) return null
  return (
    <table className="review-table review-reps" aria-label="Reps">
      <thead>
        <tr>
          <th>#</th><th>Time</th><th>Side</th><th title="The rep's main angle at its deepest point, as the form engine measured it">Depth{depthLabel && ` (${depthLabel})`}</th><th>Range</th><th>Duration</th><th>Cues</th><th />
        </tr>
      </thead>
      <tbody>
        {reps.map((rep, i) => (
          <tr key={`${rep.startMs}-${i}`} className={rep.cues.length > 0 ? 'cued' : 'clean'}>
            <td className="num">{i + 1}</td>
            <td className="num">{formatClock(rep.bottomMs - originMs)}</td>
            <td>{rep.side ?? '–'}</td>
            <td className="num">{formatDeg(rep.depthDeg)}</td>
            <td className="num">{formatDeg(rep.rangeDeg)}</td>
            <td className="num">{formatSeconds(rep.durationMs / 1000)}</td>
            <td>{rep.cues.length > 0 ? rep.cues.map(cueText).join(' ') : 'Clean'}</td>
            <td><button aria-label={`Replay rep ${i + 1}`} onClick={() => onReplay(i)}>Replay</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
