/**
 * The Camera check's verdict: is the whole runner in the picture? Uses the engine's own visibility
 * reasons (visibility.ts) and sentences (judging.ts), so the check says what a set would say.
 */
import type { KeypointName, PoseFrame } from '../pose/types'
import { createBody } from './body'
import type { NotJudgedReason } from './events'
import { bodyPartsNamed, notJudgedMessage } from './judging'
import { notJudgedReason, partsAtEdge } from './visibility'

/** Head to feet: the joints every exercise's judging draws on (sided ones: the side nearer the camera is enough). */
export const WHOLE_BODY: readonly KeypointName[] = ['nose', 'left_shoulder', 'left_hip', 'left_knee', 'left_ankle']

export const WHOLE_BODY_TEXT = 'Whole body in the picture'

export interface FramingVerdict {
  ok: boolean
  /** One plain sentence: "Whole body in the picture", or what is missing and what to do. */
  text: string
  /** The engine's reason, or 'at-edge' when head or feet touch the picture's edge; null when ok. */
  reason: NotJudgedReason | 'at-edge' | null
  missing: KeypointName[]
}

/** The verdict for one frame. */
export function framingVerdict(frame: PoseFrame): FramingVerdict {
  const body = createBody(frame)
  const why = notJudgedReason(body, WHOLE_BODY, frame.keypoints.map((k) => k.name))
  if (why) return { ok: false, text: notJudgedMessage(why.reason, why.missing), reason: why.reason, missing: why.missing }
  const edge = partsAtEdge(body)
  if (edge.length > 0) {
    const parts = bodyPartsNamed(edge)
    const text = `Your ${parts} ${parts === 'head' ? 'is' : 'are'} at the edge of the picture: move the laptop a little further away.`
    return { ok: false, text, reason: 'at-edge', missing: edge }
  }
  return { ok: true, text: WHOLE_BODY_TEXT, reason: null, missing: [] }
}

/** The verdict most of the recent frames give (oldest first), so one missed frame does not flicker it. */
export function steadyFramingVerdict(frames: readonly PoseFrame[]): FramingVerdict | null {
  if (frames.length === 0) return null
  const verdicts = frames.map(framingVerdict)
  const counts = new Map<string, number>()
  for (const v of verdicts) counts.set(v.text, (counts.get(v.text) ?? 0) + 1)
  let best = verdicts[verdicts.length - 1]
  for (const v of verdicts) if ((counts.get(v.text) ?? 0) > (counts.get(best.text) ?? 0)) best = v
  return best
}
