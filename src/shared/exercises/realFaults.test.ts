/**
 * Every form cue on real footage: the labelled fault spans below were written by a person from the
 * clips (../shared/footage/labels.json, copied here by hand, seconds), and the engine must raise the
 * fault's cue inside each span (give or take the half second the evaluation allows for debounce and
 * label timing), and raise no form cue on the reps and holds labelled clean. Keypoints: BlazePose Full
 * fixtures extracted from the clips (tests/fixtures/poses).
 */
import { describe, expect, it } from 'vitest'
import { loadPoseFixture } from '../../../tests/fixtures/synthetic/realFixtures'
import { analyzeFrames } from '../engine/analyze'
import { getCue } from '../engine/cues'
import type { ExerciseId } from '../engine/events'

/** Label timing and the cue's ~0.3 s raise delay: a cue this close outside a span still belongs to it. */
const SLACK_S = 0.5

interface FaultCase {
  fixture: [folder: string, stem: string]
  exercise: ExerciseId
  cue: string
  /** Non-debatable labelled spans of the fault, seconds. */
  spans: [number, number][]
}

const FAULTS: FaultCase[] = [
  {
    fixture: ['side_plank', 'side_plank_forearm_front_studio_fixform_3faults_prakhar'],
    exercise: 'side-plank', cue: 'side-plank-hips-piking', spans: [[2.239, 4.933]]
  },
  {
    fixture: ['side_plank', 'side_plank_forearm_front_studio_fixform_3faults_prakhar'],
    exercise: 'side-plank', cue: 'side-plank-hips-dropping', spans: [[4.933, 7.71]]
  },
  {
    fixture: ['side_plank', 'side_plank_forearm_front_studio_fixform_3faults_prakhar'],
    exercise: 'side-plank', cue: 'side-plank-elbow-under-shoulder', spans: [[7.71, 9.99]]
  },
  {
    fixture: ['squat', 'squat_front_kneevalgus_wrong_then_right_randy'],
    // The 4th knees-in rep (6.2–6.6 s) is cut by an edit 0.17 s after it is loaded, before the usual ~1/3 s
    // persistence: caving on every loaded frame of it, it is called when the loading ends (REP_CUE_DEBOUNCE).
    exercise: 'squat', cue: 'squat-knees-caving', spans: [[0.6, 1.85], [2.5, 3.7], [4.35, 5.6], [6.2, 6.6]]
  },
  {
    fixture: ['squat', 'squat_goblet_wrong_then_right_side_front_cuts_vivek'],
    exercise: 'squat', cue: 'squat-knees-caving', spans: [[13.0, 13.7]]
  },
  {
    fixture: ['squat', 'squat_front_shallow_1rep_outdoor_sbeginn'],
    exercise: 'squat', cue: 'squat-depth', spans: [[1.1, 2.0]]
  },
  {
    // Filmed from above: nothing is counted, but the T-shaped reps 8-9 (arms ~85° from the body) are called.
    fixture: ['pushup', 'pushup_overhead_home_elbows_tucked_then_flared_jtnicastro'],
    exercise: 'push-up', cue: 'push-up-elbows-flaring', spans: [[20.3, 22.3], [23.0, 25.0]]
  },
  {
    fixture: ['heel_taps', 'dead_bug_legext_side_studio_standin_prakhar'],
    exercise: 'heel-taps', cue: 'heel-taps-knee-straightening', spans: [[0.75, 3.65], [4.8, 7.3], [8.65, 10.9], [11.7, 13.85]]
  }
]

describe('form cues fire on labelled real faults', () => {
  for (const f of FAULTS) {
    it(`${f.cue} on ${f.fixture[1]}`, () => {
      const r = analyzeFrames(f.exercise, loadPoseFixture(...f.fixture))
      const raised = r.cues.filter((c) => c.id === f.cue).map((c) => c.t)
      for (const [from, to] of f.spans) {
        expect(raised.some((t) => t >= from - SLACK_S && t <= to + SLACK_S), `${f.cue} in ${from}-${to} s (raised at ${raised.join(', ')})`).toBe(true)
      }
    })
  }
})

