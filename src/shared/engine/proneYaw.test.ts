import { describe, expect, it } from 'vitest'
import { prone, sideLying, turnedCamera } from '../exercises/plank-poses'
import { sideStanding } from '../../../tests/fixtures/synthetic/skeleton'
import { createBody } from './body'
import { bendAsSeenSideOn, proneYawDeg } from './proneYaw'
import { classifyView } from './view'

const top = prone(0, { elbowDeg: 170 })

describe('proneYawDeg', () => {
  it('reads how far the camera is turned from a prone body side, side-on to nearly head-on', () => {
    // Side-on the far shoulder hides straight behind the near one: no measurable yaw (null) or a small one.
    expect(proneYawDeg(createBody(top)) ?? 0).toBeLessThan(8)
    // Within ~8°: the raised shoulders make the synthetic torso not quite horizontal.
    for (const yaw of [30, 45]) expect(Math.abs(proneYawDeg(createBody(turnedCamera(top, yaw)))! - yaw)).toBeLessThan(8)
  })

  it('says nothing for a standing runner or a side plank (shoulders stacked across the body line)', () => {
    expect(proneYawDeg(createBody(sideStanding(0, { kneeDeg: 170, shinLeanDeg: 0, torsoLeanDeg: 5, armDeg: 0, ankle: { x: 600, y: 650 } })))).toBeNull()
    expect(proneYawDeg(createBody(sideLying(0, { down: 'left', support: 'forearm' })))).toBeNull()
  })
})

describe('view of a prone body', () => {
  it('calls a push-up filmed 45° off the side angled, not front (its shoulders look as wide as a standing front view)', () => {
    const angled = createBody(turnedCamera(top, 45))
    const standingRatio = angled.dist('left_shoulder', 'right_shoulder')! / Math.abs(angled.point('left_shoulder')!.x - angled.point('left_hip')!.x)
    expect(standingRatio).toBeGreaterThan(0.5)
    expect(classifyView(angled).view).toBe('unknown')
    expect(classifyView(createBody(top)).view).toBe('side')
  })
})

describe('bendAsSeenSideOn', () => {
  it('undoes the exaggeration of a turned camera and leaves a side view alone', () => {
    expect(bendAsSeenSideOn(20, 0)).toBeCloseTo(20, 6)
    const seenAt60 = (Math.atan(Math.tan((20 * Math.PI) / 180) / Math.cos(Math.PI / 3)) * 180) / Math.PI
    expect(bendAsSeenSideOn(seenAt60, 60)).toBeCloseTo(20, 6)
    expect(bendAsSeenSideOn(-10, 45)).toBeLessThan(0)
  })
})
