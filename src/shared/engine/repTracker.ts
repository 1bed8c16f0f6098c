/**
 * A reusable rep-counting tracker: one angle signal per frame drives the pure rep machine, per-frame
 * form checks go through the cue debouncer while the rep is under way, and per-rep checks run when a
 * rep completes. Exercise modules supply the signal and the checks; this file owns the bookkeeping.
 */
import type { Body } from './body'
import { activeCues, clearAllCues, cueTransition, DEFAULT_CUE_DEBOUNCE, REP_CUE_DEBOUNCE, type CueState } from './cueDebouncer'
import { repTiming, type EngineEvent, type ExerciseId, type Side } from './events'
import { initialRepState, repTransition, type CompletedRep, type RepMachineConfig, type RepPhase, type RepState } from './repMachine'
import { createRestReference, referencedMachine, type RestReferenceConfig } from './restReference'
import type { InterruptibleTracker, RangeOfMotion } from './tracker'
import { median } from './windowStats'

/** One frame's reading of the rep signal, degrees, and the side it came from (null = both/none). */
export interface RepSignal {
  deg: number
  side: Side | null
  /** Working depth reached by another reading of the body than `deg`, held long enough to count (see RepInput); default false. */
  deep?: boolean
  /** That other reading past the depth line on this frame alone (form checks debounce it themselves). */
  pastDepthLine?: boolean
}

/** What per-frame checks see. */
export interface FrameCheckContext {
  body: Body
  phase: RepPhase
  signal: RepSignal
  /** When the rep in progress left rest, ms (the same on every frame of one rep): per-rep references key on it. */
  repStartMs: number
}

/** Per-frame check result: which cues could be judged on this frame and which of those are faulty. */
export interface FrameCheck {
  judged: string[]
  faults: string[]
}

/** A signal sample kept during the rep, for per-rep checks (tempo, pauses). */
export interface RepSample {
  tMs: number
  deg: number
}

export interface RepCheckContext {
  rep: CompletedRep
  side: Side | null
  samples: RepSample[]
  /**
   * The body at the rep's bottom: the frame whose reading, confirmed by its neighbours (the median of it and
   * the frames either side), is the deepest of the rep. One frame read deeper than both neighbours is a
   * keypoint spike, not the bottom (measured: BlazePose Lite drew a mirrored reverse lunge's legs crossed for
   * one frame as a rep began, 90° against a real bottom of 93° 0.9 s later, and the depth check judged the
   * spike). The deepest frame read when the rep had too few frames to confirm one.
   */
  bottom: Body
  /** The body on the frame that completed the rep. */
  end: Body
}

export interface RepTrackerSpec {
  exercise: ExerciseId
  machine: RepMachineConfig
  signal(body: Body): RepSignal | null
  checkFrame?(ctx: FrameCheckContext): FrameCheck
  /** Cue ids for the whole rep (e.g. pause too short), judged when it completes. */
  checkRep?(ctx: RepCheckContext): string[]
  /** Exercise facts recorded on the rep event. */
  variant?(ctx: RepCheckContext): Record<string, string | number | boolean> | undefined
  /** A frame without the signal for longer than this drops the rep in progress, ms. */
  signalGapMs?: number
  /** Measure the machine's thresholds from the runner's own rest (restReference.ts) instead of fixed angles. */
  restReference?: RestReferenceConfig
  /**
   * Cue raised when a movement leaves a settled rest and comes back without reaching working depth (a rep
   * too shallow to count), so the runner hears why it was not counted. Like any cue, the dip must last the
   * debounce's raise time (~1/3 s): a one-frame glitch says nothing.
   */
  shallowCue?: string
  /**
   * Once the set has counted reps, a dropped dip that travelled less than this share of their median range
   * (each measured from the runner's own top, in the current view) is a shift of stance at the top, not an
   * attempt at a rep, and `shallowCue` is not told. Unset: every settled shallow dip is told. Before the
   * set's first counted rep there is nothing to measure against, and every settled dip is told.
   */
  topShiftRangeFraction?: number
}

