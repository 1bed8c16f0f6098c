/**
 * The one app window: isolated, sandboxed, no Node in the page. The preload is the single CommonJS
 * file electron-vite emits (out/preload/index.cjs); this file becomes out/main/index.js.
 */
import { BrowserWindow } from 'electron'
import { fileURLToPath } from 'node:url'
import { APP_ORIGIN } from './appProtocol'

const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))

/** The laptop sits on the floor a few metres away: open big enough to read from there. */
const DEFAULT_SIZE = { width: 1280, height: 820 }

export function createMainWindow(devServerUrl: string | undefined): BrowserWindow {
  const win = new BrowserWindow({
    ...DEFAULT_SIZE,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'RevUp',
    backgroundColor: '#111418',
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Timers and the pose loop must keep running while the runner looks away from the window.
      backgroundThrottling: false
    }
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}
