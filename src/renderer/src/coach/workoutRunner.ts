/**
 * Drives a workout from the pose stream: runs the placement check while the runner gets into
 * position, feeds the form engine during a set, turns its events into workout events, speaks cues,
 * beeps reps, and records everything (set boundaries, engine events, ~15 fps of poses) to the
 * session. Pose frames never touch React state: only phase-level changes reach the store.
 */
import type { StoreApi } from 'zustand'
import { getCue } from '../../../shared/engine/cues'
import { cameraMessage, cueNotJudgedMessage, notJudgedMessage, wrongExerciseMessage } from '../../../shared/engine/judging'
import type { Engine } from '../../../shared/engine/engine'
import type { EngineEvent, ExerciseId, Side } from '../../../shared/engine/events'
import type { ExerciseOptions } from '../../../shared/exercises/types'
import { EXERCISES, getExercise } from '../../../shared/exercises/index'
import type { PoseFrame } from '../../../shared/pose/types'
import { encodeJournalPose } from '../../../shared/session/poseEntry'
import { PoseSampler } from '../../../shared/session/poseSampler'
import type { SetEndReason } from '../../../shared/session/types'
import { readBody } from '../../../shared/workout/body-reading'
import { stepAt } from '../../../shared/workout/cursor'
import { GestureDetector, type Gesture } from '../../../shared/workout/gestures'
import { holdMs } from '../../../shared/workout/guards'
import { planStep } from '../../../shared/workout/plan'
import { partResultIndex } from '../../../shared/workout/sides'
import { checkPlacement, presenceOf } from '../../../shared/workout/placement'
import { DistanceHysteresis } from '../../../shared/workout/distanceHysteresis'
import { RangeBest, rangeBar, type RangeBar } from '../../../shared/workout/rangeBar'
import type { RangeOfMotion } from '../../../shared/engine/tracker'
import type { SetEnd, WorkoutEvent, WorkoutState } from '../../../shared/workout/types'
import type { AppState } from '../store'
import type { CueVoice } from './cueVoice'
import { exerciseName, partLabel } from './exerciseCatalogue'
import type { SessionRecorder } from './sessionRecorder'

/** The placement check looks at this much recent video: enough to ride out one bad frame. */
export const PLACEMENT_WINDOW_MS = 600
/** Placement and presence are re-checked this often; faster would only flicker the guidance. */
export const CHECK_EVERY_MS = 200
/** A placement instruction still unchanged after this long is said again (the runner may not have heard it). */
export const PLACEMENT_REPEAT_MS = 12_000
/** "Five seconds left" in holds and rests. */
export const LAST_SECONDS_MS = 5000
/** The runner keeps doing the recognised exercise this long while the offer stands: that is their yes. */
export const SWITCH_CONFIRM_MS = 5000

const COUNT_WORDS = ['', 'One', 'Two', 'Three']

/** Not-judged notices by where they come from, most basic first: the one shown is the first present. */
type NoticeSource = 'visibility' | 'camera' | 'cue-scope' | 'exercise'
const NOTICE_ORDER: NoticeSource[] = ['visibility', 'camera', 'exercise', 'cue-scope']
/** Notices that mean nothing is being judged: they stand over a form cue (the others give way to one). */
const BLOCKING_NOTICES = new Set<NoticeSource>(['visibility', 'exercise'])
/**
 * "From the side I can't check this: …" is news once: it is shown this long (and said once), then gives the
 * set line back to the count and the cues. A view that cannot show a cue stays that way all set; read from
 * the mat, a sentence that never changes is noise.
 */
export const CUE_SCOPE_SHOWN_MS = 4000

const END_REASONS: Record<SetEnd, SetEndReason> = {
  target: 'completed',
  skipped: 'skipped',
  'runner-left': 'stopped',
  'workout-ended': 'stopped',
  // Never ends a journal set: a mid-set switch keeps the set (each rep keeps the engine's side).
  'side-switch': 'stopped'
}

export interface RunnerDeps {
  store: StoreApi<AppState>
  recorder: SessionRecorder
  voice: CueVoice
  /** beep(): a counted rep; good(): a rep counted with no form cue (a brighter tone). */
  beep: { beep(): void; good?(): void }
  createEngine: (exercise: ExerciseId, options: ExerciseOptions) => Engine
  /** The workout clock, ms (performance.now in the app). */
  now: () => number
  /** Wall clock for journal entries, epoch ms. */
  wallNow: () => number
}

