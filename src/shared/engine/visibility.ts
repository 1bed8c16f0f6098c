/**
 * Visibility gating: nothing is judged while the joints an exercise needs are not seen, and the engine
 * says why (NotJudgedReason). Sided joints are satisfied by either side (the side facing the camera is
 * enough); unsided ones (nose) must be seen. A joint placed outside the picture is never seen (body.ts).
 */
import type { KeypointName } from '../pose/types'
import type { Body } from './body'
import type { EngineEvent, NotJudgedReason } from './events'

/**
 * Which required joints are missing. For sided joints the better-seen side is checked, so a side view
 * with the far leg hidden passes when the near leg is fully seen. Empty = everything needed is seen.
 */
export function missingRequired(body: Body, required: readonly KeypointName[]): KeypointName[] {
  if (!body.hasPerson) return [...required]
  const unsided = required.filter((n) => !n.startsWith('left_') && !n.startsWith('right_'))
  const parts = [...new Set(required.filter((n) => !unsided.includes(n)).map((n) => n.replace(/^(left|right)_/, '')))]
  const missingUnsided = body.missing(unsided)
  if (parts.length === 0) return missingUnsided
  const left = body.missing(parts.map((p) => `left_${p}` as KeypointName))
  const right = body.missing(parts.map((p) => `right_${p}` as KeypointName))
  const near = body.nearSide()
  const best = left.length < right.length ? left : right.length < left.length ? right : near === 'right' ? right : left
  return [...missingUnsided, ...best]
}

/** Fewer seen keypoints than this is a glimpse (a hand, a face, a shadow), not a runner in the picture. */
export const MIN_PERSON_KEYPOINTS = 6
/**
 * Mean frame luminance (0..1) under which "not seen" is put down to the dark: a webcam's auto-exposure
 * aims at mid-grey (~0.45); 0.15 is ~1.5 stops under it, where its gain noise swamps limbs against the
 * background and pose models lose low-contrast joints first.
 */
export const DARK_LUMINANCE = 0.15

/**
 * Under this mean luminance nothing the model reads is trusted, whether or not it finds a person: ~9 of 255
 * grey levels, where a webcam's sensor noise at full gain (2–4 levels) is as large as the body's contrast
 * with the room. The same floor under which frames are not lifted for the model (src/pose/lowLight.ts,
 * LIFT_FLOOR_LUMINANCE). Measured: a dim gym push-up darkened to a mean of 0.011 was "judged" for 15 s,
 * lost six of eight reps and raised two false hips-piking cues and a −27° camera tilt.
 */
export const UNTRUSTED_LUMINANCE = 0.035

/** Whether the frame holds a person at all: enough keypoints seen inside the picture. */
export function personFound(body: Body, names: readonly KeypointName[]): boolean {
  return body.hasPerson && names.filter((n) => body.point(n) !== null).length >= MIN_PERSON_KEYPOINTS
}

/**
 * A torso pointing down more steeply than 45° (shoulders below the hips by over 0.7 of the shoulder-to-hip
 * length, with the nose below the shoulders) is a body no routine exercise holds: the steepest is the glute
 * bridge, shoulders on the floor and hips up, whose torso slopes 20–35° from the floor. BlazePose draws such
 * upside-down skeletons when only the legs are in the picture: it fits a whole body to what it sees
 * (measured on the robustness case legs-only: in 2.8 of 4 s the "person" had the nose below the hips).
 * So the frame is read as the upper body out of the picture, not as a runner to judge.
 */
export const INVERTED_TORSO_DROP = 0.7
/**
 * A push-up filmed from the front (camera by the head) also puts the shoulders and nose below the hips in
 * the picture, but its torso points at the camera: foreshortened to under 0.7 of the shoulder width on 90 %
 * of such frames (our three front-view push-up clips). An inverted skeleton of full length is at least
 * 1.2 shoulder widths long (an upright torso seen from the front is ~1.4; the legs-only skeletons, side-on,
 * 2–70). Only the long one is read as inverted.
 */
