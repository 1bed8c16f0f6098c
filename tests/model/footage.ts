/**
 * Where the real footage lives for model tests, and what to do when it is absent: in CI a missing
 * folder is a failure (the tests would prove nothing), on a developer machine the tests are skipped
 * with the reason printed.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { it } from 'vitest'
import { REPO_ROOT } from '../../tools/poses'

/** ../shared/footage beside the repo, or REVUP_FOOTAGE_DIR (the same variable the e2e tests read). */
export const FOOTAGE_DIR = process.env.REVUP_FOOTAGE_DIR ?? resolve(REPO_ROOT, '../shared/footage')
export const HAS_FOOTAGE = existsSync(join(FOOTAGE_DIR, 'labels.json'))

const MISSING = `real footage not found at ${FOOTAGE_DIR} (expected labels.json and the clips there)`

/** Call inside a describe: fails in CI, otherwise logs why the suite is skipped. */
export function requireFootage(): void {
  if (HAS_FOOTAGE) return
  if (process.env.CI) {
    it('has the real footage', () => {
      throw new Error(`${MISSING}; CI must provide it for the model tests`)
    })
  } else {
    console.warn(`Skipping model tests: ${MISSING}`)
  }
}

export interface ClipLabel {
  clip: string
  fps: number
  reps: { t: number; side: 'left' | 'right' | null; full: boolean }[]
}

export function clipLabel(clip: string): ClipLabel {
  const labels = JSON.parse(readFileSync(join(FOOTAGE_DIR, 'labels.json'), 'utf8')) as ClipLabel[]
  const label = labels.find((l) => l.clip === clip)
  if (!label) throw new Error(`No label for ${clip} in labels.json`)
  return label
}