type InSet = Extract<WorkoutState, { phase: 'set' }>

export class WorkoutRunner {
  private recent: PoseFrame[] = []
  private lastCheckMs = -Infinity
  private readonly sampler = new PoseSampler()
  private engine: Engine | null = null
  /** The side the open journal set started on: its set-end line must name the same one. */
  private journalSide: Side | null = null
  private readonly unsubscribe: () => void
  private readonly gestures = new GestureDetector()
  private readonly distance = new DistanceHysteresis()
  private lastGuidance: string | null = null
  private lastCountdownSecond = 0
  /** Things said once per set part or rest ("five seconds left"), by key. */
  private said = new Set<string>()
  /** Routine reminders already shown this set: said once per set, not per rep (issue 11, item 6). */
  private routineShown = new Set<string>()
  private notices = new Map<NoticeSource, string>()
  /** Cue-scope sentences already shown this set. */
  private scopeShown = new Set<string>()
  /** When the current cue-scope notice was put up (app clock, ms). */
  private cueScopeSinceMs: number | null = null
  /** Exercises the runner declined to switch to this set: not offered again. */
  private declined = new Set<ExerciseId>()
  /** The latest range-of-motion reading and the deepest rep this set, for the range-of-motion bar. */
  private rangeOfMotion: RangeOfMotion | null = null
  private readonly rangeBest = new RangeBest()
  private readonly rangeListeners = new Set<(bar: RangeBar | null) => void>()

  constructor(private readonly deps: RunnerDeps) {
    this.unsubscribe = deps.store.subscribe((s, prev) => this.onStateChange(s.workout, prev.workout))
  }

  /** One pose from the stream (any rate; frames in timestamp order). */
  onPose(frame: PoseFrame): void {
    const w = this.workout()
    if (!w) return
    this.recent.push(frame)
    while (this.recent.length > 1 && frame.timestampMs - this.recent[0].timestampMs > PLACEMENT_WINDOW_MS) this.recent.shift()
    const now = this.deps.now()
    if (this.cueScopeSinceMs !== null && now - this.cueScopeSinceMs >= CUE_SCOPE_SHOWN_MS) {
      this.cueScopeSinceMs = null
      this.setNotice('cue-scope', null)
    }
    if (now - this.lastCheckMs >= CHECK_EVERY_MS) {
      this.lastCheckMs = now
      this.check(w, now)
    }
    const gesture = this.gestures.update(frame)
    if (gesture) this.onGesture(gesture)
    const current = this.workout()
    if (current?.phase === 'set' && current.pausedAtMs === null) this.judge(current, frame)
  }

  /** Moves time on (call a few times a second): countdowns, rests and hold targets; says the 3-2-1 and the last five seconds. */
  tick(): void {
    const t = this.deps.now()
    this.send({ type: 'TICK', t })
    const w = this.workout()
    if (!w) return
    const voice = this.deps.voice
    if (w.phase === 'countdown' && w.pausedAtMs === null) {
      const n = Math.ceil((w.endsAtMs - t) / 1000)
      if (n !== this.lastCountdownSecond && n >= 1 && n <= 3) voice.announce(COUNT_WORDS[n])
      this.lastCountdownSecond = n
    } else this.lastCountdownSecond = 0
    if (w.phase === 'rest' && w.pausedAtMs === null && w.endsAtMs - t <= LAST_SECONDS_MS) this.sayOnce('rest-last', 'Five seconds left.')
    if (w.phase === 'set' && w.pausedAtMs === null && w.live.holdRunningSinceMs !== null) {
      const target = stepAt(w.plan, w.cursor).holdSeconds
      if (target !== null && target * 1000 > LAST_SECONDS_MS && target * 1000 - holdMs(w.live, t) <= LAST_SECONDS_MS) this.sayOnce('hold-last', 'Five seconds left.')
    }
    const offer = this.deps.store.getState().coach.offer
    if (w.phase === 'set' && w.pausedAtMs === null && offer && t - offer.sinceMs >= SWITCH_CONFIRM_MS) this.acceptSwitch()
  }

  /** The runner accepted the switch to the exercise they are doing (held it, or pressed the button). */
  acceptSwitch(): void {
    const offer = this.deps.store.getState().coach.offer
    const w = this.workout()
    if (!offer || w?.phase !== 'set') return
    this.setNotice('exercise', null)
    this.deps.store.getState().setCoach({ offer: null })
    const step = planStep(getExercise(offer.exercise))
    this.send({ type: 'SWITCH_EXERCISE', t: this.deps.now(), step })
    this.deps.voice.announce(`Switched to ${exerciseName(offer.exercise).toLowerCase()}.`)
  }

