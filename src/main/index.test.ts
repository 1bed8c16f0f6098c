/**
 * Start-up with `electron` mocked: the window opens whatever state the data folder is in, and a
 * sessions folder that cannot be used becomes a plain message naming it (it used to leave the app
 * with no window and no error).
 */
import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeTempDir } from './sessions/testSupport'

interface FakeWindow {
  url: string | null
}

const electron = vi.hoisted(() => ({
  userData: '',
  windows: [] as FakeWindow[],
  messages: [] as { detail?: string }[],
  errorBoxes: [] as string[][]
}))

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => electron.windows
    webContents = { id: 1 }
    url: string | null = null
    constructor() {
      electron.windows.push(this)
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.url = url
      return Promise.resolve()
    }
  }
  const fn = () => undefined
  return {
    app: {
      isPackaged: true,
      on: fn,
      quit: fn,
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      getPath: (name: string) => (name === 'userData' ? electron.userData : '/tmp'),
      getName: () => 'RevUp',
      getVersion: () => '0.0.0'
    },
    BrowserWindow,
    dialog: {
      showErrorBox: (...args: string[]) => electron.errorBoxes.push(args),
      showMessageBox: async (...args: unknown[]) => {
        electron.messages.push(args.at(-1) as { detail?: string })
        return { response: 0 }
      }
    },
    session: {
      defaultSession: { protocol: { handle: fn }, setPermissionRequestHandler: fn, setPermissionCheckHandler: fn, webRequest: { onHeadersReceived: fn } }
    },
    protocol: { registerSchemesAsPrivileged: fn },
    ipcMain: { handle: fn, removeHandler: fn },
    shell: { openExternal: fn }
  }
})

let cleanup: () => Promise<void>
beforeEach(async () => {
  let dir: string
  ;({ dir, cleanup } = await makeTempDir('revup-startup-'))
  electron.userData = join(dir, 'userData')
  electron.windows.length = 0
  electron.messages.length = 0
  electron.errorBoxes.length = 0
  vi.resetModules()
})
afterEach(() => cleanup())

async function startApp(): Promise<void> {
  await import('./index')
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1))
}

describe('start-up', () => {
  it('opens the window when the sessions folder cannot be used, and says which folder and what to do', async () => {
    await mkdir(electron.userData, { recursive: true })
    await writeFile(join(electron.userData, 'sessions'), 'a file where the folder should be')
    await startApp()
    expect(electron.windows[0].url).toBe('app://revup/index.html')
    await vi.waitFor(() => expect(electron.messages).toHaveLength(1))
    expect(electron.messages[0].detail).toBe(
      `RevUp cannot keep your sessions in ${join(electron.userData, 'sessions')}: a file stands where RevUp expected a folder. ` +
        'Move or rename that file, then restart RevUp. Until then, workouts are not saved.'
    )
    expect(electron.errorBoxes).toEqual([])
  })

  it('opens the window and finishes opening the store when a summary.json is a pipe', async () => {
    if (process.platform === 'win32') return
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const folder = join(electron.userData, 'sessions', 's-20250101-080000-fifo00')
    await mkdir(folder, { recursive: true })
    execFileSync('mkfifo', [join(folder, 'summary.json')])
    await startApp()
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('RevUp: 1 session(s) could not be read; they are listed as damaged.'))
    expect(electron.messages).toEqual([])
    warn.mockRestore()
  })

  it('opens the window with a healthy data folder and shows no message', async () => {
    await startApp()
    await new Promise((r) => setTimeout(r, 50))
    expect(electron.messages).toEqual([])
    expect(electron.errorBoxes).toEqual([])
  })
})
