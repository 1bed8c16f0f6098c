/**
 * "Resume your workout?" on Home after a reload or crash mid-workout (issue 11, item 8): where the
 * workout goes on and what is saved. Resume picks the plan up there with every counted rep; "Finish it"
 * keeps the session as it is, in Sessions. After a reload (the session still running in main) the runner
 * is probably on the mat: the offer is said aloud and taken by itself after RESUME_AUTO_MS unless a
 * button is pressed. After a restart it waits for a button.
 */
import { useEffect, useRef, useState } from 'react'
import { api } from '../api'
import { resumedWorkout, resumePoint } from '../../../shared/workout/resume'
import { useAppStore } from '../store'
import { availableDefinitions } from './exerciseCatalogue'
import { findInterruptedWorkout, resumePlace, savedSoFar, type InterruptedWorkout } from './interruptedWorkout'
import { CoachSpeaker } from './speech/speaker'

/** A reloaded workout goes on by itself after this long: time to hear the offer and press a button. */
export const RESUME_AUTO_MS = 10_000

/** Journal times (epoch ms) on the workout clock (performance.now), as the resumed results need them. */
const toWorkoutMs = (epochMs: number) => performance.now() - (Date.now() - epochMs)

export function ResumeOffer() {
  const [offer, setOffer] = useState<InterruptedWorkout | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const autoAt = useRef<number | null>(null)
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null)

  useEffect(() => {
    let live = true
    void findInterruptedWorkout(api, availableDefinitions(), Date.now(), toWorkoutMs).then((found) => live && setOffer(found))
    return () => {
      live = false
    }
  }, [])

  const resume = async (w: InterruptedWorkout) => {
    autoAt.current = null
    setBusy(true)
    const opened = await api.resumeSession(w.id)
    if (!opened.ok) {
      setBusy(false)
      return setError(opened.error)
    }
    // The entries as main holds them now: the authoritative count, on this page's clock.
    const point = resumePoint(w.plan, opened.value.entries, toWorkoutMs)
    if (!point) {
      await api.finishSession(w.id)
      return setOffer(null)
    }
    const { resumeWorkout, navigate } = useAppStore.getState()
    resumeWorkout(resumedWorkout(w.plan, point), w.id)
    navigate('workout')
  }

  const finish = async (w: InterruptedWorkout) => {
    setBusy(true)
    autoAt.current = null
    setSecondsLeft(null)
    // A recovered session is opened again only to be finished: it is then complete, with what was saved.
    const opened = w.running ? { ok: true as const } : await api.resumeSession(w.id)
    const finished = opened.ok ? await api.finishSession(w.id) : opened
    setBusy(false)
    if (!finished.ok) return setError(finished.error)
    setOffer(null)
  }

  // Hands-free after a reload: said once, and taken after RESUME_AUTO_MS unless the runner chooses.
  useEffect(() => {
    if (!offer?.running) return
    const settings = useAppStore.getState().settings
    const speaker = settings.voice ? new CoachSpeaker() : null
    speaker?.speak(`Resume your workout? ${resumePlace(offer)} I'll go on by myself in ${RESUME_AUTO_MS / 1000} seconds.`)
    autoAt.current = performance.now() + RESUME_AUTO_MS
    const timer = window.setInterval(() => {
      if (autoAt.current === null) return
      const left = autoAt.current - performance.now()
      setSecondsLeft(Math.max(0, Math.ceil(left / 1000)))
      if (left <= 0) {
        autoAt.current = null
        void resume(offer)
      }
    }, 250)
    return () => {
      window.clearInterval(timer)
      speaker?.dispose()
    }
  }, [offer])

  if (!offer) return null
  return (
    <section className="resume-offer" role="alertdialog" aria-labelledby="resume-title" data-testid="resume-offer" data-session-id={offer.id}>
      <h2 id="resume-title">Resume your workout?</h2>
      <p data-testid="resume-place">{resumePlace(offer)}</p>
      <p className="resume-saved" data-testid="resume-saved">{savedSoFar(offer)}</p>
      {secondsLeft !== null && <p className="resume-auto" data-testid="resume-auto">Going on by itself in {secondsLeft} s</p>}
      {error && <p className="coach-alert" role="alert">{error}</p>}
      <div className="dead-end-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void resume(offer)} data-testid="resume-workout">Resume</button>
        <button type="button" disabled={busy} onClick={() => void finish(offer)} data-testid="finish-interrupted">Finish it as it is</button>
      </div>
    </section>
  )
}
