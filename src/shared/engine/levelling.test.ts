import { describe, expect, it } from 'vitest'
import { CORRECTION_DEADBAND_DEG } from './cameraRoll'
import { MAX_CORRECTED_ROLL_DEG, rollCorrectionDeg } from './levelling'
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