  /** The runner keeps the planned exercise: the offer goes and is not made again this set. */
  declineSwitch(): void {
    const offer = this.deps.store.getState().coach.offer
    const w = this.workout()
    if (!offer || w?.phase !== 'set') return
    this.declined.add(offer.exercise)
    this.setNotice('exercise', null)
    this.deps.store.getState().setCoach({ offer: null })
    this.deps.voice.announce(`Staying with ${exerciseName(stepAt(w.plan, w.cursor).exercise).toLowerCase()}.`)
  }

  /**
   * The range-of-motion bar on every judged frame (null when the frame had no reading): at camera rate,
   * so it is for refs and direct DOM writes, never React state. Returns the unsubscribe.
   */
  onRangeBar(listener: (bar: RangeBar | null) => void): () => void {
    this.rangeListeners.add(listener)
    return () => this.rangeListeners.delete(listener)
  }

  dispose(): void {
    this.rangeListeners.clear()
    this.unsubscribe()
    this.engine = null
  }

  /** A pose gesture: pause / go on (one hand up), skip (arms crossed overhead); each confirmed aloud. */
  private onGesture(gesture: Gesture): void {
    const w = this.workout()
    if (!w || w.phase === 'plan' || w.phase === 'summary') return
    const t = this.deps.now()
    if (gesture === 'skip') {
      this.send({ type: 'SKIP', t, scope: 'part' })
      this.deps.voice.announce('Skipped.')
      return
    }
    if (this.deps.store.getState().coach.offer) return this.declineSwitch()
    const paused = 'pausedAtMs' in w && w.pausedAtMs !== null
    // The pause and go-on sentences are said on the state change (the same for keys, buttons and gestures).
    this.send({ type: paused ? 'RESUME' : 'PAUSE', t })
  }

  private sayOnce(key: string, sentence: string): void {
    if (this.said.has(key)) return
    this.said.add(key)
    this.deps.voice.announce(sentence)
  }

  /** Sets (or clears) one source's notice and shows the most basic one present; a new sentence is said once. */
  private setNotice(source: NoticeSource, text: string | null): void {
    if (text === null) this.notices.delete(source)
    else this.notices.set(source, text)
    const first = NOTICE_ORDER.find((s) => this.notices.has(s))
    const shown = first ? this.notices.get(first)! : null
    this.deps.store.getState().setCoach({ notice: shown, noticeBlocks: first !== undefined && BLOCKING_NOTICES.has(first) })
    if (text !== null) this.deps.voice.once(`notice:${text}`, text, this.deps.now())
  }

  private workout(): WorkoutState | null {
    return this.deps.store.getState().workout
  }

  private send(event: WorkoutEvent): void {
    this.deps.store.getState().send(event)
  }

  private check(w: WorkoutState, now: number): void {
    if (w.phase === 'placement' || w.phase === 'countdown') {
      const def = getExercise(stepAt(w.plan, w.cursor).exercise)
      const verdict = this.distance.apply(checkPlacement(def, this.recent), now)
      this.deps.store.getState().setPlacement(verdict)
      this.send({ type: 'PLACEMENT', t: now, ok: verdict.ok })
      // Every placement instruction is said once, and again if it still stands after a while.
      if (w.phase === 'placement' && w.pausedAtMs === null) {
        if (verdict.guidance !== this.lastGuidance) this.deps.voice.forget('placement')
        this.lastGuidance = verdict.guidance
        this.deps.voice.once('placement', verdict.guidance, now, PLACEMENT_REPEAT_MS)
      }
    } else if (w.phase === 'set') {
      const latest = this.recent[this.recent.length - 1]
      this.send({ type: 'PRESENCE', t: now, presence: presenceOf(readBody(latest)) })
    }
  }

