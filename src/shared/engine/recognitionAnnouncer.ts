/**
 * When the engine says which exercise it recognises: only once the camera's roll is known (a picture on its
 * side makes a standing runner look like a side plank, a lunge like a bridge), or after a grace period for
 * exercises that give no roll evidence, and never while the picture is on its side. A guess made before then
 * is held, and said when it may be, if nothing newer replaced it.
 */
import { pictureTurned, type RollReading } from './cameraRoll'
import type { EngineEvent } from './events'

/** The roll tracker settles in ~1.7–3.4 s; past this, recognition is said even where no roll evidence comes. */
export const RECOGNITION_GRACE_MS = 4000

export class RecognitionAnnouncer {
  private firstMs: number | null = null
  private held: EngineEvent | null = null

  /** `recognised`: this frame's events from the ExerciseRecogniser; returns those that may be said now. */
  update(tMs: number, recognised: readonly EngineEvent[], roll: RollReading | null): EngineEvent[] {
    this.firstMs ??= tMs
    const latest = recognised.filter((e) => e.type === 'exercise').at(-1)
    if (latest) this.held = latest
    if (!this.held || (roll === null && tMs - this.firstMs < RECOGNITION_GRACE_MS)) return []
    const said = pictureTurned(roll?.state) ? [] : [this.held]
    this.held = null
    return said
  }

  reset(): void {
    this.firstMs = null
    this.held = null
  }
}