/**
 * A rep's side is voted over every frame of the rep, not read off one frame: side-view models swap the
 * legs' labels now and then. Within a set, once two reps agree on a side, a rep whose vote is less
 * decisive than 3 to 1 keeps that side (a same-leg set stays consistent); an alternating set votes
 * clearly for each new side and is followed.
 */
export const DECISIVE_SIDE_SHARE = 0.75

/** The majority side of a rep's votes, kept to the set's side unless the vote is decisive (DECISIVE_SIDE_SHARE). */
export function voteSide(votes: readonly (Side | null)[], setSide: Side | null): Side | null {
  const left = votes.filter((v) => v === 'left').length
  const right = votes.filter((v) => v === 'right').length
  if (left + right === 0) return null
  const majority: Side = left >= right ? 'left' : 'right'
  const share = Math.max(left, right) / (left + right)
  return setSide !== null && majority !== setSide && share < DECISIVE_SIDE_SHARE ? setSide : majority
}

/**
 * Back at rest this long after a too-shallow dip = it was an attempt at a rep, and the runner hears why it
 * did not count: the same persistence every cue needs (DEFAULT_CUE_DEBOUNCE.raiseAfterMs, ~1/3 s); a
 * wobble at the start of a real descent goes on down within it (measured 0.16–0.2 s).
 */
export const SHALLOW_SETTLE_MS = DEFAULT_CUE_DEBOUNCE.raiseAfterMs

/** The top is the median of the runner's last three rests (each its most rested reading): three outvote one noisy rest. */
const TOP_RESTS_KEPT = 3

/** Half a second without a readable signal is a tracking loss, not a pause in the movement. */
const DEFAULT_SIGNAL_GAP_MS = 500

/**
 * A rep's duration is what was seen of it. After this long without a reading at rest (8 frames at 30 fps,
 * 4 at 15 fps) the runner may have left rest at any moment of the hole, so a rep that begins there is timed
 * from the first reading after it, not from the last rest seen before. Otherwise a model re-finding the body
 * mid-glitch books the hole as the rep's descent (measured: BlazePose Full on a dim head-on push-up lost the
 * arms for 0.3 s at the top, re-found them bent for 0.25 s and booked a 0.6 s "rep", past the 0.5 s floor).
 * A real descent resumed after a hole still counts: it lasts long after it is seen again. The same hole makes
 * a shallow dip unjudged (its bottom may be in it) and restarts the settled time at rest: measured, BlazePose
 * Full lost a front-view squat for 250 ms in a scene fade, read a 20° dip around the hole and told "sit lower".
 */
export const REST_SEEN_GAP_MS = 250

/**
 * Such a gap is a hole only when at least one frame is missing from it: half an interval more than the
 * camera's usual one (the median of the last USUAL_GAP_SAMPLES intervals with a signal). Measured: a 4 frames/s
 * copy of the quarter squat, every interval 250 ms, restarted the settled time on every frame and was never
 * told "sit lower".
 */
export const MISSING_FRAME_GAP_FACTOR = 1.5
const USUAL_GAP_SAMPLES = 9

export interface RepTracker extends InterruptibleTracker {
  /** The current rep phase (for UI and composite trackers). */
  readonly phase: RepPhase
  /** The rep signal on the latest frame with the machine's lines, for a live range-of-motion bar; null without a signal. Read only: counting never uses it. */
  readonly rangeOfMotion: RangeOfMotion | null
}

