import { describe, expect, it } from 'vitest'
import { BLAZEPOSE_KEYPOINTS, type Keypoint, type PoseFrame } from '../pose/types'
import { createBody, IN_FRAME_MARGIN } from './body'
import { CueScopeTracker } from './cueScope'
import { notJudgedMessage } from './judging'
import { createRestReference, referencedMachine } from './restReference'
import { voteSide } from './repTracker'
import { DARK_LUMINANCE, notJudgedReason } from './visibility'
import { SQUAT_MACHINE, SQUAT_REST_REFERENCE } from '../exercises/squat'

const LEG = ['left_hip', 'left_knee', 'left_ankle', 'right_hip', 'right_knee', 'right_ankle'] as const

/** A standing body, every keypoint seen, with chosen points moved (normalised coordinates). */
function frame(moved: Partial<Record<string, { x?: number; y?: number; score?: number }>> = {}): PoseFrame {
  const keypoints: Keypoint[] = BLAZEPOSE_KEYPOINTS.map((name, i) => ({ name, x: 0.4 + (i % 2) * 0.1, y: 0.1 + (i / 33) * 0.8, score: 0.9, ...moved[name] }))
  return { timestampMs: 0, imageWidth: 640, imageHeight: 480, keypoints }
}

describe('only what is in the picture is seen', () => {
  it('does not see a keypoint placed below the frame, whatever its score', () => {
    const body = createBody(frame({ left_ankle: { y: 1 + 2 * IN_FRAME_MARGIN, score: 0.99 } }))
    expect(body.point('left_ankle')).toBeNull()
    expect(body.outOfFrame('left_ankle')).toBe(true)
    expect(body.point('left_knee')).not.toBeNull()
  })

  it('still sees a joint centre just past the edge, within the margin', () => {
    expect(createBody(frame({ left_ankle: { y: 1 + IN_FRAME_MARGIN / 2 } })).point('left_ankle')).not.toBeNull()
  })

  it('says the feet are out of the picture, not hidden', () => {
    const off = { y: 1.1 }
    const body = createBody(frame({ left_ankle: off, right_ankle: off }))
    const verdict = notJudgedReason(body, LEG, BLAZEPOSE_KEYPOINTS)
    expect(verdict?.reason).toBe('out-of-frame')
    expect(notJudgedMessage(verdict!.reason, verdict!.missing)).toMatch(/feet are out of the picture/)
    expect(notJudgedMessage('out-of-frame', ['right_ankle'])).toMatch(/Your feet are out/)
    expect(notJudgedMessage('out-of-frame', ['nose'])).toMatch(/Your head is out/)
  })
})

describe('why nothing is judged', () => {
  it('tells nobody from too dark by the frame luminance', () => {
    const empty: PoseFrame = { timestampMs: 0, imageWidth: 640, imageHeight: 480, keypoints: [] }
    expect(notJudgedReason(createBody(empty), LEG, BLAZEPOSE_KEYPOINTS)?.reason).toBe('no-person')
    expect(notJudgedReason(createBody(empty), LEG, BLAZEPOSE_KEYPOINTS, { meanLuminance: DARK_LUMINANCE / 2 })?.reason).toBe('too-dark')
  })

  it('names hidden joints when they are in the picture but unseen', () => {
    const body = createBody(frame({ left_knee: { score: 0.1 }, right_knee: { score: 0.1 } }))
    expect(notJudgedReason(body, LEG, BLAZEPOSE_KEYPOINTS)).toEqual({ reason: 'joints-hidden', missing: ['left_knee'] })
  })

  it('judges when everything needed is seen', () => {
    expect(notJudgedReason(createBody(frame()), LEG, BLAZEPOSE_KEYPOINTS)).toBeNull()
  })
})

describe('thresholds from the runner’s own rest', () => {
  it('measures leave, return and depth from a standing thigh that reads low (dim light, roll, model)', () => {
    const ref = createRestReference('flex', SQUAT_REST_REFERENCE)
    for (let t = 0; t < 2000; t += 33) ref.update(t, 70 + Math.sin(t) * 2, false)
    const m = referencedMachine(SQUAT_MACHINE, SQUAT_REST_REFERENCE, ref.restDeg)
    // The most rested reading of the rest in progress: ~72°.
    expect(ref.restDeg).toBeCloseTo(72, 0)
    // The fixed 72° "back at rest" line of old would never be reached by this runner; 8° under their own is.
    expect(m.returnRestDeg).toBeCloseTo(ref.restDeg! - SQUAT_REST_REFERENCE.returnMarginDeg, 5)
    expect(m.leaveRestDeg).toBeCloseTo(ref.restDeg! - SQUAT_REST_REFERENCE.leaveMarginDeg, 5)
    expect(m.reachDepthDeg).toBe(SQUAT_MACHINE.reachDepthDeg)
  })

  it('takes the median of the last rests, so one noisy top cannot lift "back at rest" out of reach', () => {
    const ref = createRestReference('flex', SQUAT_REST_REFERENCE)
    let t = 0
    for (const top of [70, 79, 69, 71]) {
      ref.update((t += 33), top, false)
      ref.update((t += 33), 20, true)
    }
    expect(ref.restDeg).toBe(71)
  })

  it('ends a rep that began in another camera view on recovering its range, not on the old view’s rest lines', () => {
    // Standing read 88° side-on; the runner turned mid-rep and stands at ~74° front-on (foreshortened thighs).
    const kept = referencedMachine(SQUAT_MACHINE, SQUAT_REST_REFERENCE, 88, -4)
    const turned = referencedMachine(SQUAT_MACHINE, SQUAT_REST_REFERENCE, 88, -4, true)
    expect(kept.returnRestDeg).toBeGreaterThan(74)
    expect(turned.returnRestDeg).toBeLessThan(74)
  })

  it('freezes the reference while a rep is under way, so a held bottom never becomes rest', () => {
    const ref = createRestReference('flex', SQUAT_REST_REFERENCE)
    ref.update(0, 85, false)
    for (let t = 33; t < 5000; t += 33) ref.update(t, 10, true)
    expect(ref.restDeg).toBe(85)
  })
})

describe('sides voted over the whole rep', () => {
  it('takes the majority of the rep’s frames, not one frame', () => {
    expect(voteSide(['left', 'left', 'right', 'left'], null)).toBe('left')
  })
  it('keeps a same-leg set’s side against an indecisive vote, follows a decisive one', () => {
    expect(voteSide(['right', 'right', 'left', 'left', 'right'], 'left')).toBe('left')
    expect(voteSide(['right', 'right', 'right', 'right', 'left'], 'left')).toBe('right')
  })
})

describe('cues a view cannot show', () => {
  it('says once per view change which cues it stops and starts judging', () => {
    const scope = new CueScopeTracker(['knee-past-toes', 'squat-knees-caving', 'squat-depth'])
    const front = scope.update(0, { view: 'front', facing: 'camera', widthRatio: 0.8 })
    expect(front.map((e) => e.type === 'cue-scope' && `${e.id}:${e.judged}`)).toEqual(['knee-past-toes:false'])
    expect(scope.update(100, { view: 'front', facing: 'camera', widthRatio: 0.8 })).toEqual([])
    const side = scope.update(200, { view: 'side', facing: 'left', widthRatio: 0.1 })
    expect(side.map((e) => e.type === 'cue-scope' && `${e.id}:${e.judged}`)).toEqual(['knee-past-toes:true', 'squat-knees-caving:false'])
  })
})
