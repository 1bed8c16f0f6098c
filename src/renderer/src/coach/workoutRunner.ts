/**
 * Drives a workout from the pose stream: runs the placement check while the runner gets into
 * position, feeds the form engine during a set, turns its events into workout events, speaks cues,
 * beeps reps, and records everything (set boundaries, engine events, ~15 fps of poses) to the
 * session. Pose frames never touch React state: only phase-level changes reach the store.
 */
import type { StoreApi } from 'zustand'
import { getCue } from '../../../shared/engine/cues'
import type { Engine } from '../../../shared/engine/engine'
import type { EngineEvent, ExerciseId, Side } from '../../../shared/engine/events'
import type { ExerciseOptions } from '../../../shared/exercises/types'
import { getExercise } from '../../../shared/exercises/index'
import type { PoseFrame } from '../../../shared/pose/types'
import { encodeJournalPose } from '../../../shared/session/poseEntry'
import { PoseSampler } from '../../../shared/session/poseSampler'
import type { SetEndReason } from '../../../shared/session/types'
import { readBody } from '../../../shared/workout/body-reading'
import { stepAt } from '../../../shared/workout/cursor'
import { partResultIndex } from '../../../shared/workout/sides'
import { checkPlacement, presenceOf } from '../../../shared/workout/placement'
import type { SetEnd, WorkoutEvent, WorkoutState } from '../../../shared/workout/types'
import type { AppState } from '../store'
import type { CueVoice } from './cueVoice'
import { partLabel } from './exerciseCatalogue'
import type { SessionRecorder } from './sessionRecorder'

/** The placement check looks at this much recent video: enough to ride out one bad frame. */
export const PLACEMENT_WINDOW_MS = 600
/** Placement and presence are re-checked this often; faster would only flicker the guidance. */
export const CHECK_EVERY_MS = 200

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
  beep: { beep(): void }
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
    if (now - this.lastCheckMs >= CHECK_EVERY_MS) {
      this.lastCheckMs = now
      this.check(w, now)
    }
    const current = this.workout()
    if (current?.phase === 'set' && current.pausedAtMs === null) this.judge(current, frame)
  }

  /** Moves time on (call a few times a second): countdowns, rests and hold targets. */
  tick(): void {
    this.send({ type: 'TICK', t: this.deps.now() })
  }

  dispose(): void {
    this.unsubscribe()
    this.engine = null
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
      const verdict = checkPlacement(def, this.recent)
      this.deps.store.getState().setPlacement(verdict)
      this.send({ type: 'PLACEMENT', t: now, ok: verdict.ok })
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
    for (const event of events) this.onEngineEvent(event, exercise, setIndex)
  }

  private onEngineEvent(event: EngineEvent, exercise: ExerciseId, setIndex: number): void {
    const { recorder, voice, beep, now, wallNow } = this.deps
    recorder.add({ kind: 'engine', at: wallNow(), exercise, setIndex, event })
    const t = now()
    switch (event.type) {
      case 'rep': {
        this.send({ type: 'REP', t, side: event.side })
        beep.beep()
        const w = this.workout()
        voice.count(w?.phase === 'set' ? w.live.reps : w?.results.at(-1)?.reps ?? 0)
        break
      }
      case 'hold':
        this.send({ type: 'HOLD', t, running: event.phase === 'started' || event.phase === 'resumed', reason: event.reason, side: event.side })
        break
      case 'cue':
        this.send({ type: 'CUE', t, id: event.id, phase: event.phase })
        if (event.phase === 'raised') voice.cue(event.id, cueSentence(event.id), t)
        break
      default:
        break
    }
  }

  /** Set boundaries: a fresh engine per set part, set-start/set-end lines, the closing engine events. */
  private onStateChange(next: WorkoutState | null, prev: WorkoutState | null): void {
    if (next === prev) return
    const wasSet = prev?.phase === 'set' ? prev : null
    const isSet = next?.phase === 'set' ? next : null
    // Set to set directly is only ever the engine following the runner to the other side: same engine, same journal set.
    const samePart = wasSet && isSet && wasSet.cursor.step === isSet.cursor.step && wasSet.cursor.set === isSet.cursor.set
    if (wasSet && !samePart) this.endSet(wasSet, next)
    if (isSet && !samePart) this.beginSet(isSet)
    if (wasSet && isSet && wasSet.cursor.part !== isSet.cursor.part) {
      this.deps.voice.announce(`Now ${partLabel(stepAt(isSet.plan, isSet.cursor).parts[isSet.cursor.part])}.`)
    }
    if (wasSet && isSet && samePart && wasSet.pausedAtMs !== null && isSet.pausedAtMs === null) {
      // After a pause the runner has moved: judge from scratch.
      this.engine?.reset()
    }
    if (next?.phase === 'rest' && prev?.phase !== 'rest') this.deps.voice.announce(next.sideSwitch ? 'Switch sides.' : 'Rest.')
  }

  private beginSet(w: InSet): void {
    const step = stepAt(w.plan, w.cursor)
    this.engine = this.deps.createEngine(step.exercise, step.options)
    this.sampler.reset()
    this.deps.voice.reset()
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

/** The sentence for a cue id; an id the vocabulary lacks is still shown, as itself. */
export function cueSentence(id: string): string {
  try {
    return getCue(id).text
  } catch {
    return id
  }
}