  private judge(w: InSet, frame: PoseFrame): void {
    if (!this.engine) return
    const exercise = stepAt(w.plan, w.cursor).exercise
    const setIndex = w.cursor.set + 1
    // ~15 fps of poses for the review replay (the session module's one sampling rule).
    if (this.sampler.accept(frame.timestampMs)) {
      this.deps.recorder.add({ kind: 'pose', at: this.deps.wallNow(), exercise, setIndex, frame: encodeJournalPose(frame) })
    }
    let events: EngineEvent[]
    try {
      events = this.engine.push(frame)
    } catch {
      // A frame out of order (camera clock hiccup): start the engine afresh rather than stop coaching.
      this.engine.reset()
      return
    }
    this.rangeOfMotion = this.engine.rangeOfMotion ?? null
    this.rangeBest.reading(this.rangeOfMotion)
    for (const event of events) this.onEngineEvent(event, exercise, setIndex)
    if (this.rangeListeners.size === 0) return
    const bar = this.rangeOfMotion ? rangeBar(this.rangeOfMotion, this.rangeBest.best) : null
    for (const listener of this.rangeListeners) listener(bar)
  }

  private onEngineEvent(event: EngineEvent, exercise: ExerciseId, setIndex: number): void {
    const { recorder, voice, beep, now, wallNow } = this.deps
    recorder.add({ kind: 'engine', at: wallNow(), exercise, setIndex, event })
    const t = now()
    switch (event.type) {
      case 'rep': {
        this.rangeBest.rep(event.depthDeg)
        this.send({ type: 'REP', t, side: event.side })
        const clean = event.cues.length === 0
        if (clean && beep.good) beep.good()
        else beep.beep()
        if (clean) this.deps.store.getState().setCoach({ goodRepAtMs: t })
        const w = this.workout()
        voice.count(w?.phase === 'set' ? w.live.reps : w?.results.at(-1)?.reps ?? 0)
        break
      }
      case 'hold':
        this.send({ type: 'HOLD', t, running: event.phase === 'started' || event.phase === 'resumed', reason: event.reason, side: event.side })
        break
      case 'cue': {
        // Routine reminders (pause, arms overhead, depth) are shown and said once per set, not per rep.
        const routine = cueKind(event.id) === 'routine'
        if (event.phase === 'raised' && routine && this.routineShown.has(event.id)) break
        if (event.phase === 'raised' && routine) this.routineShown.add(event.id)
        this.send({ type: 'CUE', t, id: event.id, phase: event.phase })
        if (event.phase === 'raised') voice.cue(event.id, cueSentence(event.id), t)
        break
      }
      case 'visibility':
        this.setNotice('visibility', event.ok || !event.reason ? null : notJudgedMessage(event.reason, event.missing))
        break
      case 'camera':
        this.setNotice('camera', cameraMessage(event.state))
        break
      case 'cue-scope': {
        const text = event.judged ? null : cueNotJudgedMessage(event.id, event.view)
        // Each sentence is shown for CUE_SCOPE_SHOWN_MS once per set, not again when the view flickers back.
        if (text !== null && this.scopeShown.has(text)) break
        if (text !== null) this.scopeShown.add(text)
        this.cueScopeSinceMs = text === null ? null : this.deps.now()
        this.setNotice('cue-scope', text)
        break
      }
      case 'exercise':
        this.onExercise(event)
        break
      default:
        break
    }
  }

  /** The engine's guess at what the runner is doing: offer a switch to another routine exercise, or say it is none of them. */
  private onExercise(event: Extract<EngineEvent, { type: 'exercise' }>): void {
    const { recognised, planned, posture } = event
    const store = this.deps.store.getState()
    if (recognised === planned || (recognised !== null && this.declined.has(recognised))) {
      this.setNotice('exercise', null)
      store.setCoach({ offer: null })
      return
    }
    const text = wrongExerciseMessage(recognised, posture)
    if (recognised === null || !EXERCISES[recognised]) {
      store.setCoach({ offer: null })
      this.setNotice('exercise', text)
      return
    }
    if (store.coach.offer?.exercise !== recognised) store.setCoach({ offer: { exercise: recognised, text, sinceMs: this.deps.now() } })
    this.setNotice('exercise', null)
    this.deps.voice.once(`offer:${recognised}`, text, this.deps.now())
  }

