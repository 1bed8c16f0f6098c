/**
 * What the runner types into a plan field on Home, read as a whole number in the field's range, or a
 * sentence in plain words saying what the field takes (shown beside the field). Only values that pass
 * are kept, so a typo never blocks "Start the whole routine" later (issue 11, item 10).
 */
import { LIMITS, type StepChoice } from './plan'

export type PlanField = keyof typeof LIMITS

/** The field's name as the runner reads it beside the box. */
const FIELD_WORDS: Record<PlanField, string> = { sets: 'Sets', reps: 'Reps', holdSeconds: 'Hold', restSeconds: 'Rest' }
const UNITS: Record<PlanField, string> = { sets: '', reps: '', holdSeconds: ' seconds', restSeconds: ' seconds' }

export type FieldReading = { ok: true; value: number } | { ok: false; message: string }

/** Reads one field's text: digits only, no decimals, within LIMITS. */
export function readPlanField(field: PlanField, text: string): FieldReading {
  const { min, max } = LIMITS[field]
  const takes = `${FIELD_WORDS[field]}: a whole number from ${min} to ${max}${UNITS[field]}`
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, message: `${takes}.` }
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: `${takes}, without a decimal point.` }
  const value = Number(trimmed)
  if (value < min) return { ok: false, message: `${takes}; ${value} is too few.` }
  if (value > max) return { ok: false, message: `${takes}; ${value} is too many.` }
  return { ok: true, value }
}

/** A remembered choice with every number outside the rules dropped (the prescription is used instead). */
export function keepValidNumbers<T extends Omit<StepChoice, 'exercise'>>(choice: T): T {
  const out = { ...choice }
  for (const field of Object.keys(LIMITS) as PlanField[]) {
    const value = out[field]
    if (value !== undefined && !readPlanField(field, String(value)).ok) delete out[field]
  }
  return out
}
