/**
 * Registers every IPC handler through one wrapper: calls from anything but the main frame of our
 * own window on our own origin are refused before the handler sees them. The handlers themselves
 * (handlers.ts) parse their arguments from `unknown` and never throw.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { fail, IPC_CHANNELS, VERBS } from '../shared/ipc'
import type { Handlers } from './handlers'
import { isTrustedSender } from './securityPolicy'

export const UNTRUSTED_SENDER_MESSAGE = 'This request did not come from the RevUp window, so it was refused.'

export function registerIpcHandlers(handlers: Handlers, windows: () => BrowserWindow[], origins: readonly string[]): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean =>
    isTrustedSender(
      {
        frameUrl: event.senderFrame?.url ?? null,
        isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
        webContentsId: event.sender.id
      },
      windows().map((w) => w.webContents.id),
      origins
    )

  for (const verb of VERBS) {
    ipcMain.handle(IPC_CHANNELS[verb], (event, ...args: unknown[]) => {
      if (!trusted(event)) return fail(UNTRUSTED_SENDER_MESSAGE)
      return handlers[verb](args)
    })
  }
  return () => VERBS.forEach((verb) => ipcMain.removeHandler(IPC_CHANNELS[verb]))
}