/** Clips labelled with no form fault at all (a person watched every rep and hold). */
const CLEAN: { fixture: [string, string]; exercise: ExerciseId }[] = [
  { fixture: ['squat', 'squat_side_outdoor_halfsquat_hold_end_stock_eraybd'], exercise: 'squat' },
  { fixture: ['squat', 'squat_side_studio_1slowrep_pooja'], exercise: 'squat' },
  { fixture: ['squat', 'squat_side_then_front_crossfit_6count_ikram'], exercise: 'squat' },
  { fixture: ['squat', 'squat_goblet_front_gym_bw_mrpose'], exercise: 'squat' },
  { fixture: ['squat', 'squat_frontangle_outdoor_amateur_myoxyn'], exercise: 'squat' },
  { fixture: ['plank', 'plank_forearm_side_lowcam_home_kneel_setup_shutterstock_priya'], exercise: 'plank' },
  { fixture: ['plank', 'plank_forearm_side_studio_wahoo_tomnotch'], exercise: 'plank' },
  { fixture: ['side_plank', 'side_plank_armup_outdoor_pole_occlusion_myoxyn'], exercise: 'side-plank' },
  { fixture: ['side_plank', 'side_plank_forearm_studio_wahoo_tomnotch'], exercise: 'side-plank' },
  { fixture: ['lunge', 'reverse_lunge_kneedrive_side_darebee_be2018'], exercise: 'lunge' },
  { fixture: ['pushup', 'pushup_angle_gym_dark_omartarek2'], exercise: 'push-up' },
  { fixture: ['glute_bridge', 'glute_bridge_side_darebee_be2018'], exercise: 'glute-bridge' }
]

describe('form cues stay silent on clean real clips', () => {
  for (const c of CLEAN) {
    it(`no form cue on ${c.fixture[1]}`, () => {
      const r = analyzeFrames(c.exercise, loadPoseFixture(...c.fixture))
      const form = r.cues.filter((x) => getCue(x.id).kind === 'form').map((x) => `${x.id}@${x.t.toFixed(1)}`)
      expect(form).toEqual([])
    })
  }
})

describe('a push-up filmed from above', () => {
  const r = analyzeFrames('push-up', loadPoseFixture('pushup', 'pushup_overhead_home_elbows_tucked_then_flared_jtnicastro'))

  it('counts nothing and says the camera is above, not that the hands are hidden', () => {
    expect(r.repCount).toBe(0)
    const reasons = r.events.filter((e) => e.type === 'visibility' && !e.ok).map((e) => (e.type === 'visibility' ? e.reason : null))
    expect(reasons).toContain('camera-above')
    expect(reasons.at(-1)).toBe('camera-above')
  })

  it('is silent on the tucked reps (1-2 and 6-7, arms ~35° from the body)', () => {
    const tucked = r.cues.filter((c) => c.id === 'push-up-elbows-flaring' && ((c.t > 1 && c.t < 5.5) || (c.t > 15.5 && c.t < 20)))
    expect(tucked).toEqual([])
  })
})

describe('the root cause is told, not what follows from it', () => {
  it('a side plank with the hips too high or too low gets the hips cue, not the elbow cue (the shoulder swings off the elbow)', () => {
    const r = analyzeFrames('side-plank', loadPoseFixture('side_plank', 'side_plank_forearm_front_studio_fixform_3faults_prakhar'))
    // Hips too high 2.24-4.93 s, too low 4.93-7.71 s; the elbow is out wide only from 7.71 s.
    const elbow = r.cues.filter((c) => c.id === 'side-plank-elbow-under-shoulder' && c.t > 2.24 + SLACK_S && c.t < 7.71 - SLACK_S)
    expect(elbow).toEqual([])
  })
})