export const INVERTED_MIN_TORSO_SHOULDERS = 1.2
/**
 * The same foreshortening against the arms: a full torso is ~1.6 upper arms long (segment tables:
 * shoulder–hip 0.30 of height, upper arm 0.19), and a head-on push-up's upper arms, upright under the
 * shoulders, show their full length while the torso does not. Under 1.2 upper arms it is not read as inverted.
 */
export const INVERTED_MIN_TORSO_UPPER_ARMS = 1.2

const UPPER_BODY: readonly KeypointName[] = ['nose', 'left_shoulder', 'right_shoulder']

/** Whether the skeleton stands on its head in the picture (see INVERTED_TORSO_DROP). */
export function skeletonInverted(body: Body): boolean {
  const shoulders = body.mid('shoulder')
  const hips = body.mid('hip')
  const nose = body.point('nose')
  if (!shoulders || !hips || !nose) return false
  const torso = Math.hypot(shoulders.x - hips.x, shoulders.y - hips.y)
  const left = body.point('left_shoulder')!
  const right = body.point('right_shoulder')!
  const shoulderWidth = Math.hypot(left.x - right.x, left.y - right.y)
  const arms = [body.dist('left_shoulder', 'left_elbow'), body.dist('right_shoulder', 'right_elbow')].filter((d): d is number => d !== null)
  const upperArm = arms.length > 0 ? Math.max(...arms) : null
  return (
    torso > 0 &&
    shoulders.y - hips.y > INVERTED_TORSO_DROP * torso &&
    nose.y > shoulders.y &&
    torso >= INVERTED_MIN_TORSO_SHOULDERS * shoulderWidth &&
    (upperArm === null || torso >= INVERTED_MIN_TORSO_UPPER_ARMS * upperArm)
  )
}

/** Frame facts beyond the body that decide why nothing can be judged. */
export interface JudgingConditions {
  /** Mean luminance of the frame 0..1, when measured. */
  meanLuminance?: number
  /** The camera's roll tracker reads the picture as turned on its side or upside down (cameraRoll.ts pictureTurned). */
  turned?: 'sideways' | 'upside-down' | null
  /** The camera is settled as looking down on a floor exercise from above (overhead.ts). */
  cameraAbove?: boolean
  /** The settled view cannot count this exercise (viewScope.ts). */
  wrongView?: boolean
  /**
   * When nobody is found: the parts that lay at the picture's edge on the runner last seen, moments ago
   * (VisibilityGate, LOST_AT_EDGE_MS). The runner left the picture there; they did not vanish.
   */
  lostAtEdge?: KeypointName[]
}

/** Every keypoint name the models give (BlazePose's 33; MoveNet's 17 are a subset). */
type AllNames = readonly KeypointName[]

/**
 * Why the exercise cannot be judged on this frame, or null when it can: the most basic reason first
 * (nobody, too dark, on its side, camera above, then joints out of the picture or hidden, then the view).
 */
export function notJudgedReason(
  body: Body,
  required: readonly KeypointName[],
  all: AllNames,
  conditions: JudgingConditions = {}
): { reason: NotJudgedReason; missing: KeypointName[] } | null {
  const dark = conditions.meanLuminance !== undefined && conditions.meanLuminance < DARK_LUMINANCE
  if (conditions.meanLuminance !== undefined && conditions.meanLuminance < UNTRUSTED_LUMINANCE) return { reason: 'too-dark', missing: [...required] }
  if (!personFound(body, all)) {
    if (!dark && conditions.lostAtEdge && conditions.lostAtEdge.length > 0) return { reason: 'out-of-frame', missing: [...conditions.lostAtEdge] }
    return { reason: dark ? 'too-dark' : 'no-person', missing: [...required] }
  }
  if (conditions.turned) return { reason: conditions.turned, missing: [] }
  // Before any joint: from above the hands hide under the body, and moving the camera is what helps.
  if (conditions.cameraAbove) return { reason: 'camera-above', missing: [] }
  if (skeletonInverted(body)) return { reason: 'out-of-frame', missing: [...UPPER_BODY] }
  const missing = missingRequired(body, required)
  if (missing.length > 0) {
    // Outside the picture if the model put any of them past its edge: moving the camera fixes it, not light.
    const outside = missing.filter((n) => body.outOfFrame(n) || body.outOfFrame(mirror(n)))
    if (outside.length > 0) return { reason: 'out-of-frame', missing }
    return { reason: dark ? 'too-dark' : 'joints-hidden', missing }
  }
  if (conditions.wrongView) return { reason: 'wrong-view', missing: [] }
  return null
}

