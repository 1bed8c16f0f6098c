// Electron 45 fetches its binary on first use (requiring 'electron' downloads it when missing), but
// electron-vite looks for that binary without triggering the download and stops with "Electron uninstall".
// Ask for it the way Electron expects before electron-vite starts, and say plainly when it cannot be had.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
try {
  const binary = require('electron')
  console.log(`Electron binary: ${binary}`)
} catch (error) {
  console.error(
    'RevUp could not get the Electron binary, which npm downloads on first launch. ' +
      'Check the network connection (or set ELECTRON_MIRROR / ELECTRON_OVERRIDE_DIST_PATH) and try again.\n' +
      `Electron said: ${error instanceof Error ? error.message : String(error)}`
  )
  process.exit(1)
}
