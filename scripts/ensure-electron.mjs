// Electron 45 fetches its binary on first use (requiring 'electron' downloads it when missing), but
// electron-vite looks for that binary without triggering the download and stops with "Electron uninstall".
// Fetch it the way Electron does before electron-vite starts, and say plainly when it cannot be had: Electron's
// own installer prints the error's whole stack, so its output is kept and only the reason is passed on.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))

/** Stops with one plain paragraph and Electron's reason (one line). */
function fail(reason) {
  console.error(
    'RevUp could not get the Electron binary, which npm downloads on first launch. ' +
      'Check the network connection (or set ELECTRON_MIRROR / ELECTRON_OVERRIDE_DIST_PATH) and try again.\n' +
      `Electron said: ${reason}`
  )
  process.exit(1)
}

/** Whether the binary is already on disk: what electron/index.js checks before it downloads. */
function binaryOnDisk() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true
  const pathFile = join(electronDir, 'path.txt')
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf-8')))
}

if (!binaryOnDisk()) {
  console.log('Downloading the Electron binary (first launch only)...')
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf-8', stdio: ['ignore', 'inherit', 'pipe'] })
  if (install.status !== 0) {
    const said = (install.stderr ?? '').trim().split('\n')[0] || install.error?.message || `its installer exited with code ${install.status}`
    fail(said)
  }
}
try {
  console.log(`Electron binary: ${require('electron')}`)
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
