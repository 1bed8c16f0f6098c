/**
 * Whether a heel tap reached the floor. A heel-tap rep is complete once the thigh is lowered, but the
 * heel only lands a moment later, so the rep is held back until its heel lands (tap reached), the leg
 * lifts again, or a short wait runs out (tap short). Lying on the back, the shoulder–hip line is the
 * torso on the floor: it stands in for the floor line, whatever the camera's tilt.
 */
import { joint, type Body } from '../engine/body'
import type { EngineEvent, Side } from '../engine/events'
import { lineDeviation } from '../pose/geometry'

/**
 * The hip and shoulder joints lie ~8–10 cm above the floor; a heel keypoint on the floor ~6 cm below
 * their line. A heel no more than 5% of a thigh (~2 cm) above that line has touched down, allowing
 * for keypoint noise. The ankle sits ~4 cm higher than the heel, so it gets 10% more.
 */
export const TAP_HEEL_MAX_ABOVE_TORSO_LINE = 0.05
export const TAP_ANKLE_MAX_ABOVE_TORSO_LINE = 0.15
/** The heel lands within ~0.3 s of the thigh passing the rest threshold; after 0.8 s it did not land. */
export const TAP_WAIT_MS = 800

/**
 * How far the heel (or ankle, without heel keypoints) of `side` is above the torso line, minus its
 * allowance, in thigh lengths: ≤ 0 = on the floor. Null when it cannot be seen.
 */
export function heelAboveFloor(body: Body, side: Side): number | null {
  const shoulder = body.point(joint(side, 'shoulder')) ?? body.point(joint(side === 'left' ? 'right' : 'left', 'shoulder'))
  const hip = body.point(joint(side, 'hip'))
  const knee = body.point(joint(side, 'knee'))
  if (!shoulder || !hip || !knee) return null
  const thigh = Math.hypot(knee.x - hip.x, knee.y - hip.y)
  if (thigh === 0) return null
  const heel = body.point(joint(side, 'heel'))
  const ankle = body.point(joint(side, 'ankle'))
  const foot = heel ?? ankle
  if (!foot) return null
  const allowance = heel ? TAP_HEEL_MAX_ABOVE_TORSO_LINE : TAP_ANKLE_MAX_ABOVE_TORSO_LINE
  const above = lineDeviation(foot, shoulder, hip) / thigh
  return Number.isNaN(above) ? null : above - allowance
}

type RepEvent = Extract<EngineEvent, { type: 'rep' }>

/** Holds one leg's finished rep until its tap is judged. */
export class TapCheck {
  private pending: RepEvent | null = null

  /** `side`: the leg whose heel is watched; 'near' = whichever is nearer the camera on each frame. */
  constructor(private readonly side: Side | 'near') {}

  /** Queue a finished rep; returns a previous one still waiting, judged short. */
  add(rep: RepEvent, tMs: number): EngineEvent[] {
    const out = this.pending ? this.release(tMs, false) : []
    this.pending = rep
    return out
  }

  /** Each frame: releases the pending rep once its heel lands, the leg lifts again or the wait runs out. */
  update(body: Body, legLifting: boolean): EngineEvent[] {
    if (!this.pending) return []
    const side = this.side === 'near' ? body.nearSide() : this.side
    const above = side ? heelAboveFloor(body, side) : null
    if (above !== null && above <= 0) return this.release(body.tMs, true)
    if (legLifting || body.tMs - this.pending.endMs > TAP_WAIT_MS) return this.release(body.tMs, false)
    return []
  }

  /** End of set or tracking lost: a rep still waiting counts; its tap cannot be judged any more. */
  flush(tMs: number): EngineEvent[] {
    return this.pending ? this.release(tMs, true) : []
  }

  reset(): void {
    this.pending = null
  }

  private release(tMs: number, landed: boolean): EngineEvent[] {
    const rep = this.pending!
    this.pending = null
    if (landed) return [{ ...rep, t: tMs }]
    const short = 'heel-taps-short-tap'
    const cue: EngineEvent = { type: 'cue', t: tMs, phase: 'raised', id: short }
    return [cue, { ...rep, t: tMs, cues: [...rep.cues, short] }]
  }
}
