/**
 * Model folders with one file missing or corrupt, for the tests that check the error names the
 * file. Everything else is a symlink into the real models/ folder.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { DEFAULT_ROOTS, REPO_ROOT } from './server'

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })
}

/**
 * Builds tests/.cache/models-<label>: a copy of models/ (symlinks) where `file` (relative to
 * models/) is left out ('missing') or cut to a third of its bytes ('truncated').
 */
export function brokenModelsDir(file: string, damage: 'missing' | 'truncated'): string {
  const source = DEFAULT_ROOTS.modelsDir
  const target = resolve(REPO_ROOT, 'tests', '.cache', `models-${damage}-${file.replace(/[^a-z0-9]+/gi, '_')}`)
  rmSync(target, { recursive: true, force: true })
  for (const path of listFiles(source)) {
    const rel = relative(source, path)
    const out = join(target, rel)
    mkdirSync(dirname(out), { recursive: true })
    if (rel !== file) symlinkSync(path, out)
    else if (damage === 'truncated') {
      const bytes = readFileSync(path)
      writeFileSync(out, bytes.subarray(0, Math.floor(bytes.length / 3)))
    }
  }
  return target
}
