import { describe, expect, it } from 'vitest'
import { CORRECTION_DEADBAND_DEG } from './cameraRoll'
import { MAX_CORRECTED_ROLL_DEG, rollCorrectionDeg, tooTiltedToJudge } from './levelling'
import { analyzeFrames } from './analyze'
import { rollFrame } from './levelFrame'
import { loadPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import { RECOGNITION_GRACE_MS, RecognitionAnnouncer } from './recognitionAnnouncer'
import type { EngineEvent } from './events'

const reading = (rollDeg: number, state: 'level' | 'tilted' | 'sideways') => ({ rollDeg, state })

describe('how much camera roll is undone', () => {
  it('undoes the estimate between the dead band and the largest roll it corrects, before the state settles', () => {
    expect(rollCorrectionDeg({ estimateDeg: 9, reading: null })).toBe(9)
    expect(rollCorrectionDeg({ estimateDeg: -14, reading: reading(-14, 'tilted') })).toBe(-14)
  })
  it('leaves a level picture, a knocked-over camera and a picture on its side as they are', () => {
    expect(rollCorrectionDeg({ estimateDeg: CORRECTION_DEADBAND_DEG / 2, reading: null })).toBe(0)
    expect(rollCorrectionDeg({ estimateDeg: MAX_CORRECTED_ROLL_DEG + 2, reading: reading(22, 'tilted') })).toBe(0)
    expect(rollCorrectionDeg({ estimateDeg: 88, reading: reading(88, 'sideways') })).toBe(0)
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