function mirror(name: KeypointName): KeypointName {
  return (name.startsWith('left_') ? name.replace('left_', 'right_') : name.replace('right_', 'left_')) as KeypointName
}

/**
 * Within this fraction of the picture's height or width of an edge, a head or a foot touches the edge:
 * ~half a head's height for a runner filling the frame standing. BlazePose keeps a face it can barely see
 * inside the picture (measured on the head-cropped squat: nose 0–0.09 from the top edge on the frames
 * before it lost the runner), so "out of the picture" alone would not show it.
 */
export const EDGE_TOUCH = 0.05
/**
 * Nobody found this soon after a runner seen touching an edge = the runner left the picture there: the
 * detector needs the face (or enough of the body) to find a person, and loses them when it is cut off.
 * Measured: the head-cropped squat loses the runner at the top of every rep for 0.4–0.7 s.
 */
export const LOST_AT_EDGE_MS = 1500

/**
 * The ends of the body whose loss at an edge loses the runner: the head (the person detector keys on the
 * face) and the feet. Hands reach past the edge in a plank or an overhead reach without the runner being lost.
 */
const EDGE_PARTS: readonly KeypointName[] = ['nose', 'left_eye', 'right_eye', 'left_ankle', 'right_ankle', 'left_foot_index', 'right_foot_index']

const SHOULDERS: readonly KeypointName[] = ['left_shoulder', 'right_shoulder']
/**
 * The torso points at an edge when it is within 45° of that edge's outward normal (cos 45°): the head then
 * lies beyond the shoulders on that side. An upright runner at the side of the picture, the torso ~90° from
 * that edge, has the head above the shoulders, not past the side edge.
 */
export const TORSO_AT_EDGE_COS = Math.SQRT1_2

/**
 * The ends of the body (head, feet) that touch or cross an edge of the picture (EDGE_TOUCH). A shoulder at
 * the edge the torso points to (hips → shoulders) also puts the head past that edge, wherever the model drew
 * the head: the top of the head is ~0.18 of standing height beyond the shoulders (segment tables: shoulder
 * height 0.818 of stature), far more than EDGE_TOUCH. BlazePose, given a picture cut at the chest, squeezes
 * the head in below the shoulders (measured on the side squat with its top 200 of 432 rows cut: shoulders
 * 0.01–0.10 of the height from the top, nose 0.05–0.18), so the nose alone would not show the cut.
 */
export function partsAtEdge(body: Body): KeypointName[] {
  const w = body.imageWidth
  const h = body.imageHeight
  /** The picture's edges a point touches, as unit directions out of the picture (only shoulders need the direction). */
  const edgesAt = (p: { x: number; y: number }): { x: number; y: number }[] => [
    ...(p.x < EDGE_TOUCH * w ? [{ x: -1, y: 0 }] : []),
    ...(p.x > (1 - EDGE_TOUCH) * w ? [{ x: 1, y: 0 }] : []),
    ...(p.y < EDGE_TOUCH * h ? [{ x: 0, y: -1 }] : []),
    ...(p.y > (1 - EDGE_TOUCH) * h ? [{ x: 0, y: 1 }] : [])
  ]
  const ends = EDGE_PARTS.filter((n) => {
    if (body.outOfFrame(n)) return true
    const p = body.point(n)
    return p !== null && (p.x < EDGE_TOUCH * w || p.x > (1 - EDGE_TOUCH) * w || p.y < EDGE_TOUCH * h || p.y > (1 - EDGE_TOUCH) * h)
  })
  const hips = body.mid('hip')
  const shoulders = hips
    ? SHOULDERS.filter((n) => {
        const p = body.point(n)
        const torso = p && Math.hypot(p.x - hips.x, p.y - hips.y)
        return !!p && !!torso && edgesAt(p).some((out) => ((p.x - hips.x) * out.x + (p.y - hips.y) * out.y) / torso > TORSO_AT_EDGE_COS)
      })
    : []
  if (shoulders.length === 0) return ends
  return [...new Set<KeypointName>(['nose', ...shoulders, ...ends])]
}

