/**
 * The guided workout: the camera and skeleton on one side, the phase (placement, countdown, set,
 * rest) huge on the other. Owns the live pipeline, the runner, the voice, the beep and the session
 * recorder for as long as the workout runs; hands over to the Summary when it ends.
 * Hands-free: one hand held above the head pauses / goes on, forearms crossed overhead skip (gestures.ts);
 * stepping out pauses. Keys: space pauses/resumes, → skips the set or rest, shift+→ skips the exercise,
 * Esc asks to finish (Esc again, or Enter, finishes).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { api } from '../api'
import type { CameraPreference } from '../camera/cameraPreference'
import { createEngine } from '../../../shared/engine/engine'
import { getCue } from '../../../shared/engine/cues'
import type { KeypointName } from '../../../shared/pose/types'
import { LiveView } from '../live/LiveView'
import { useLivePipeline } from '../live/useLivePipeline'
import { usePoseSettings } from '../live/usePoseSettings'
import { useAppStore } from '../store'
import { CueVoice } from './cueVoice'
import { CoachSpeaker } from './speech/speaker'
import { exerciseName } from './exerciseCatalogue'
import { stepAt } from '../../../shared/workout/cursor'
import { plannedSteps } from '../../../shared/workout/resume'
import { PlacementPanel } from './PlacementPanel'
import type { RangeBarSubscribe } from './RangeOfMotionBar'
import { RepBeep } from './repBeep'
import { RestPanel } from './RestPanel'
import { SessionRecorder } from './sessionRecorder'
import { pausedText, SetPanel } from './SetPanel'
import { WorkoutRunner } from './workoutRunner'
import './coach.css'

/** TICKs move countdowns, rests and hold targets on; 10 Hz is finer than any display needs. */
const TICK_MS = 100

