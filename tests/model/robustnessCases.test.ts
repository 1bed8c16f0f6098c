/**
 * The robustness cases of ../shared/robustness/README.md, with both models, as the analyzer sees them:
 * derive.sh makes the clips at test time (never committed), the real models estimate their poses, and each
 * case must give what its "must give" column says (tools/cases.ts holds those checks, word for word).
 *
 * Cases we do not meet yet are listed in KNOWN_SHORT with what they give today, as expected failures:
 * they stay visible in every run, and the test errors as soon as one passes, so the list is kept honest.
 * The same checks run on other strengths of five of the changes (STRENGTH_CASES).
 */
import { describe, expect, it } from 'vitest'
import type { PoseModelId } from '../../src/pose/catalogue'
import { ROBUST_CASES, STRENGTH_CASES, gaveLine } from '../../tools/cases'
import { analyseCase, analyseStrength, deriveCases } from '../../tools/robust'
import { HAS_FOOTAGE, requireFootage } from './footage'

/** Estimating one case clip on 2 CPU cores takes up to ~40 s with Full. */
const CASE_TIMEOUT_MS = 180_000

const MODELS: PoseModelId[] = ['blazepose-lite', 'blazepose-full']

/** `${model}:${case}` → what it gives today and why (measured 30 Nov 2026). */
const KNOWN_SHORT: Record<string, string> = {}

describe('robustness cases (../shared/robustness, derived at test time)', () => {
  requireFootage()
  it.skipIf(!HAS_FOOTAGE)('derives the nine case clips with derive.sh', async () => {
    await deriveCases()
  }, CASE_TIMEOUT_MS)

  for (const model of MODELS) {
    for (const c of ROBUST_CASES) {
      const known = KNOWN_SHORT[`${model}:${c.name}`]
      const title = `${model} ${c.name}: ${c.mustGive}${known ? ` (known short: ${known})` : ''}`
      const test = HAS_FOOTAGE ? (known ? it.fails : it) : it.skip
      test(title, async () => {
        await deriveCases()
        const report = await analyseCase(c, model)
        expect(c.check(report), gaveLine(report)).toBe(true)
      }, CASE_TIMEOUT_MS)
    }
  }
})

describe('other strengths of the same changes (tools/cases.ts STRENGTH_CASES, derived at test time)', () => {
  requireFootage()
  for (const model of MODELS) {
    for (const c of STRENGTH_CASES) {
      const known = KNOWN_SHORT[`${model}:${c.name}`]
      const title = `${model} ${c.name} (${c.of}: ${c.filter}): ${c.mustGive}${known ? ` (known short: ${known})` : ''}`
      const test = HAS_FOOTAGE ? (known ? it.fails : it) : it.skip
      test(title, async () => {
        const report = await analyseStrength(c, model)
        expect(c.check(report), gaveLine(report)).toBe(true)
      }, CASE_TIMEOUT_MS)
    }
  }
})
