import { describe, expect, it } from 'vitest'
import { BLAZEPOSE_KEYPOINTS, type KeypointName, type PoseFrame } from '../pose/types'
import { checkPlacement, type PlacementExercise } from './placement'
import { getExercise } from '../exercises/index'
import { prone } from '../exercises/plank-poses'
import { sideStanding } from '../../../tests/fixtures/synthetic/skeleton'

/**
 * Synthetic skeletons in normalised image coordinates on a 1280x720 image: enough to test the
 * placement rules, not a stand-in for real footage.
 */
type Pose = Partial<Record<KeypointName, [number, number]>>

function frame(pose: Pose, t = 0, { shift = [0, 0], scale = 1, score = 0.9 } = {}): PoseFrame {
  const [cx, cy] = [0.5, 0.5]
  return {
    timestampMs: t,
    imageWidth: 1280,
    imageHeight: 720,
    keypoints: BLAZEPOSE_KEYPOINTS.map((name) => {
      const p = pose[name]
      if (!p) return { name, x: 0.5, y: 0.5, score: 0.05 }
      return { name, x: cx + (p[0] - cx) * scale + shift[0], y: cy + (p[1] - cy) * scale + shift[1], score }
    })
  }
}

/** Standing side-on, facing image right: left and right joints nearly on top of each other. */
const SIDE_STANDING: Pose = {
  nose: [0.52, 0.12], left_ear: [0.5, 0.12], right_ear: [0.5, 0.12], left_eye: [0.515, 0.11], right_eye: [0.515, 0.11],
  left_shoulder: [0.5, 0.25], right_shoulder: [0.505, 0.25], left_elbow: [0.5, 0.4], right_elbow: [0.505, 0.4],
  left_wrist: [0.5, 0.52], right_wrist: [0.505, 0.52], left_hip: [0.5, 0.52], right_hip: [0.505, 0.52],
  left_knee: [0.51, 0.7], right_knee: [0.515, 0.7], left_ankle: [0.5, 0.88], right_ankle: [0.505, 0.88],
  left_heel: [0.49, 0.9], right_heel: [0.495, 0.9], left_foot_index: [0.53, 0.9], right_foot_index: [0.535, 0.9]
}

/** Standing facing the camera: shoulders wide apart. */
const FRONT_STANDING: Pose = {
  nose: [0.5, 0.12], left_ear: [0.52, 0.12], right_ear: [0.48, 0.12], left_eye: [0.51, 0.11], right_eye: [0.49, 0.11],
  left_shoulder: [0.56, 0.25], right_shoulder: [0.44, 0.25], left_elbow: [0.58, 0.4], right_elbow: [0.42, 0.4],
  left_wrist: [0.58, 0.52], right_wrist: [0.42, 0.52], left_hip: [0.54, 0.52], right_hip: [0.46, 0.52],
  left_knee: [0.54, 0.7], right_knee: [0.46, 0.7], left_ankle: [0.54, 0.88], right_ankle: [0.46, 0.88],
  left_heel: [0.54, 0.9], right_heel: [0.46, 0.9], left_foot_index: [0.545, 0.92], right_foot_index: [0.455, 0.92]
}

/** Lying face down in a plank, side-on: a near-horizontal line from shoulders to heels. */
const PLANK_SIDE: Pose = {
  nose: [0.2, 0.55], left_ear: [0.22, 0.54], right_ear: [0.22, 0.54], left_eye: [0.21, 0.54], right_eye: [0.21, 0.54],
  left_shoulder: [0.27, 0.58], right_shoulder: [0.27, 0.585], left_elbow: [0.27, 0.75], right_elbow: [0.27, 0.755],
  left_wrist: [0.2, 0.76], right_wrist: [0.2, 0.765], left_hip: [0.5, 0.62], right_hip: [0.5, 0.625],
  left_knee: [0.65, 0.66], right_knee: [0.65, 0.665], left_ankle: [0.8, 0.7], right_ankle: [0.8, 0.705],
  left_heel: [0.81, 0.68], right_heel: [0.81, 0.685], left_foot_index: [0.8, 0.76], right_foot_index: [0.8, 0.765]
}

const LEG_JOINTS: KeypointName[] = ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle', 'left_foot_index', 'right_foot_index']
const squat: PlacementExercise = { id: 'squat', view: 'side', requiredJoints: LEG_JOINTS }
const lunge: PlacementExercise = { id: 'lunge', view: 'side', requiredJoints: LEG_JOINTS }
const plank: PlacementExercise = { id: 'plank', view: 'side', requiredJoints: LEG_JOINTS }
const cableRow: PlacementExercise = { id: 'cable-row', view: 'side', requiredJoints: LEG_JOINTS }
const bandWalk: PlacementExercise = { id: 'band-walk', view: 'front', requiredJoints: LEG_JOINTS }
const recent = (pose: Pose, opts?: Parameters<typeof frame>[2]) => Array.from({ length: 10 }, (_, i) => frame(pose, i * 33, opts))

function without(pose: Pose, drop: RegExp): Pose {
  return Object.fromEntries(Object.entries(pose).filter(([name]) => !drop.test(name)))
}

