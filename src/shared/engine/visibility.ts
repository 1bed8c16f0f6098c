/**
 * Visibility gating: nothing is judged while the joints an exercise needs are not seen. Sided joints
 * are satisfied by either side (the side facing the camera is enough); unsided ones (nose) must be seen.
 */
import type { KeypointName } from '../pose/types'
import type { Body } from './body'
import type { EngineEvent } from './events'

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

/** A change in visibility must last this long before it is reported (one bad frame is not a dropout). */
const VISIBILITY_SETTLE_MS = 300

/** Debounced visibility state across frames; emits a 'visibility' event when it changes. */
export class VisibilityGate {
  private ok: boolean | null = null
  private missing: KeypointName[] = []
  private pendingSinceMs: number | null = null

  constructor(private readonly required: readonly KeypointName[]) {}

  /** Whether the exercise may be judged on the last frame passed to `update`. */
  get isOk(): boolean {
    return this.ok === true
  }

  update(body: Body): EngineEvent[] {
    const missing = missingRequired(body, this.required)
    const okNow = missing.length === 0
    if (this.ok === null) {
      // The first frame sets the state straight away so the UI can say what it cannot see.
      this.ok = okNow
      this.missing = missing
      return [{ type: 'visibility', t: body.tMs, ok: okNow, missing }]
    }
    const changed = okNow !== this.ok || (!okNow && missing.join() !== this.missing.join())
    if (!changed) {
      this.pendingSinceMs = null
      return []
    }
    if (this.pendingSinceMs === null) this.pendingSinceMs = body.tMs
    if (body.tMs - this.pendingSinceMs < VISIBILITY_SETTLE_MS) return []
    this.ok = okNow
    this.missing = missing
    this.pendingSinceMs = null
    return [{ type: 'visibility', t: body.tMs, ok: okNow, missing }]
  }

  reset(): void {
    this.ok = null
    this.missing = []
    this.pendingSinceMs = null
  }
}