export function WorkoutScreen() {
  const workout = useAppStore((s) => s.workout)
  const saveProblem = useAppStore((s) => s.save.problem)
  const model = useAppStore((s) => s.settings.model)
  const cameraId = useAppStore((s) => s.settings.cameraId)
  const cameraResolution = useAppStore((s) => s.settings.cameraResolution)
  const videoRef = useRef<HTMLVideoElement>(null)
  const poseSettings = usePoseSettings()
  const { pipeline, state } = useLivePipeline(videoRef, poseSettings)
  const activeCue = workout?.phase === 'set' ? workout.live.activeCue : null
  const highlight = useMemo<readonly KeypointName[]>(() => (activeCue ? safeJoints(activeCue) : []), [activeCue])

  const camera = { deviceId: cameraId, resolution: cameraResolution }
  const runnerRef = useWorkoutSession(pipeline, model, camera)
  const [confirmEnd, setConfirmEnd] = useState(false)
  useWorkoutKeys(confirmEnd, setConfirmEnd)
  const cameraRef = useCameraAspect(pipeline)
  const offer = useAppStore((s) => s.coach.offer)
  const rangeBars = useCallback<RangeBarSubscribe>((listener) => runnerRef.current?.onRangeBar(listener) ?? (() => undefined), [runnerRef])

  if (!workout) {
    return (
      <p className="coach-note">
        No workout running. <button type="button" onClick={() => useAppStore.getState().navigate('home')}>Choose exercises</button>
      </p>
    )
  }
  const paused = 'pausedAtMs' in workout && workout.pausedAtMs !== null
  const send = useAppStore.getState().send
  const now = () => performance.now()
  return (
    <section className="workout" aria-label="Workout" data-phase={workout.phase}>
      <div className="workout-main">
        {saveProblem && <p className="coach-alert" role="alert" data-testid="save-problem">{saveProblem}</p>}
        {state?.sourceError && (
          <div className="coach-alert dead-end" role="alert" data-testid="camera-problem">
            <p>{state.sourceError}</p>
            <div className="dead-end-actions">
              <button type="button" className="primary" onClick={() => void pipeline?.startCamera(camera)}>Start</button>
              <button type="button" onClick={() => useAppStore.getState().navigate('settings')}>Settings</button>
              <button type="button" onClick={() => send({ type: 'END', t: now() })}>Finish workout</button>
            </div>
          </div>
        )}
        {state?.pose.phase === 'error' && (
          <div className="coach-alert dead-end" role="alert" data-testid="model-problem">
            <p>{state.pose.message}</p>
            <div className="dead-end-actions">
              <button type="button" onClick={() => useAppStore.getState().navigate('settings')}>Settings</button>
              <button type="button" onClick={() => send({ type: 'END', t: now() })}>Finish workout</button>
            </div>
          </div>
        )}
        {confirmEnd && (
          <div className="coach-alert confirm-end" role="alertdialog" aria-label="Finish the workout?" data-testid="confirm-end">
            <p>Finish the workout? What you did is saved.</p>
            <div className="dead-end-actions">
              <button type="button" className="primary" onClick={() => { setConfirmEnd(false); send({ type: 'END', t: now() }) }}>Finish <kbd>esc</kbd></button>
              <button type="button" onClick={() => setConfirmEnd(false)}>Keep going</button>
            </div>
          </div>
        )}
        {(workout.phase === 'placement' || workout.phase === 'countdown') && <PlacementPanel w={workout} cameraProblem={Boolean(state?.sourceError)} />}
        {workout.phase === 'set' && <SetPanel w={workout} rangeBars={rangeBars} />}
        {workout.phase === 'set' && offer && (
          <div className="offer-actions">
            <button type="button" className="primary" onClick={() => runnerRef.current?.acceptSwitch()} data-testid="accept-switch">Switch now</button>
            <button type="button" onClick={() => runnerRef.current?.declineSwitch()} data-testid="decline-switch">Stay with {exerciseName(stepAt(workout.plan, workout.cursor).exercise)}</button>
          </div>
        )}
        {workout.phase === 'rest' && <RestPanel w={workout} />}
        {paused && <p className="paused-banner" data-testid="paused">{pausedText(workout)}</p>}
        <div className="workout-controls">
          <button type="button" onClick={() => send({ type: paused ? 'RESUME' : 'PAUSE', t: now() })}>{paused ? 'Resume' : 'Pause'} <kbd>space</kbd></button>
          <button type="button" onClick={() => send({ type: 'SKIP', t: now(), scope: 'part' })}>Skip <kbd>→</kbd></button>
          <button type="button" onClick={() => send({ type: 'SKIP', t: now(), scope: 'exercise' })}>Skip exercise <kbd>shift →</kbd></button>
          <button type="button" onClick={() => setConfirmEnd(true)} data-testid="end-workout">Finish workout <kbd>esc</kbd></button>
        </div>
      </div>
      <div className="workout-camera" ref={cameraRef}>
        <LiveView videoRef={videoRef} pipeline={pipeline} mirrored={state?.mirrored ?? false} highlight={highlight} />
        {state?.pose.phase === 'loading' && <p className="coach-note">Loading the pose model…</p>}
        {/*
          Under the camera, not under the set: the set column is filled by what is read from the mat (a timer
          stopped with a three-line reason pushed the hint off a 1280×720 window). While paused the banner says
          how to go on, so the hint gives way.
        */}
        {!paused && <p className="gesture-help" data-testid="gesture-help">Hands-free: raise one hand for a second to pause or go on · cross your arms above your head to skip</p>}
      </div>
    </section>
  )
}

/**
 * Publishes the camera's aspect ratio as a CSS variable (from the pose stream, without a React
 * render), so a portrait camera fits the window's height instead of running off the bottom.
 */
function useCameraAspect(pipeline: ReturnType<typeof useLivePipeline>['pipeline']) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!pipeline) return
    let last = 0
    return pipeline.onPose(({ frame }) => {
      const aspect = frame.imageWidth / frame.imageHeight
      if (aspect !== last && Number.isFinite(aspect)) {
        last = aspect
        ref.current?.style.setProperty('--camera-aspect', String(aspect))
      }
    })
  }, [pipeline])
  return ref
}

function safeJoints(cueId: string): readonly KeypointName[] {
  try {
    return getCue(cueId).joints
  } catch {
    return []
  }
}