describe('checkPlacement', () => {
  it('turns green for a whole runner side-on, at a good distance', () => {
    const r = checkPlacement(lunge, recent(SIDE_STANDING))
    expect(r).toMatchObject({ ok: true, issue: null, view: 'side', presence: { inFrame: true, posture: 'standing' } })
    expect(r.bodyFraction).toBeCloseTo(0.8, 1)
  })

  it('asks a front-on runner to turn side-on when the exercise cannot be counted front-on (cable row: viewScope.ts)', () => {
    expect(checkPlacement(cableRow, recent(FRONT_STANDING))).toMatchObject({ ok: false, issue: 'wrong-view', guidance: 'Turn your side to the camera' })
  })

  it('asks a side-on runner to face the camera for a front-view exercise', () => {
    expect(checkPlacement(bandWalk, recent(SIDE_STANDING))).toMatchObject({ issue: 'wrong-view', guidance: 'Turn to face the camera' })
  })

  it('accepts the front view for the squat too (knees caving in)', () => {
    expect(checkPlacement(squat, recent(FRONT_STANDING)).ok).toBe(true)
  })

  it("says it can't see the feet when they are below the picture", () => {
    const r = checkPlacement(squat, recent(without(SIDE_STANDING, /ankle|heel|foot/)))
    expect(r).toMatchObject({ ok: false, issue: 'feet-hidden', guidance: "I can't see your feet" })
    expect(r.missing).toEqual(['left_ankle', 'left_foot_index'])
  })

  it('says step back when the runner is cut off by the picture edge', () => {
    const r = checkPlacement(squat, recent(SIDE_STANDING, { scale: 1.3 }))
    expect(r).toMatchObject({ ok: false, issue: 'too-close', guidance: 'Step back' })
  })

  it('asks the runner to come closer when they are tiny in the picture', () => {
    expect(checkPlacement(squat, recent(SIDE_STANDING, { scale: 0.2 }))).toMatchObject({ issue: 'too-far', guidance: 'Come a little closer' })
  })

  it('needs only the side facing the camera in a side view', () => {
    const farSideHidden = without(SIDE_STANDING, /^right_/)
    expect(checkPlacement(squat, recent(farSideHidden)).ok).toBe(true)
  })

  it('asks a standing runner to get down for a floor exercise, and passes the plank position', () => {
    expect(checkPlacement(plank, recent(SIDE_STANDING))).toMatchObject({ issue: 'get-down', guidance: 'Get down into your plank' })
    expect(checkPlacement(plank, recent(PLANK_SIDE))).toMatchObject({ ok: true, presence: { posture: 'floor' } })
  })

  it('says it cannot see anyone on empty frames', () => {
    const empty: PoseFrame = { timestampMs: 0, imageWidth: 640, imageHeight: 480, keypoints: [] }
    expect(checkPlacement(squat, [empty])).toMatchObject({ ok: false, issue: 'no-person', presence: { inFrame: false } })
  })

  it('ignores low-confidence joints', () => {
    expect(checkPlacement(squat, recent(SIDE_STANDING, { score: 0.2 })).issue).toBe('no-person')
  })

  it('stays green through one bad frame in ten', () => {
    const frames = recent(SIDE_STANDING)
    frames[4] = frame(FRONT_STANDING, 4 * 33)
    expect(checkPlacement(lunge, frames).ok).toBe(true)
  })

  it('names the hidden body parts in words', () => {
    const ex: PlacementExercise = { id: 'push-up', view: 'side', requiredJoints: ['left_wrist', 'right_wrist', 'left_elbow', 'right_elbow', ...LEG_JOINTS] }
    expect(checkPlacement(ex, recent(without(PLANK_SIDE, /wrist|elbow/))).guidance).toBe("I can't see your hands and elbows")
  })

  it('rejects an empty frame list with a sentence', () => {
    expect(() => checkPlacement(squat, [])).toThrow('checkPlacement(squat) needs at least one recent PoseFrame, got none')
  })
})

describe('start poses (issue 11, item 5: a forearm plank passed for push-ups, a kneeling runner flashed green at squats)', () => {
  const tenOf = (make: (t: number) => PoseFrame) => Array.from({ length: 10 }, (_, i) => make(i * 33))
  /** Kneeling upright side-on: shins flat on the floor behind, thighs and torso vertical. */
  const kneeling = (t: number) => sideStanding(t, { kneeDeg: 90, shinLeanDeg: 90, torsoLeanDeg: 0, armDeg: 180, ankle: { x: 560, y: 600 } })
  const standing = (t: number) => sideStanding(t, { kneeDeg: 178, shinLeanDeg: 0, torsoLeanDeg: 3, armDeg: 180, ankle: { x: 640, y: 650 } })

  it('tells a kneeling runner to stand up for squats, and passes them standing', () => {
    expect(checkPlacement(getExercise('squat'), tenOf(kneeling))).toMatchObject({ ok: false, issue: 'kneeling', guidance: 'Stand up' })
    expect(checkPlacement(getExercise('squat'), tenOf(standing)).ok).toBe(true)
  })

  it('stays red when a kneeling runner is seen in most frames of the window', () => {
    const frames = tenOf(kneeling)
    frames[3] = standing(3 * 33)
    frames[7] = standing(7 * 33)
    expect(checkPlacement(getExercise('squat'), frames).ok).toBe(false)
  })

  it('tells a forearm plank to straighten the arms for push-ups, and passes the straight-arm top', () => {
    const pushUp = getExercise('push-up')
    expect(checkPlacement(pushUp, tenOf((t) => prone(t, { elbowDeg: 90, forearmDown: true })))).toMatchObject({
      ok: false,
      issue: 'arms-bent',
      guidance: 'Straighten your arms onto your hands'
    })
    expect(checkPlacement(pushUp, tenOf((t) => prone(t, { elbowDeg: 170 }))).ok).toBe(true)
    expect(checkPlacement(pushUp, tenOf((t) => prone(t, { elbowDeg: 170, fromKnees: true }))).ok).toBe(true)
  })

  it('still passes a forearm plank for the plank itself', () => {
    expect(checkPlacement(getExercise('plank'), tenOf((t) => prone(t, { elbowDeg: 90, forearmDown: true }))).ok).toBe(true)
  })
})
