import { describe, expect, it } from 'vitest'
import { sideStanding } from '../../../tests/fixtures/synthetic/skeleton'
import { loadPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import type { PoseFrame } from '../pose/types'
import { createBody } from './body'
import { bodyPartsNamed } from './judging'
import { VisibilityGate, notJudgedReason, partsAtEdge, skeletonInverted } from './visibility'

const standing = sideStanding(0, { kneeDeg: 175, shinLeanDeg: 2, torsoLeanDeg: 5, armDeg: 10, ankle: { x: 600, y: 650 } }, 'right', 'left')
/** The same body stood on its head in the picture (y mirrored about the middle of the frame). */
const upsideDown: PoseFrame = { ...standing, keypoints: standing.keypoints.map((k) => ({ ...k, y: 1 - k.y })) }
const NAMES = standing.keypoints.map((k) => k.name)

describe('an upside-down skeleton (BlazePose fitting a whole body to a strip of legs)', () => {
  it('is read as the upper body out of the picture, not judged', () => {
    expect(skeletonInverted(createBody(standing))).toBe(false)
    const body = createBody(upsideDown)
    expect(skeletonInverted(body)).toBe(true)
    const verdict = notJudgedReason(body, ['left_hip', 'left_knee', 'left_ankle'], NAMES)
    expect(verdict?.reason).toBe('out-of-frame')
    expect(verdict?.missing).toEqual(expect.arrayContaining(['nose', 'left_shoulder']))
  })

  it('is not confused with a push-up filmed head-on (shoulders below the hips, torso foreshortened)', () => {
    // Real clips, BlazePose Full keypoints: the runner's head is nearest the camera on the floor.
    for (const stem of ['pushup_front_gym_turf_omartarek5', 'pushup_front_floorcam_dumbbells_female_divyansh', 'pushup_front_floorcam_outdoor_portrait_divyansh']) {
      const frames = loadPoseFixture('pushup', stem).filter((f) => f.keypoints.length > 0)
      const inverted = frames.filter((f) => skeletonInverted(createBody(f))).length
      // The model's first frames, before it has locked on, may be anything: at most a few percent.
      expect(inverted / frames.length, stem).toBeLessThan(0.05)
    }
  })
})

describe('a runner lost at the edge of the picture', () => {
  const NOBODY: PoseFrame = { timestampMs: 0, imageWidth: standing.imageWidth, imageHeight: standing.imageHeight, keypoints: [] }
  const at = (f: PoseFrame, tMs: number): PoseFrame => ({ ...f, timestampMs: tMs })
  /** The standing runner moved up until the head touches the top edge (the picture cut just above it). */
  const nose = standing.keypoints.find((k) => k.name === 'nose')!
  const headAtTop: PoseFrame = { ...standing, keypoints: standing.keypoints.map((k) => ({ ...k, y: k.y - nose.y + 0.02 })) }

  function reasonsAfter(seen: PoseFrame): (string | undefined)[] {
    const gate = new VisibilityGate(['left_hip', 'left_knee', 'left_ankle'], NAMES)
    for (let t = 0; t <= 1000; t += 100) gate.update(createBody(at(seen, t)))
    const out: (string | undefined)[] = []
    for (let t = 1100; t <= 3500; t += 100) {
      const events = gate.update(createBody(at(NOBODY, t)))
      for (const e of events) if (e.type === 'visibility') out.push(e.ok ? 'ok' : `${e.reason}:${e.missing.join(',')}`)
    }
    return out
  }

  it('is out of the picture where they left it (the head), not "nobody", for a moment; then nobody', () => {
    const reasons = reasonsAfter(headAtTop)
    expect(reasons[0]).toMatch(/^out-of-frame:.*nose/)
    expect(reasons.at(-1)).toMatch(/^no-person/)
  })

  /**
   * The picture cut at the chest: the standing runner moved up until the shoulders touch the top edge, the
   * head squeezed in below them as BlazePose draws it (the side squat with its top 200 rows cut: shoulders
   * 0.01–0.10 from the top, nose 0.05–0.18).
   */
  const shoulder = standing.keypoints.find((k) => k.name === 'left_shoulder')!
  const cutAtChest: PoseFrame = {
    ...standing,
    keypoints: standing.keypoints.map((k) => (k.name === 'nose' ? { ...k, y: 0.12 } : { ...k, y: k.y - shoulder.y + 0.02 }))
  }

  it('a runner whose shoulders touched the top edge left the picture there too: head and shoulders, not "nobody"', () => {
    expect(partsAtEdge(createBody(cutAtChest))).toEqual(expect.arrayContaining(['nose', 'left_shoulder']))
    const reasons = reasonsAfter(cutAtChest)
    expect(reasons[0]).toMatch(/^out-of-frame:.*nose.*shoulder/)
    expect(bodyPartsNamed(['nose', 'left_shoulder'])).toBe('head and shoulders')
  })

  it('a shoulder at the side edge of an upright runner is not a head out of the picture', () => {
    // Moved left until the shoulders touch the left edge: the torso points up, ~90° from that edge.
    const atSide: PoseFrame = { ...standing, keypoints: standing.keypoints.map((k) => ({ ...k, x: k.x - shoulder.x + 0.02 })) }
    expect(partsAtEdge(createBody(atSide))).not.toContain('left_shoulder')
  })

  it('a runner lost from the middle of the picture is nobody at once', () => {
    expect(reasonsAfter(standing)[0]).toMatch(/^no-person/)
  })

  it('names a foot keypoint a foot, not a hand', () => {
    expect(bodyPartsNamed(['left_foot_index'])).toBe('feet')
    expect(bodyPartsNamed(['right_index'])).toBe('hands')
  })
})

describe('a body cut by the edge of the picture', () => {
  it('is not recognised as another exercise: an alternating lunge with the feet cropped off is not a cable row', async () => {
    const { loadPoseFixture: load } = await import('../../../tests/fixtures/synthetic/realFixtures')
    const { analyzeFrames } = await import('./analyze')
    // The bottom 20% of the picture cut away, as a laptop tilted up would: y stretched by 1/0.8, past 1 = outside.
    const cropped = load('lunge', 'lunge_forward_alternating_frontangle_istock_hanshitha').map((f) => ({
      ...f, keypoints: f.keypoints.map((k) => ({ ...k, y: k.y / 0.8 }))
    }))
    const r = analyzeFrames('lunge', cropped)
    const others = r.events.filter((e) => e.type === 'exercise' && e.recognised !== null && e.recognised !== 'lunge')
    expect(others).toEqual([])
    expect(r.events.some((e) => e.type === 'visibility' && e.reason === 'out-of-frame')).toBe(true)
  })
})

describe('a picture too dark to trust', () => {
  it('judges nothing under the floor luminance, even where the model still finds a body', () => {
    const dim = { ...standing, meanLuminance: 0.02 }
    expect(notJudgedReason(createBody(dim), ['left_hip'], NAMES, { meanLuminance: 0.02 })?.reason).toBe('too-dark')
    expect(notJudgedReason(createBody(standing), ['left_hip'], NAMES, { meanLuminance: 0.06 })).toBeNull()
  })
})
