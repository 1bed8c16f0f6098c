import { describe, expect, it } from 'vitest'
import { loadPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import { frontStanding, sequence, sideIdle, sideWalk, withJitter } from '../../../tests/fixtures/synthetic/skeleton'
import { standingRow } from '../exercises/cable-row-poses'
import { supineLegs } from '../exercises/heel-taps-poses'
import type { PoseFrame } from '../pose/types'
import { createBody, maskOutOfFrame } from './body'
import { RollTracker } from './cameraRoll'
import type { BodyPosture, ExerciseId } from './events'
import { derollFrame, rollFrame } from './levelFrame'
import { CONFIRMED_PLAN_SETTLE_MS, ExerciseRecogniser, recogniseFrames } from './recognise'
import { swings } from './windowStats'

/**
 * Every labelled clip of ../shared/footage/labels.json that tests the routine (the four `eval_skip` clips are
 * below), with the exercise a person labelled it as: the split squats and the reverse lunge are lunges.
 */
const LABELLED: [folder: string, clip: string, exercise: ExerciseId][] = [
  ['glute_bridge', 'glute_bridge_angle_hold_istock_hanshitha', 'glute-bridge'],
  ['glute_bridge', 'glute_bridge_side_darebee_be2018', 'glute-bridge'],
  ['glute_bridge', 'glute_bridge_side_floorcam_home_amateur_lena', 'glute-bridge'],
  ['glute_bridge', 'glute_bridge_singleleg_angle_floorcam_gym_turf_prakhar', 'glute-bridge'],
  ['lunge', 'lunge_forward_alternating_frontangle_istock_hanshitha', 'lunge'],
  ['lunge', 'lunge_forward_side_1rep_justfit', 'lunge'],
  ['lunge', 'lunge_front_dumbbells_istock_sumukh', 'lunge'],
  ['lunge', 'reverse_lunge_kneedrive_side_darebee_be2018', 'lunge'],
  ['lunge', 'split_squat_side_dumbbells_home_ambaks', 'lunge'],
  ['lunge', 'split_squat_rear_angle_forwardlean_home_dianafit', 'lunge'],
  ['plank', 'plank_forearm_side_outdoor_amateur_myoxyn', 'plank'],
  ['plank', 'plank_forearm_side_studio_wahoo_tomnotch', 'plank'],
  ['plank', 'plank_high_straightarm_side_outdoor_amateur_myoxyn', 'plank'],
  ['plank', 'plank_forearm_side_lowcam_home_kneel_setup_shutterstock_priya', 'plank'],
  ['pushup', 'pushup_angle_gym_dark_omartarek2', 'push-up'],
  ['pushup', 'pushup_angle_lowcam_home_lowres_divyansh', 'push-up'],
  ['pushup', 'pushup_front_floorcam_dumbbells_female_divyansh', 'push-up'],
  ['pushup', 'pushup_front_floorcam_outdoor_portrait_divyansh', 'push-up'],
  ['pushup', 'pushup_front_gym_turf_omartarek5', 'push-up'],
  ['pushup', 'pushup_side_rooftop_movingcam_posemvp', 'push-up'],
  ['side_plank', 'side_plank_armup_outdoor_pole_occlusion_myoxyn', 'side-plank'],
  ['side_plank', 'side_plank_forearm_studio_wahoo_tomnotch', 'side-plank'],
  ['side_plank', 'side_plank_forearm_front_studio_fixform_3faults_prakhar', 'side-plank'],
  ['squat', 'overhead_squat_band_front_1rep_rnhrn', 'squat'],
  ['squat', 'squat_air_armsoverhead_multiview_crossfit_mrpose', 'squat'],
  ['squat', 'squat_front_kneevalgus_wrong_then_right_randy', 'squat'],
  ['squat', 'squat_front_shallow_1rep_outdoor_sbeginn', 'squat'],
  ['squat', 'squat_frontangle_outdoor_amateur_myoxyn', 'squat'],
  ['squat', 'squat_goblet_front_gym_bw_mrpose', 'squat'],
  ['squat', 'squat_goblet_wrong_then_right_side_front_cuts_vivek', 'squat'],
  ['squat', 'squat_side_outdoor_halfsquat_hold_end_stock_eraybd', 'squat'],
  ['squat', 'squat_side_studio_1slowrep_pooja', 'squat'],
  ['squat', 'squat_side_studio_istock_hanshitha', 'squat'],
  ['squat', 'squat_side_then_front_crossfit_6count_ikram', 'squat'],
  ['step_up', 'step_up_dumbbells_angle_gym_studio_vivek', 'step-up']
]

const POSTURE: Record<ExerciseId, BodyPosture> = {
  'heel-taps': 'supine', plank: 'prone', 'side-plank': 'side-lying', 'cable-row': 'standing', 'push-up': 'prone',
  lunge: 'standing', 'step-up': 'standing', 'glute-bridge': 'supine', 'band-walk': 'standing', squat: 'standing'
}

/** What was claimed over a clip, in order (null = "none of the ten"). */
function claims(frames: PoseFrame[], planned: ExerciseId = 'squat'): (ExerciseId | null)[] {
  return recogniseFrames(frames, planned).events.map((e) => e.recognised)
}

describe('exercise recognition on the labelled real clips', () => {
  it.each(LABELLED)('%s/%s is recognised as %s, and nothing else is ever claimed', (folder, clip, exercise) => {
    const { events, recognised } = recogniseFrames(loadPoseFixture(folder, clip), 'glute-bridge')
    expect(events.map((e) => e.recognised)).toEqual([exercise])
    expect(recognised).toEqual({ exercise, posture: POSTURE[exercise] })
    expect(events[0]).toMatchObject({ type: 'exercise', planned: 'glute-bridge', posture: POSTURE[exercise] })
  })
})

describe('exercise recognition on clips that cannot fairly test the routine (eval_skip): never a wrong claim', () => {
  it('side plank with hip dips: named a side plank, its nearest neighbour', () => {
    expect(claims(loadPoseFixture('side_plank', 'side_plank_straightarm_armup_front_studio_wahoo_tomnotch'))).toEqual(['side-plank'])
  })

  it('push-ups filmed from overhead (not a laptop on the floor): nothing is claimed', () => {
    expect(claims(loadPoseFixture('pushup', 'pushup_overhead_home_elbows_tucked_then_flared_jtnicastro'))).toEqual([])
  })

  it('step-ups cut across edits and close-ups: nothing is claimed (a leg close-up is not a body lying down)', () => {
    expect(claims(loadPoseFixture('step_up', 'step_up_side_box_studio_wahoo_tomnotch'))).toEqual([])
  })
})

describe('exercise recognition on the stand-in clips (neighbouring movements, not the routine exercise)', () => {
  it('band_walk/ lateral walk in a half squat without a band: named a band walk, its nearest neighbour', () => {
    expect(claims(loadPoseFixture('band_walk', 'lateral_walk_goblet_noband_front_studio_vivek'))).toEqual(['band-walk'])
  })

  it('cable_row/ half-kneeling single-arm band row: named as not a routine exercise, kneeling', () => {
    const { events } = recogniseFrames(loadPoseFixture('cable_row', 'band_row_singlearm_halfkneeling_side_home_dianafit'), 'cable-row')
    expect(events.map((e) => [e.recognised, e.posture])).toEqual([[null, 'kneeling']])
  })

  it('cable_row/ seated cable row across camera angles: unsure, nothing claimed', () => {
    expect(claims(loadPoseFixture('cable_row', 'seated_cable_row_multiangle_gym_nuffield_liftscope'))).toEqual([])
  })

  it('heel_taps/ dead bug from the side: named heel taps, its nearest neighbour', () => {
    expect(claims(loadPoseFixture('heel_taps', 'dead_bug_side_floorcam_studio_lifeenh'))).toEqual(['heel-taps'])
  })

  it.each([
    ['heel_taps', 'dead_bug_dumbbells_headend_angle_gym_vivek'],
    ['heel_taps', 'dead_bug_legext_side_studio_standin_prakhar'],
    ['dead_bug', 'supine_heel_slide_deadbug_progression_floorcam_home_lena']
  ])('%s/%s (dead bug, heel slide): unsure, nothing claimed', (folder, clip) => {
    expect(claims(loadPoseFixture(folder, clip))).toEqual([])
  })
})

/** A band walk facing the camera (as in band-walk.test.ts): `steps` steps to image right, then back. */
function bandWalk(steps: number): PoseFrame[] {
  const stepPx = 60
  return withJitter(sequence(2 * steps + 1, 30, (t, tMs) => {
    const k = Math.min(Math.floor(Math.max(0, t - 0.5)), 2 * steps - 1)
    const u = Math.max(0, t - 0.5 - k)
    const out = Math.min(1, u / 0.4)
    const follow = Math.min(1, Math.max(0, (u - 0.4) / 0.4))
    const done = t < 0.5 ? 0 : k < steps ? k : 2 * steps - k
    const dir = k < steps ? 1 : -1
    const active = t >= 0.5 && t < 0.5 + 2 * steps
    const leadX = active ? dir * out * stepPx : 0
    const trailX = active ? dir * follow * stepPx : 0
    return frontStanding(tMs, {
      thighDrop: 0.6, kneeOut: 6, halfStance: 50, cx: 400 + done * stepPx + (leadX + trailX) / 2, floorY: 650,
      leftFootX: (dir > 0 ? leadX : trailX) - (leadX + trailX) / 2,
      rightFootX: (dir > 0 ? trailX : leadX) - (leadX + trailX) / 2
    })
  }), 1.5)
}

/** Heel taps: one thigh raised to vertical (hip 90°) and lowered to the tap (135°) every 2 s, legs alternating, knees at 90°. */
function heelTaps(seconds: number): PoseFrame[] {
  return withJitter(sequence(seconds, 30, (t, tMs) => {
    const lift = Math.max(0, Math.sin(Math.PI * Math.min(1, (t % 2) / 1)))
    const working = { hipDeg: 135 - 45 * lift, kneeDeg: 90 }
    const resting = { hipDeg: 135, kneeDeg: 90 }
    const leftTurn = Math.floor(t / 2) % 2 === 0
    return supineLegs(tMs, { left: leftTurn ? working : resting, right: leftTurn ? resting : working })
  }), 1.5)
}

describe('exercise recognition on synthetic sequences (no true footage of these three)', () => {
  it('a band walk is named a band walk', () => {
    expect(claims(bandWalk(8))).toEqual(['band-walk'])
  })

  it('a standing cable row (elbows from reaching forward to pulled back past the torso, every 2.5 s) is named a cable row', () => {
    const frames = withJitter(sequence(12, 30, (t, tMs) => standingRow(tMs, { upperArmDeg: 140 - 60 * Math.cos((2 * Math.PI * t) / 2.5) })), 1.5)
    expect(claims(frames)).toEqual(['cable-row'])
  })

  it('alternating heel taps are named heel taps', () => {
    expect(claims(heelTaps(12))).toEqual(['heel-taps'])
  })

  it('standing still, or walking across the picture, is nothing: no claim', () => {
    expect(claims(withJitter(sequence(12, 30, (_, tMs) => sideIdle(tMs)), 1.5))).toEqual([])
    expect(claims(withJitter(sequence(10, 30, (_, tMs) => sideWalk(tMs, 100, 100)), 1.5))).toEqual([])
  })
})

describe('ExerciseRecogniser', () => {
  it('reports the planned exercise beside the recognised one, only when the settled guess changes', () => {
    const squats = loadPoseFixture('squat', 'squat_side_studio_istock_hanshitha')
    const plank = loadPoseFixture('plank', 'plank_forearm_side_outdoor_amateur_myoxyn')
    const end = squats[squats.length - 1].timestampMs
    // A plank straight after the squats (times shifted on), as when a runner does the wrong exercise next.
    const frames = [...squats, ...plank.map((f) => ({ ...f, timestampMs: f.timestampMs + end + 1000 }))]
    const recogniser = new ExerciseRecogniser('squat')
    const events = frames.flatMap((f) => recogniser.update(createBody(f)))
    expect(events.map((e) => e.type === 'exercise' && [e.recognised, e.planned, e.posture])).toEqual([
      ['squat', 'squat', 'standing'],
      ['plank', 'squat', 'prone']
    ])
    expect(recogniser.recognised).toEqual({ exercise: 'plank', posture: 'prone' })
    recogniser.reset()
    expect(recogniser.recognised).toBeNull()
  })

  /** Lunges (the plan, seen), then squats from 1 s after the lunges' last frame for `squatMs` (whole clip when omitted). */
  function lungesThenSquats(squatMs = Infinity): { frames: PoseFrame[]; squatsFromMs: number } {
    const lunges = loadPoseFixture('lunge', 'reverse_lunge_kneedrive_side_darebee_be2018')
    const squats = loadPoseFixture('squat', 'squat_side_studio_istock_hanshitha').filter((f) => f.timestampMs <= squatMs)
    const squatsFromMs = lunges[lunges.length - 1].timestampMs + 1000
    return { frames: [...lunges, ...squats.map((f) => ({ ...f, timestampMs: f.timestampMs + squatsFromMs }))], squatsFromMs }
  }
  const said = (recogniser: ExerciseRecogniser, frames: PoseFrame[]): { recognised: ExerciseId | null; t: number }[] =>
    frames.flatMap((f) => recogniser.update(createBody(f))).flatMap((e) => (e.type === 'exercise' ? [{ recognised: e.recognised, t: e.t }] : []))

  it('once the plan is seen, a same-posture neighbour shorter than a window is not said (one rep seen badly is not a switch)', () => {
    // Under a window of squats after lunges were seen: at the usual settle time this says "squats".
    const { frames } = lungesThenSquats(CONFIRMED_PLAN_SETTLE_MS - 1000)
    expect(said(new ExerciseRecogniser('lunge'), frames).map((e) => e.recognised)).toEqual(['lunge'])
    // Planned squats, the same frames: the lunges were never the plan, so the squats are said as soon as usual.
    expect(said(new ExerciseRecogniser('squat'), frames).map((e) => e.recognised)).toEqual(['lunge', 'squat'])
  })

  it('a neighbour that holds a whole window after the plan was seen is still said', () => {
    const { frames, squatsFromMs } = lungesThenSquats()
    const events = said(new ExerciseRecogniser('lunge'), frames)
    expect(events.map((e) => e.recognised)).toEqual(['lunge', 'squat'])
    expect(events[1].t - squatsFromMs).toBeGreaterThanOrEqual(CONFIRMED_PLAN_SETTLE_MS)
  })

  it('holds its guess through frames with nobody in them', () => {
    const squats = loadPoseFixture('squat', 'squat_side_studio_istock_hanshitha')
    const recogniser = new ExerciseRecogniser('squat')
    squats.forEach((f) => recogniser.update(createBody(f)))
    const last = squats[squats.length - 1].timestampMs
    const empty = Array.from({ length: 90 }, (_, i): PoseFrame => ({ timestampMs: last + 33 * (i + 1), imageWidth: 640, imageHeight: 360, keypoints: [] }))
    expect(empty.flatMap((f) => recogniser.update(createBody(f)))).toEqual([])
    expect(recogniser.recognised?.exercise).toBe('squat')
  })
})

describe('exercise recognition behind the camera roll tracker', () => {
  /** What the lead's pipeline does per frame: track the roll on the camera's frame, level it, recognise. */
  function throughRoll(frames: PoseFrame[], planned: ExerciseId, rollDeg: number): (ExerciseId | null)[] {
    const tracker = new RollTracker({ exercise: planned })
    const recogniser = new ExerciseRecogniser(planned)
    const out: (ExerciseId | null)[] = []
    for (const f of frames) {
      const rolled = rollFrame(f, rollDeg)
      tracker.update(createBody(rolled))
      const correction = tracker.correctionDeg
      // As the engine does: keypoints outside the camera's picture masked, then the frame levelled.
      const body = correction === 0 ? createBody(rolled) : createBody(derollFrame(maskOutOfFrame(rolled), correction), { inFrameCheck: false })
      for (const e of recogniser.update(body, tracker.reading?.state ?? null)) {
        if (e.type === 'exercise') out.push(e.recognised)
      }
    }
    return out
  }

  it.each([
    ['squat', 'squat_side_studio_istock_hanshitha', 'squat'],
    ['lunge', 'split_squat_side_dumbbells_home_ambaks', 'lunge'],
    ['plank', 'plank_forearm_side_outdoor_amateur_myoxyn', 'plank'],
    ['pushup', 'pushup_front_gym_turf_omartarek5', 'push-up']
  ] as const)('%s/%s filmed 12° off level, levelled by the tracked roll, is still %s', (folder, clip, exercise) => {
    const frames = loadPoseFixture(folder, clip)
    expect(throughRoll(frames, exercise, 12)).toEqual([exercise])
    expect(throughRoll(frames, exercise, -12)).toEqual([exercise])
  })

  it('judges nothing while the camera reads sideways', () => {
    const recogniser = new ExerciseRecogniser('squat')
    const events = loadPoseFixture('squat', 'squat_side_studio_istock_hanshitha').flatMap((f) => recogniser.update(createBody(f), 'sideways'))
    expect(events).toEqual([])
    expect(recogniser.recognised).toBeNull()
  })
})

describe('swings', () => {
  it('counts monotone moves of at least the amplitude: a rep down and up is 2, one drop 1, jitter 0', () => {
    expect(swings([170, 150, 100, 80, 120, 165], 40)).toBe(2)
    expect(swings([170, 120, 75, 74, 76], 40)).toBe(1)
    expect(swings([170, 160, 172, 158, null, 169], 40)).toBe(0)
  })
})