export function createRepTracker(spec: RepTrackerSpec): RepTracker {
  let rep: RepState = initialRepState
  let cues: CueState = {}
  let repCues = new Set<string>()
  let samples: RepSample[] = []
  let bottom: { body: Body; side: Side | null; deg: number } | null = null
  /** The move's deepest frame as its neighbours confirm it (RepCheckContext.bottom); deg = the confirmed reading. */
  let confirmedBottom: { body: Body; side: Side | null; deg: number } | null = null
  /** The last two frames with a signal, oldest first, and whether each was part of a move: the neighbours that confirm a bottom. */
  let recent: { body: Body; side: Side | null; deg: number; moving: boolean }[] = []
  const deeperThan = (deg: number, than: number): boolean => (spec.machine.direction === 'flex' ? deg < than : deg > than)
  let sideVotes: (Side | null)[] = []
  /** Sides of the set's counted reps, newest last (for voteSide's set consistency). */
  let repSides: (Side | null)[] = []
  const setSide = (): Side | null => {
    const [a, b] = repSides.slice(-2)
    return repSides.length >= 2 && a === b ? a : null
  }
  let lastSignalMs: number | null = null
  /** The latest intervals between frames with a signal, ms: their median is the camera's usual interval. */
  let signalGapsMs: number[] = []
  /** The last frame with a readable signal. */
  let lastBody: Body | null = null
  let rangeOfMotion: RangeOfMotion | null = null
  const gapMs = spec.signalGapMs ?? DEFAULT_SIGNAL_GAP_MS
  let restView: string | null = null
  let viewChanged = false
  let shallowSinceMs: number | null = null
  /** When the runner last settled at rest (seen since without a hole), and whether the dip under way started from a settled rest and has been seen whole. */
  let restSinceMs: number | null = null
  let dipFromSettledRest = false
  const restRef = spec.restReference ? createRestReference(spec.machine.direction, spec.restReference) : null
  /** The runner's own top (rest) position, frozen during a move: the rest reference where the spec has one. */
  const top = restRef ?? createRestReference(spec.machine.direction, { restsKept: TOP_RESTS_KEPT, bounds: [-Infinity, Infinity] })
  /** How far a move went from the runner's top, degrees (0 before any top was seen). */
  const rangeFromTop = (extremeDeg: number): number => (top.restDeg === null ? 0 : Math.abs(top.restDeg - extremeDeg))
  /** Range from the top of each rep counted in this view, degrees: what a shallow dip is measured against (topShiftRangeFraction). */
  let countedRanges: number[] = []
  /** A dropped dip too small to be an attempt at one of the runner's own reps. */
  const isTopShift = (dip: RepState): boolean => {
    const own = median(countedRanges)
    return spec.topShiftRangeFraction !== undefined && own !== null && rangeFromTop(dip.extremeDeg) < spec.topShiftRangeFraction * own
  }
  const machine = (): RepMachineConfig => (restRef && spec.restReference ? referencedMachine(spec.machine, spec.restReference, restRef.restDeg, rep.phase === 'descending' || rep.phase === 'deep' ? rep.extremeDeg : null) : spec.machine)

  /** The rep event (and its rep-level cues) for a completed rep, counted at `tMs`; `end` is the last frame of it seen. */
  const repEvents = (done: CompletedRep, end: Body, tMs = end.tMs): EngineEvent[] => {
    const deepest = confirmedBottom ?? bottom
    if (!deepest) return []
    const events: EngineEvent[] = []
    const side = sideVotes.some((v) => v !== null) ? voteSide(sideVotes, setSide()) : deepest.side
    repSides.push(side)
    countedRanges.push(rangeFromTop(done.depthDeg))
    const ctx: RepCheckContext = { rep: done, side, samples, bottom: deepest.body, end }
    for (const id of spec.checkRep?.(ctx) ?? []) {
      if (!repCues.has(id)) events.push({ type: 'cue', t: tMs, phase: 'raised', id })
      repCues.add(id)
    }
    const variant = spec.variant?.(ctx)
    events.push({
      type: 'rep',
      t: tMs,
      exercise: spec.exercise,
      side,
      startMs: done.startMs,
      bottomMs: done.bottomMs,
      endMs: done.endMs,
      depthDeg: Math.round(done.depthDeg),
      rangeDeg: Math.round(done.rangeDeg),
      ...repTiming(done.startMs, done.bottomMs, done.endMs),
      cues: [...repCues],
      ...(variant ? { variant } : {})
    })
    return events
  }

  const dropRep = (tMs: number): EngineEvent[] => {
    const step = repTransition(machine(), rep, { type: 'interrupt', tMs })
    rep = step.state
    // A rep seen back at rest just before tracking ended still counts (RepState.ending), on the last frame seen.
    const counted = step.rep && lastBody ? repEvents(step.rep, lastBody, tMs) : []
    // After tracking was lost the runner is measured afresh: what the model reads as their rest may have
    // moved (a crop, a step, a turn), and an old reference could keep the tracker waiting for a rest it never sees.
    top.reset()
    samples = []
    bottom = null
    confirmedBottom = null
    recent = []
    repCues = new Set()
    const cleared = clearAllCues(cues, tMs)
    cues = cleared.state
    return [...counted, ...cleared.events]
  }

  const tracker: RepTracker = {
    get phase() {
      return rep.phase
    },
    get rangeOfMotion() {
      return rangeOfMotion
    },
    update(body) {
      const events: EngineEvent[] = []
      const signal = spec.signal(body)
      rangeOfMotion = null
      if (!signal || !Number.isFinite(signal.deg)) {
        if (lastSignalMs !== null && body.tMs - lastSignalMs > gapMs && rep.phase !== 'unready') events.push(...dropRep(body.tMs))
        return events
      }
      const gap = lastSignalMs === null ? null : body.tMs - lastSignalMs
      // A hole is frames missing, not a slow camera: at 4 frames/s every interval is 250 ms.
      const usualGap = median(signalGapsMs)
      const unseen = gap !== null && gap >= REST_SEEN_GAP_MS && (usualGap === null || gap >= MISSING_FRAME_GAP_FACTOR * usualGap)
      if (gap !== null) signalGapsMs = [...signalGapsMs, gap].slice(-USUAL_GAP_SAMPLES)
      if (rep.phase === 'rest' && unseen) {
        rep = { ...rep, restMs: body.tMs }
        // Nor is the runner known to have stayed settled through the hole: settling is timed from here.
        restSinceMs = body.tMs
      }
      // A dip with a hole in it was not seen whole (its real bottom may be in the hole): not told it was shallow.
      if ((rep.phase === 'descending' || rep.phase === 'deep') && unseen) dipFromSettledRest = false
      lastSignalMs = body.tMs
      lastBody = body
      const before = rep.phase
      // The rest reading depends on the view (a thigh seen front-on is foreshortened): a new view is re-measured.
      // A rep in progress keeps the reference it started with; the new view's rest is measured after it.
      if (body.view.view !== 'unknown') {
        if (restView !== null && body.view.view !== restView) viewChanged = true
        restView = body.view.view
      }
      if (viewChanged && (before === 'rest' || before === 'unready')) {
        top.reset()
        countedRanges = []
        viewChanged = false
      }
      restRef?.update(body.tMs, signal.deg, before === 'descending' || before === 'deep')
      if (top !== restRef) top.update(body.tMs, signal.deg, before === 'descending' || before === 'deep')
      // The state before this sample: a dip dropped on it is judged by the extreme it reached (isTopShift).
      const dip = rep
      const startMs = rep.startMs
      const step = repTransition(machine(), rep, { type: 'sample', tMs: body.tMs, angleDeg: signal.deg, deep: signal.deep })
      rep = step.state
      const lines = machine()
      rangeOfMotion = { unit: 'deg', value: signal.deg, rest: restRef?.restDeg ?? lines.returnRestDeg, target: lines.reachDepthDeg, direction: spec.machine.direction }
      const moving = rep.phase === 'descending' || rep.phase === 'deep'
      if (moving) {
        if (before === 'rest' || before === 'unready') {
          samples = []
          bottom = null
          confirmedBottom = null
          sideVotes = []
          repCues = new Set()
        }
        samples.push({ tMs: body.tMs, deg: signal.deg })
        sideVotes.push(signal.side)
        if (!bottom || deeperThan(signal.deg, bottom.deg)) bottom = { body, side: signal.side, deg: signal.deg }
      }
      // The previous frame, if part of the move, is confirmed to the median of it and its two neighbours.
      const [before2, before1] = recent
      if (before2 && before1?.moving) {
        const confirmed = median([before2.deg, before1.deg, signal.deg])!
        if (!confirmedBottom || deeperThan(confirmed, confirmedBottom.deg)) confirmedBottom = { body: before1.body, side: before1.side, deg: confirmed }
      }
      recent = [...recent, { body, side: signal.side, deg: signal.deg, moving }].slice(-2)
      if (spec.checkFrame && (moving || step.rep)) {
        const check = spec.checkFrame({ body, phase: rep.phase, signal, repStartMs: step.rep?.startMs ?? rep.startMs })
        const t = cueTransition(REP_CUE_DEBOUNCE, cues, { tMs: body.tMs, ...check })
        cues = t.state
        events.push(...t.events)
        for (const id of activeCues(cues)) repCues.add(id)
      }
      if (step.rep) events.push(...repEvents(step.rep, body))
      if (rep.phase === 'rest' && before !== 'rest') restSinceMs = body.tMs
      if (before === 'rest' && rep.phase !== 'rest') dipFromSettledRest = restSinceMs !== null && body.tMs - restSinceMs >= SHALLOW_SETTLE_MS
      if (step.dropped === 'too-shallow' && spec.shallowCue && dipFromSettledRest && body.tMs - startMs >= DEFAULT_CUE_DEBOUNCE.raiseAfterMs && !isTopShift(dip)) {
        shallowSinceMs = body.tMs
      }
      // A shallow dip is told only once the runner settles back at rest: one that runs straight into a deeper
      // descent was the wobbly start of that rep, not an attempt.
      if (shallowSinceMs !== null && rep.phase !== 'rest') shallowSinceMs = null
      if (shallowSinceMs !== null && spec.shallowCue && body.tMs - shallowSinceMs >= SHALLOW_SETTLE_MS) {
        events.push({ type: 'cue', t: body.tMs, phase: 'raised', id: spec.shallowCue })
        shallowSinceMs = null
      }
      if (step.rep || step.dropped) {
        const cleared = clearAllCues(cues, body.tMs, true)
        cues = cleared.state
        events.push(...cleared.events)
        repCues = new Set()
        samples = []
        bottom = null
        confirmedBottom = null
      }
      return events
    },
    interrupt(tMs) {
      return dropRep(tMs)
    },
    finish(tMs) {
      return dropRep(tMs)
    },
    reset() {
      rep = initialRepState
      rangeOfMotion = null
      cues = {}
      repCues = new Set()
      samples = []
      bottom = null
      confirmedBottom = null
      recent = []
      lastSignalMs = null
      signalGapsMs = []
      lastBody = null
      sideVotes = []
      repSides = []
      countedRanges = []
      shallowSinceMs = null
      restSinceMs = null
      dipFromSettledRest = false
      top.reset()
    }
  }
  return tracker
}

/** Wraps checks so callers can write `judge(id, seen, faulty)` lines. */
export function frameChecks(): { judge(id: string, seen: boolean, faulty: () => boolean): void; result(): FrameCheck } {
  const judged: string[] = []
  const faults: string[] = []
  return {
    judge(id, seen, faulty) {
      if (!seen) return
      judged.push(id)
      if (faulty()) faults.push(id)
    },
    result: () => ({ judged, faults })
  }
}