/** Camera on, runner and recorder alive for the workout; summary hand-over at the end. Returns the runner (for the offer buttons). */
function useWorkoutSession(pipeline: ReturnType<typeof useLivePipeline>['pipeline'], model: string, camera: CameraPreference) {
  const runnerRef = useRef<WorkoutRunner | null>(null)
  useEffect(() => {
    const store = useAppStore
    const start = store.getState().workout
    if (!pipeline || !start) return
    const settings = () => store.getState().settings
    const voiceOptions = () => ({ voice: settings().voice, spokenCounts: settings().spokenCounts, cooldownMs: settings().cueCooldownSeconds * 1000 })
    const speaker = new CoachSpeaker()
    const voice = new CueVoice(speaker, voiceOptions())
    const beep = new RepBeep()
    const recorder = new SessionRecorder(api, (status) => store.getState().setSave(status))
    const runner = new WorkoutRunner({
      store,
      recorder,
      voice,
      beep: { beep: () => settings().repSound && beep.beep(), good: () => settings().repSound && beep.good() },
      createEngine,
      now: () => performance.now(),
      wallNow: () => Date.now()
    })
    runnerRef.current = runner
    const title = titleOf(start)
    const save = store.getState().save
    if (save.resumed && save.sessionId) recorder.resume(save.sessionId)
    else recorder.start({ title, source: 'camera', model, plan: plannedSteps(start.plan) })
    void pipeline.startCamera(camera)
    const offPose = pipeline.onPose((result) => runner.onPose(result.frame))
    const timer = window.setInterval(() => runner.tick(), TICK_MS)
    const offSettings = store.subscribe((s, prev) => {
      if (s.settings !== prev.settings) voice.setOptions(voiceOptions())
    })
    let finished = false
    const finish = () => {
      if (finished) return
      finished = true
      const anySet = recorder.started
      void recorder.finish().then((id) => store.getState().setSave({ sessionId: id, nothingSaved: !anySet }))
    }
    const offEnd = store.subscribe((s, prev) => {
      // Only on the change into the summary: navigating notifies subscribers again.
      if (s.workout?.phase === 'summary' && prev.workout?.phase !== 'summary') {
        finish()
        store.getState().navigate('summary')
      }
    })
    if (start.phase === 'plan') store.getState().send({ type: 'START', t: performance.now() })
    return () => {
      offEnd()
      offSettings()
      offPose()
      window.clearInterval(timer)
      runner.dispose()
      runnerRef.current = null
      // Leaving the screen mid-workout ends it and saves what was done (not a StrictMode re-run).
      if (store.getState().screen !== 'workout') {
        store.getState().send({ type: 'END', t: performance.now() })
        finish()
      }
      recorder.dispose()
      voice.reset()
      speaker.dispose()
      beep.dispose()
      pipeline.stopSource()
    }
    // The session lives as long as the pipeline; model/camera changes mid-workout apply next time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pipeline])
  return runnerRef
}

function titleOf(w: NonNullable<ReturnType<typeof useAppStore.getState>['workout']>): string {
  const steps = w.plan.steps
  if (steps.length === 1) return `${exerciseName(steps[0].exercise)} only`
  if (steps.length >= 10) return 'Full routine'
  return steps.map((s) => exerciseName(s.exercise)).join(', ')
}

/** Space pauses / goes on, → skips, shift+→ skips the exercise; Esc asks first, and a second Esc (or Enter) finishes. */
function useWorkoutKeys(confirmEnd: boolean, setConfirmEnd: (open: boolean) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return
      const { workout, send } = useAppStore.getState()
      if (!workout) return
      const t = performance.now()
      if (confirmEnd && (e.key === 'Escape' || e.key === 'Enter')) {
        setConfirmEnd(false)
        send({ type: 'END', t })
      } else if (e.key === ' ') {
        const paused = 'pausedAtMs' in workout && workout.pausedAtMs !== null
        send({ type: paused ? 'RESUME' : 'PAUSE', t })
      } else if (e.key === 'ArrowRight') send({ type: 'SKIP', t, scope: e.shiftKey ? 'exercise' : 'part' })
      else if (e.key === 'Escape') setConfirmEnd(true)
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [confirmEnd, setConfirmEnd])
}