/** A change in visibility must last this long before it is reported (one bad frame is not a dropout). */
const VISIBILITY_SETTLE_MS = 300

/** Debounced visibility state across frames; emits a 'visibility' event (with its reason) when it changes. */
export class VisibilityGate {
  private ok: boolean | null = null
  private key = ''
  private pendingSinceMs: number | null = null
  private latest: { reason: NotJudgedReason; missing: KeypointName[] } | null = null
  /** The runner's recent frames: when seen, and which parts touched an edge (the last LOST_AT_EDGE_MS). */
  private seen: { tMs: number; atEdge: KeypointName[] }[] = []

  constructor(
    private readonly required: readonly KeypointName[],
    private readonly all: AllNames
  ) {}

  /** Whether the exercise may be judged on the last frame passed to `update`. */
  get isOk(): boolean {
    return this.ok === true
  }

  /** The settled reason nothing is judged (null while judging). */
  get reason(): NotJudgedReason | null {
    return this.ok === false ? (this.latest?.reason ?? null) : null
  }

  update(body: Body, conditions: JudgingConditions = {}): EngineEvent[] {
    const found = personFound(body, this.all)
    if (found) this.seen.push({ tMs: body.tMs, atEdge: partsAtEdge(body) })
    // Parts at an edge on any frame of the last LOST_AT_EDGE_MS before the runner was lost (a rising head
    // touches the top a few frames before the detector gives up).
    const lastSeenMs = this.seen.at(-1)?.tMs ?? null
    this.seen = this.seen.filter((s) => lastSeenMs !== null && lastSeenMs - s.tMs <= LOST_AT_EDGE_MS)
    const atEdge = [...new Set(this.seen.flatMap((s) => s.atEdge))]
    // The detector keys on the face: a head at the edge is why the runner was lost, whatever the feet did.
    const head = atEdge.filter((n) => !n.includes('ankle') && !n.includes('foot'))
    const lostAtEdge = !found && lastSeenMs !== null && body.tMs - lastSeenMs <= LOST_AT_EDGE_MS ? (head.length > 0 ? head : atEdge) : undefined
    const verdict = notJudgedReason(body, this.required, this.all, lostAtEdge ? { ...conditions, lostAtEdge } : conditions)
    const okNow = verdict === null
    const key = verdict ? `${verdict.reason}:${verdict.missing.join()}` : ''
    const event = (): EngineEvent[] => {
      this.ok = okNow
      this.key = key
      this.latest = verdict
      this.pendingSinceMs = null
      return [verdict ? { type: 'visibility', t: body.tMs, ok: false, missing: verdict.missing, reason: verdict.reason } : { type: 'visibility', t: body.tMs, ok: true, missing: [] }]
    }
    // The first frame sets the state straight away so the UI can say what it cannot see.
    if (this.ok === null) return event()
    if (key === this.key) {
      this.pendingSinceMs = null
      return []
    }
    if (this.pendingSinceMs === null) this.pendingSinceMs = body.tMs
    if (body.tMs - this.pendingSinceMs < VISIBILITY_SETTLE_MS) return []
    return event()
  }

  reset(): void {
    this.ok = null
    this.key = ''
    this.latest = null
    this.seen = []
    this.pendingSinceMs = null
  }
}
