import { describe, expect, it } from 'vitest'
import { CORRECTION_DEADBAND_DEG } from './cameraRoll'
import { MAX_CORRECTED_ROLL_DEG, rollCorrectionDeg, tooTiltedToJudge, unknownRollMarginDeg, unknownRollMarginPx } from './levelling'
import { analyzeFrames } from './analyze'
import { rollFrame } from './levelFrame'
import { loadPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import { RECOGNITION_GRACE_MS, RecognitionAnnouncer } from './recognitionAnnouncer'
import type { CameraRollState, EngineEvent } from './events'
import { notJudgedMessage } from './judging'

const reading = (rollDeg: number, state: CameraRollState) => ({ rollDeg, state })

describe('how much camera roll is undone', () => {
  it('undoes the estimate between the dead band and the largest roll it corrects, before the state settles', () => {
    expect(rollCorrectionDeg({ estimateDeg: 9, reading: null })).toBe(9)
    expect(rollCorrectionDeg({ estimateDeg: -14, reading: reading(-14, 'tilted') })).toBe(-14)
  })
  it('leaves a level picture, a knocked-over camera and a picture on its side as they are', () => {
    expect(rollCorrectionDeg({ estimateDeg: CORRECTION_DEADBAND_DEG / 2, reading: null })).toBe(0)
    expect(rollCorrectionDeg({ estimateDeg: MAX_CORRECTED_ROLL_DEG + 2, reading: reading(22, 'tilted') })).toBe(0)
    expect(rollCorrectionDeg({ estimateDeg: 88, reading: reading(88, 'sideways') })).toBe(0)
    expect(rollCorrectionDeg({ estimateDeg: 177, reading: reading(177, 'upside-down') })).toBe(0)
    expect(rollCorrectionDeg({ estimateDeg: null, reading: null })).toBe(0)
  })
})

describe('when the recognised exercise is said', () => {
  const plank: EngineEvent = { type: 'exercise', t: 1000, recognised: 'plank', planned: 'push-up', posture: 'prone' }
  it('holds a guess until the roll is known, then says it once', () => {
    const a = new RecognitionAnnouncer()
    expect(a.update(0, [], null)).toEqual([])
    expect(a.update(1000, [plank], null)).toEqual([])
    expect(a.update(2000, [], reading(1, 'level'))).toEqual([plank])
    expect(a.update(2100, [], reading(1, 'level'))).toEqual([])
  })
  it('says it after the grace period where no roll evidence comes, and never while the picture is on its side', () => {
    const a = new RecognitionAnnouncer()
    a.update(0, [plank], null)
    expect(a.update(RECOGNITION_GRACE_MS, [], null)).toEqual([plank])
    const b = new RecognitionAnnouncer()
    b.update(0, [plank], null)
    expect(b.update(500, [], reading(90, 'sideways'))).toEqual([])
  })
})

describe('a camera tilted past what is undone', () => {
  it('is read from the estimate, short of a picture on its side', () => {
    expect(tooTiltedToJudge({ estimateDeg: MAX_CORRECTED_ROLL_DEG + 3, reading: null })).toBe(true)
    expect(tooTiltedToJudge({ estimateDeg: -(MAX_CORRECTED_ROLL_DEG + 3), reading: reading(-23, 'tilted') })).toBe(true)
    expect(tooTiltedToJudge({ estimateDeg: MAX_CORRECTED_ROLL_DEG - 3, reading: reading(17, 'tilted') })).toBe(false)
    expect(tooTiltedToJudge({ estimateDeg: 80, reading: reading(80, 'sideways') })).toBe(false)
    expect(tooTiltedToJudge({ estimateDeg: null, reading: null })).toBe(false)
  })

  it('still counts, but judges no form once the tilt is known: the real knees-in/knees-out squats rolled ±25°', () => {
    // Labels: caving on the reps at 1.2, 3.0 and 4.93 s; the reps from 7.87 s on are correct. The roll is first
    // estimated after the first take (the runner never stands still in it), so take 1's cues are judged level.
    for (const deg of [25, -25]) {
      const result = analyzeFrames('squat', loadPoseFixture('squat', 'squat_front_kneevalgus_wrong_then_right_randy').map((f) => rollFrame(f, deg)))
      expect(result.repCount, `${deg}°`).toBe(7)
      expect(result.events.some((e) => e.type === 'camera' && e.state === 'tilted'), `${deg}°`).toBe(true)
      const caving = result.cues.filter((c) => c.id === 'squat-knees-caving').map((c) => Math.round(c.t))
      expect(caving.every((t) => t <= 6), `${deg}°: ${caving.join(', ')}`).toBe(true)
    }
  })
})

describe('a picture turned past a tilt', () => {
  // Before, a picture turned 40–60° or upside down gave the roll tracker no evidence: the engine judged the
  // turned picture's axes (a side squat turned 180° on video read as "head out of the picture").
  it.each([[180, 'upside-down'], [-165, 'upside-down'], [90, 'sideways'], [55, 'sideways']] as const)(
    'the real side squat turned %i° is named %s, judges nothing and counts nothing', (deg, state) => {
      const result = analyzeFrames('squat', loadPoseFixture('squat', 'squat_side_studio_istock_hanshitha').map((f) => rollFrame(f, deg)))
      const camera = result.events.filter((e) => e.type === 'camera')
      expect(camera.map((e) => e.state), `${deg}°`).toContain(state)
      const reasons = result.events.flatMap((e) => (e.type === 'visibility' && e.reason ? [e.reason] : []))
      expect(reasons, `${deg}°`).toContain(state)
      // Once named, nothing is judged: every cue raised came before the picture was named.
      const namedAt = camera.find((e) => e.state === state)!.t
      expect(result.cues.filter((c) => c.t * 1000 > namedAt), `${deg}°`).toEqual([])
      expect(result.reps.filter((r) => r.start * 1000 > namedAt), `${deg}°`).toEqual([])
    })

  it('tells the runner what to do about it', () => {
    expect(notJudgedMessage('upside-down')).toBe('The picture is upside down: turn the camera the right way up.')
    expect(notJudgedMessage('sideways')).toBe('The picture is on its side: stand the laptop upright.')
  })
})

describe('margin for a roll not yet known', () => {
  it('is what a 20° roll shifts a joint that high sideways, until the roll is known', () => {
    // A knee 200 px above its toes, turned 20°: 200 · sin 20° ≈ 68 px sideways.
    expect(unknownRollMarginPx({ uprightKnown: false }, 200)).toBeCloseTo(68.4, 1)
    expect(unknownRollMarginPx({ uprightKnown: false }, -200)).toBeCloseTo(68.4, 1)
    expect(unknownRollMarginPx({ uprightKnown: true }, 200)).toBe(0)
  })
})

describe('unknownRollMarginDeg', () => {
  it('is the largest roll the engine undoes while the roll is not known, 0 once it is', () => {
    expect(unknownRollMarginDeg({ uprightKnown: false })).toBe(MAX_CORRECTED_ROLL_DEG)
    expect(unknownRollMarginDeg({ uprightKnown: true })).toBe(0)
  })
})
