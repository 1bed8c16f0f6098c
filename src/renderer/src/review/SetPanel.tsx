import { useMemo, useState } from 'react'
import { AngleChart } from './AngleChart'
import type { CueMark, HoldMark, RepMark } from './chartMarks'
import { HoldStrip } from './HoldStrip'
import { holdTimeline } from './holdTimeline'
import { MAIN_ANGLE, angleSeries } from './mainAngle'
import { RepTable } from './RepTable'
import type { SetView } from './setViews'
import { SkeletonReplay, type ReplayClip } from './SkeletonReplay'
import { cueText, exerciseName } from './names'
import { formatSeconds } from './format'

/** One set of one exercise: its reps, holds, the main-angle chart and the replay. */
export function SetPanel({ view, posesLoaded }: { view: SetView; posesLoaded: boolean }) {
  const origin = view.originMs
  const holds = useMemo(() => view.holds.map((h) => holdTimeline(h, view.events)), [view])
  const clips = useMemo<ReplayClip[]>(
    () => [
      ...view.reps.map((r, i) => ({ label: `rep ${i + 1}${r.side ? ` (${r.side})` : ''}`, startMs: r.startMs, endMs: r.endMs })),
      ...holds.map((h, i) => ({ label: `hold ${i + 1}${h.side ? ` (${h.side})` : ''}`, startMs: h.startMs, endMs: h.endMs }))
    ],
    [view, holds]
  )
  const [clipIndex, setClipIndex] = useState(0)
  const chart = useMemo(() => {
    if (view.frames.length === 0) return null
    const series = angleSeries(view.exercise, view.frames)
    const shift = (ms: number) => (ms - origin) / 1000
    const reps: RepMark[] = view.reps.map((r) => ({ startS: shift(r.startMs), bottomS: shift(r.bottomMs), endS: shift(r.endMs), cued: r.cues.length > 0 }))
    const holdMarks: HoldMark[] = holds.flatMap((h) => h.stretches.map((st) => ({ startS: shift(st.startMs), endS: shift(st.endMs), state: st.state })))
    const cues: CueMark[] = view.events.flatMap((e) => (e.type === 'cue' && e.phase === 'raised' ? [{ tS: shift(e.t), label: cueText(e.id) }] : []))
    return { series: { ...series, t: series.t.map((t) => t - origin / 1000) }, reps, holds: holdMarks, cues }
  }, [view, origin, holds])

  const sides = view.parts.map((p) => p.side).filter((s) => s !== null)
  const first = view.parts[0]
  const details = [
    sides.length > 0 ? sides.join(' then ') : null,
    first.variant ? `variant: ${first.variant}` : null,
    first.bandColour ? `${first.bandColour} band` : null,
    view.parts.some((p) => p.endReason !== 'completed') ? `ended: ${view.parts.map((p) => p.endReason).join(', ')}` : null
  ].filter(Boolean)
  const repCount = view.parts.reduce((n, p) => n + p.repCount, 0)
  const holdSeconds = view.parts.reduce((n, p) => n + p.holdSeconds, 0)
  const clip = clips[Math.min(clipIndex, clips.length - 1)]

  return (
    <section className="review-set" aria-label={`${exerciseName(view.exercise)} set ${view.setIndex}`} data-set-key={view.key}>
      <h3>
        {exerciseName(view.exercise)}, set {view.setIndex}
        <span className="review-set-facts">
          {repCount > 0 && ` · ${repCount} reps`}
          {holdSeconds > 0 && ` · ${formatSeconds(holdSeconds)} held`}
          {details.length > 0 && ` · ${details.join(' · ')}`}
        </span>
      </h3>
      <RepTable reps={view.reps} originMs={origin} depthLabel={MAIN_ANGLE[view.exercise].isRepSignal ? MAIN_ANGLE[view.exercise].label.toLowerCase() : null} onReplay={(i) => setClipIndex(i)} />
      {holds.map((h, i) => (
        <HoldStrip key={h.startMs} timeline={h} originMs={origin} onReplay={() => setClipIndex(view.reps.length + i)} />
      ))}
      {repCount === 0 && holds.length === 0 && <p className="review-note">Nothing was counted in this set.</p>}
      {chart ? (
        <AngleChart series={chart.series} reps={chart.reps} holds={chart.holds} cues={chart.cues} />
      ) : (
        posesLoaded && <p className="review-note">No pose frames were saved for this set, so there is no angle chart or replay.</p>
      )}
      {chart && clip && <SkeletonReplay key={`${clip.startMs}-${clip.endMs}`} frames={view.frames} clip={clip} originMs={origin} />}
    </section>
  )
}
