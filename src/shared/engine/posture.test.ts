import { describe, expect, it } from 'vitest'
import { loadPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import { frontStanding, sideIdle, supine } from '../../../tests/fixtures/synthetic/skeleton'
import { headOnPushUp, prone, sideLying } from '../exercises/plank-poses'
import type { PoseFrame } from '../pose/types'
import { createBody } from './body'
import { framePosture, type FramePosture } from './posture'

const posture = (f: PoseFrame): FramePosture => framePosture(createBody(f))

/** The posture most frames of a real clip between two times (s) show. */
function commonest(folder: string, clip: string, fromS: number, toS: number): FramePosture {
  const counts = new Map<FramePosture, number>()
  for (const f of loadPoseFixture(folder, clip)) {
    if (f.timestampMs < fromS * 1000 || f.timestampMs > toS * 1000) continue
    const p = posture(f)
    counts.set(p, (counts.get(p) ?? 0) + 1)
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0]
}

describe('framePosture on synthetic poses', () => {
  it('tells standing, face down (side-on and head-on), on the side and on the back', () => {
    expect(posture(sideIdle(0))).toBe('standing')
    expect(posture(frontStanding(0, { thighDrop: 1, kneeOut: 0, halfStance: 40, cx: 640, floorY: 650 }))).toBe('standing')
    expect(posture(prone(0, { elbowDeg: 170 }))).toBe('prone')
    expect(posture(prone(0, { elbowDeg: 90, forearmDown: true }))).toBe('prone')
    expect(posture(prone(0, { elbowDeg: 100, fromKnees: true }))).toBe('prone')
    expect(posture(headOnPushUp(0, { elbowDeg: 170, forearmOutDeg: 0 }))).toBe('prone')
    expect(posture(sideLying(0, { down: 'left', support: 'forearm' }))).toBe('side-lying')
    expect(posture(supine(0, { hipLift: 0, head: 'left' }))).toBe('supine')
    expect(posture(supine(0, { hipLift: 0.7, head: 'right' }))).toBe('supine')
  })

  it('is unknown with nobody in the picture', () => {
    expect(posture({ timestampMs: 0, imageWidth: 640, imageHeight: 360, keypoints: [] })).toBe('unknown')
  })
})

describe('framePosture on real clips', () => {
  it.each([
    ['cable_row', 'band_row_singlearm_halfkneeling_side_home_dianafit', 0, 10, 'kneeling'],
    ['plank', 'plank_forearm_side_lowcam_home_kneel_setup_shutterstock_priya', 5, 15, 'prone'],
    ['pushup', 'pushup_front_floorcam_dumbbells_female_divyansh', 1, 18, 'prone'],
    ['side_plank', 'side_plank_forearm_front_studio_fixform_3faults_prakhar', 0, 11, 'side-lying'],
    ['glute_bridge', 'glute_bridge_side_darebee_be2018', 0, 9, 'supine'],
    ['squat', 'squat_front_kneevalgus_wrong_then_right_randy', 0, 14, 'standing']
  ] as const)('%s/%s reads %s–%ss as %s', (folder, clip, fromS, toS, expected) => {
    expect(commonest(folder, clip, fromS, toS)).toBe(expected)
  })
})
