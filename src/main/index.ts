/**
 * Main process lifecycle: one instance, one window. Order matters: the app:// scheme is registered
 * before 'ready'; the window opens before the session store reads the disk, so no disk problem can
 * keep it from appearing (the store's calls wait for it to open, recovering any session the last
 * run left unfinished); a store that cannot open is shown as a plain message naming its folder; on
 * quit, queued journal lines get a last chance to reach the disk.
 */
import { app, BrowserWindow, dialog, session } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AppInfo } from '../shared/ipc'
import { createHandlers } from './handlers'
import { registerIpcHandlers } from './ipc'
import { isolateDevServer, registerAppScheme, serveAppScheme } from './protocol'
import { hardenAllContents, hardenSession } from './security'
import { appOrigins, originOf } from './securityPolicy'
import type { ChooseExportPath } from './sessions/exportSessions'
import { SessionStore } from './sessions/sessionStore'
import { SettingsFile } from './settingsFile'
import { createMainWindow } from './window'

/** Set by electron-vite in development only; a packaged app always loads app://revup. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const origins = appOrigins(devServerUrl)

registerAppScheme()
hardenAllContents(app, origins)

let mainWindow: BrowserWindow | null = null
let store: SessionStore | null = null

if (!app.requestSingleInstanceLock()) {
  // A second copy would write the same sessions folder; hand over to the first one.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('RevUp could not start', String(error))
      app.quit()
    })
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData')
  const sessionsFolder = join(dataDir, 'sessions')
  store = new SessionStore(sessionsFolder)

  const appDir = fileURLToPath(new URL('../..', import.meta.url))
  serveAppScheme(session.defaultSession, { rendererDir: join(appDir, 'out', 'renderer'), modelsDir: join(appDir, 'models') })
  hardenSession(session.defaultSession, origins)
  const devOrigin = devServerUrl ? originOf(devServerUrl) : null
  if (devOrigin) isolateDevServer(session.defaultSession, devOrigin)

  const appInfo = (): AppInfo => ({
    name: app.getName(),
    version: app.getVersion(),
    shell: 'electron',
    versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
    platform: process.platform,
    sessionsFolder
  })
  const chooseExportPath: ChooseExportPath = async (suggestedName, format) => {
    const options = {
      title: 'Export sessions',
      defaultPath: join(app.getPath('documents'), suggestedName),
      filters: [format === 'csv' ? { name: 'CSV (spreadsheet)', extensions: ['csv'] } : { name: 'JSON', extensions: ['json'] }]
    }
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
    return result.canceled || !result.filePath ? null : result.filePath
  }
  registerIpcHandlers(createHandlers({ store, settings: new SettingsFile(dataDir), appInfo, chooseExportPath }), () => BrowserWindow.getAllWindows(), origins)

  mainWindow = createMainWindow(devServerUrl)
  mainWindow.on('closed', () => {
    mainWindow = null
  })

  const report = await store.open()
  if (report.damaged.length > 0) console.warn(`RevUp: ${report.damaged.length} session(s) could not be read; they are listed as damaged.`)
  if (report.problem !== null) {
    const message = { type: 'warning' as const, title: 'RevUp', message: 'RevUp cannot save your workouts', detail: report.problem }
    void (mainWindow ? dialog.showMessageBox(mainWindow, message) : dialog.showMessageBox(message))
  }
}

app.on('window-all-closed', () => app.quit())

let flushedBeforeQuit = false
app.on('before-quit', (event) => {
  if (flushedBeforeQuit || !store) return
  // Give queued journal lines one last write; unfinished sessions are recovered on the next start.
  event.preventDefault()
  flushedBeforeQuit = true
  void store.dispose().finally(() => app.quit())
})