  /** Set boundaries: a fresh engine per set part, set-start/set-end lines, the closing engine events. */
  private onStateChange(next: WorkoutState | null, prev: WorkoutState | null): void {
    if (next === prev) return
    const wasSet = prev?.phase === 'set' ? prev : null
    const isSet = next?.phase === 'set' ? next : null
    // Set to set directly is only ever the engine following the runner to the other side: same engine, same journal set.
    const samePart = wasSet && isSet && wasSet.plan === isSet.plan && wasSet.cursor.step === isSet.cursor.step && wasSet.cursor.set === isSet.cursor.set
    if (wasSet && !samePart) this.endSet(wasSet, next)
    if (isSet && !samePart) this.beginSet(isSet)
    if (wasSet && isSet && wasSet.cursor.part !== isSet.cursor.part) {
      this.deps.voice.announce(`Now ${partLabel(stepAt(isSet.plan, isSet.cursor).parts[isSet.cursor.part])}.`)
    }
    if (wasSet && isSet && samePart && wasSet.pausedAtMs !== null && isSet.pausedAtMs === null) {
      // After a pause the runner has moved: judge from scratch.
      this.engine?.reset()
    }
    this.confirmPause(prev, next)
    if (next?.phase === 'rest' && prev?.phase !== 'rest') {
      this.said.delete('rest-last')
      this.deps.voice.announce(`${next.sideSwitch ? 'Switch sides.' : 'Rest.'} ${nextUp(next)}`)
    }
    if (next?.phase === 'placement' && prev?.phase !== 'placement') {
      this.distance.reset()
      this.lastGuidance = null
      this.deps.voice.forget('placement')
    }
  }

  /** Pausing and going on are said aloud, however they came about (key, button, gesture, stepping out). */
  private confirmPause(prev: WorkoutState | null, next: WorkoutState | null): void {
    const was = prev && 'pausedAtMs' in prev ? prev.pausedAtMs : null
    const is = next && 'pausedAtMs' in next ? next.pausedAtMs : null
    if (prev?.phase !== next?.phase) return
    if (was === null && is !== null) {
      const steppedOut = next?.phase === 'set' && next.live.steppedOut
      this.deps.voice.announce(steppedOut ? "Paused. I'll go on when you're back in position." : 'Paused. Raise a hand to go on.')
    } else if (was !== null && is === null) this.deps.voice.announce('Go on.')
  }

  private beginSet(w: InSet): void {
    const step = stepAt(w.plan, w.cursor)
    this.engine = this.deps.createEngine(step.exercise, step.options)
    this.sampler.reset()
    this.deps.voice.reset()
    this.said.clear()
    this.routineShown.clear()
    this.scopeShown.clear()
    this.cueScopeSinceMs = null
    this.declined.clear()
    this.notices.clear()
    this.rangeOfMotion = null
    this.rangeBest.reset()
    this.deps.store.getState().setCoach({ notice: null, offer: null, goodRepAtMs: null })
    this.deps.voice.announce('Go.')
    this.journalSide = step.parts[w.cursor.part].side
    this.deps.recorder.add({
      kind: 'set-start',
      at: this.deps.wallNow(),
      exercise: step.exercise,
      setIndex: w.cursor.set + 1,
      side: step.parts[w.cursor.part].side,
      target: { ...(step.reps !== null && { reps: step.reps }), ...(step.holdSeconds !== null && { holdSeconds: step.holdSeconds }) },
      ...(step.options.variant !== undefined && { variant: step.options.variant }),
      ...(step.options.bandColour !== undefined && { bandColour: step.options.bandColour })
    })
  }

  private endSet(w: InSet, next: WorkoutState | null): void {
    const step = stepAt(w.plan, w.cursor)
    const setIndex = w.cursor.set + 1
    const wall = this.deps.wallNow()
    if (this.engine) {
      for (const event of this.engine.finish()) this.deps.recorder.add({ kind: 'engine', at: wall, exercise: step.exercise, setIndex, event })
    }
    this.engine = null
    const i = next ? partResultIndex(next.results, w.plan, w.cursor) : -1
    const endedBy = next && i >= 0 ? next.results[i].endedBy : 'workout-ended'
    this.deps.recorder.add({ kind: 'set-end', at: wall, exercise: step.exercise, setIndex, side: this.journalSide, reason: END_REASONS[endedBy] })
  }
}

/** "Next: Squat, set 2 of 2." — what comes after the rest, said as it starts. */
export function nextUp(w: Extract<WorkoutState, { phase: 'rest' }>): string {
  const step = stepAt(w.plan, w.cursor)
  const side = partLabel(step.parts[w.cursor.part])
  return `Next: ${exerciseName(step.exercise)}, set ${w.cursor.set + 1} of ${step.sets}${side ? `, ${side}` : ''}.`
}

function cueKind(id: string): 'form' | 'routine' | null {
  try {
    return getCue(id).kind
  } catch {
    return null
  }
}

/** The sentence for a cue id; an id the vocabulary lacks is still shown, as itself. */
export function cueSentence(id: string): string {
  try {
    return getCue(id).text
  } catch {
    return id
  }
}
