import { describe, expect, it } from 'vitest'
import { initialRepState, repTransition, type RepMachineConfig, type RepState, type RepStep } from './repMachine'

const squatLike: RepMachineConfig = { direction: 'flex', leaveRestDeg: 150, reachDepthDeg: 120, returnRestDeg: 160, minRepMs: 600, maxRepMs: 15000 }

function run(cfg: RepMachineConfig, samples: [number, number][]): RepStep[] {
  let state: RepState = initialRepState
  return samples.map(([tMs, angleDeg]) => {
    const step = repTransition(cfg, state, { type: 'sample', tMs, angleDeg })
    state = step.state
    return step
  })
}

describe('repTransition', () => {
  it('counts one rep for rest → depth → rest, with its timing and depth', () => {
    const steps = run(squatLike, [[0, 175], [500, 170], [1000, 140], [1500, 95], [2000, 130], [2500, 165], [3000, 172]])
    const reps = steps.filter((s) => s.rep).map((s) => s.rep!)
    expect(reps).toEqual([{ startMs: 500, bottomMs: 1500, endMs: 2500, depthDeg: 95, rangeDeg: 75 }])
  })

  it('does not count a shallow dip, and says why', () => {
    const steps = run(squatLike, [[0, 175], [500, 140], [1000, 130], [1500, 170]])
    expect(steps.some((s) => s.rep)).toBe(false)
    expect(steps.at(-1)!.dropped).toBe('too-shallow')
  })

  it('an independent depth reading (deep) completes a rep whose angle stops short; leaving and returning stay the angle\'s', () => {
    let state: RepState = initialRepState
    const feed = (samples: [number, number, boolean][]) =>
      samples.map(([tMs, angleDeg, deep]) => {
        const step = repTransition(squatLike, state, { type: 'sample', tMs, angleDeg, deep })
        state = step.state
        return step
      })
    const short = feed([[0, 175, false], [500, 145, false], [1000, 135, true], [1500, 140, true], [2000, 165, false], [2500, 170, false]])
    expect(short.filter((s) => s.rep).map((s) => s.rep!.depthDeg)).toEqual([135])
    // Without it, the same angles are a shallow dip; and `deep` at rest never starts a rep.
    state = initialRepState
    expect(feed([[0, 175, false], [500, 145, false], [1000, 135, false], [2000, 165, false]]).at(-1)!.dropped).toBe('too-shallow')
    state = initialRepState
    expect(feed([[0, 175, true], [500, 172, true], [1000, 175, true]]).some((s) => s.rep || s.state.phase !== 'rest')).toBe(false)
  })

  it('does not count jitter around the start threshold twice (hysteresis)', () => {
    const samples: [number, number][] = [[0, 175], [400, 149], [800, 152], [1200, 148], [1600, 100], [2400, 155], [2800, 158], [3200, 165], [3600, 170]]
    expect(run(squatLike, samples).filter((s) => s.rep)).toHaveLength(1)
  })

  it('counts nothing before the body has been seen at rest (walking in mid-movement)', () => {
    expect(run(squatLike, [[0, 100], [500, 110], [1000, 170]]).some((s) => s.rep)).toBe(false)
  })

  it('drops reps that are too fast or that stall (sitting down)', () => {
    // A return too soon is tentative: dropped once the angle has stayed at rest for BRIEF_RETURN_MS.
    const fast = run(squatLike, [[0, 175], [100, 100], [300, 170], [400, 172], [500, 174]])
    expect(fast.map((s) => s.dropped ?? null)).toEqual([null, null, null, null, 'too-fast'])
    expect(fast.at(-1)!.state.phase).toBe('rest')
    const stalled = run(squatLike, [[0, 175], [1000, 100], [20000, 100], [21000, 170]])
    expect(stalled.some((s) => s.rep)).toBe(false)
    expect(stalled.some((s) => s.dropped === 'too-slow')).toBe(true)
  })

  it('a one-frame spike back to rest inside a rep is a glitch: the rep counts once, from its real start', () => {
    // Down from 0.4 s; one sample reads rest at 0.8 s (too soon for a rep); down again at 0.833 s, up at 1.5 s.
    const spiked = run(squatLike, [[0, 175], [400, 172], [500, 145], [700, 110], [800, 170], [833, 130], [1200, 100], [1500, 165], [1700, 170]])
    expect(spiked.filter((s) => s.rep).map((s) => s.rep!)).toEqual([{ startMs: 400, bottomMs: 1200, endMs: 1500, depthDeg: 100, rangeDeg: 72 }])
    expect(spiked.some((s) => s.dropped)).toBe(false)
    // A glitch that stays back at rest is dropped, and a real rep after it counts alone from its own start.
    const glitchThenRep = run(squatLike, [[0, 175], [100, 100], [300, 170], [600, 172], [1000, 140], [1400, 100], [1900, 168], [2000, 170]])
    expect(glitchThenRep.map((s) => s.dropped ?? null).filter(Boolean)).toEqual(['too-fast'])
    expect(glitchThenRep.filter((s) => s.rep).map((s) => [s.rep!.startMs, s.rep!.endMs])).toEqual([[600, 1900]])
    // Dropped at the moment the angle leaves rest again: the new rep starts at the last sample at rest.
    const leavingAsDropped = run(squatLike, [[0, 175], [100, 145], [150, 110], [400, 172], [450, 171], [500, 165], [560, 148], [700, 110], [1150, 170], [1200, 172]])
    expect(leavingAsDropped[6].dropped).toBe('too-fast')
    expect(leavingAsDropped.filter((s) => s.rep).map((s) => [s.rep!.startMs, s.rep!.endMs])).toEqual([[500, 1150]])
    // Two glitches never add up to a rep: after a return too soon, hovering between the lines (a leg switch
    // in an alternating lunge) or a second dip that stops short of depth is dropped, never counted.
    const hover = run(squatLike, [[0, 175], [100, 145], [150, 110], [400, 165], [500, 158], [600, 155], [700, 165], [1000, 170]])
    expect(hover.some((s) => s.rep)).toBe(false)
    const shortSecond = run(squatLike, [[0, 175], [100, 145], [150, 110], [400, 165], [433, 140], [700, 165], [1000, 170]])
    expect(shortSecond.some((s) => s.rep)).toBe(false)
    expect(shortSecond.map((s) => s.dropped).filter(Boolean)).toEqual(['too-fast'])
  })

  it('works for extension (glute-bridge-like hip angle rising)', () => {
    const bridge: RepMachineConfig = { direction: 'extend', leaveRestDeg: 140, reachDepthDeg: 160, returnRestDeg: 135, minRepMs: 500, maxRepMs: 10000 }
    const reps = run(bridge, [[0, 120], [500, 150], [1000, 175], [1500, 150], [2000, 125], [2500, 120]]).filter((s) => s.rep)
    expect(reps.map((s) => s.rep!.depthDeg)).toEqual([175])
  })

  it('a return reached through samples short of depth counts at once; one straight from depth waits a sample', () => {
    const ordinary = run(squatLike, [[0, 175], [500, 140], [1000, 100], [1250, 130], [1500, 165]])
    expect(ordinary[4].rep).toEqual({ startMs: 0, bottomMs: 1000, endMs: 1500, depthDeg: 100, rangeDeg: 75 })
    const jump = run(squatLike, [[0, 175], [500, 140], [1000, 100], [1033, 165], [1066, 170]])
    expect(jump[3].rep).toBeUndefined()
    expect(jump[4].rep).toEqual({ startMs: 0, bottomMs: 1000, endMs: 1033, depthDeg: 100, rangeDeg: 75 })
    // A knee-drive lunge's one-sample top, reached from short of depth, with the driven knee read at depth on
    // the next sample: a real top, so two reps.
    const kneeDrive = run(squatLike, [[0, 175], [500, 140], [1000, 100], [1300, 155], [1400, 165], [1450, 110], [2000, 100], [2300, 140], [2500, 165]])
    expect(kneeDrive.filter((s) => s.rep).map((s) => [s.rep!.startMs, s.rep!.endMs])).toEqual([[0, 1400], [1400, 2500]])
  })

  it('one sample back at rest between two at depth is a spike: the rep goes on and counts once', () => {
    // A push-up's elbow read straight for one frame at the bottom, then the runner lost for 0.23 s.
    const pushUpLike: RepMachineConfig = { direction: 'flex', leaveRestDeg: 140, reachDepthDeg: 120, returnRestDeg: 145, minRepMs: 600, maxRepMs: 15000 }
    const steps = run(pushUpLike, [[0, 165], [300, 150], [600, 110], [900, 85], [1200, 152], [1433, 86], [1800, 120], [2200, 160], [2233, 165]])
    expect(steps.filter((s) => s.rep).map((s) => s.rep!)).toEqual([{ startMs: 300, bottomMs: 900, endMs: 2200, depthDeg: 85, rangeDeg: 65 }])
    expect(steps.some((s) => s.dropped)).toBe(false)
  })

  it('tracking lost right after a return straight from depth still counts the rep (it came back to rest)', () => {
    let state: RepState = initialRepState
    for (const [tMs, angleDeg] of [[0, 175], [500, 140], [1000, 100], [1033, 165]] as const) state = repTransition(squatLike, state, { type: 'sample', tMs, angleDeg }).state
    const step = repTransition(squatLike, state, { type: 'interrupt', tMs: 1600 })
    expect(step.rep).toEqual({ startMs: 0, bottomMs: 1000, endMs: 1033, depthDeg: 100, rangeDeg: 75 })
    expect(step.dropped).toBeUndefined()
    expect(step.state.phase).toBe('unready')
  })

  it('an interruption drops the rep in progress and requires rest again', () => {
    let state: RepState = initialRepState
    for (const [tMs, angleDeg] of [[0, 175], [500, 100]] as const) state = repTransition(squatLike, state, { type: 'sample', tMs, angleDeg }).state
    const step = repTransition(squatLike, state, { type: 'interrupt', tMs: 600 })
    expect(step.dropped).toBe('interrupted')
    expect(step.state.phase).toBe('unready')
  })
})
