/**
 * Exposes the IPC contract's named verbs as `window.revup`, and nothing else: no ipcRenderer, no
 * channel names the page can choose. Built as one sandboxed CommonJS file (out/preload/index.cjs).
 */
import { contextBridge, ipcRenderer } from 'electron'
import { IPC_CHANNELS as C, type RevUpApi } from '../shared/ipc'

const api: RevUpApi = {
  getAppInfo: () => ipcRenderer.invoke(C.getAppInfo),
  startSession: (info) => ipcRenderer.invoke(C.startSession, info),
  appendToSession: (id, entries) => ipcRenderer.invoke(C.appendToSession, id, entries),
  finishSession: (id) => ipcRenderer.invoke(C.finishSession, id),
  listSessions: () => ipcRenderer.invoke(C.listSessions),
  getSession: (id, options) => ipcRenderer.invoke(C.getSession, id, options),
  deleteSession: (id) => ipcRenderer.invoke(C.deleteSession, id),
  exportSession: (id, format) => ipcRenderer.invoke(C.exportSession, id, format),
  exportAllSessions: (format) => ipcRenderer.invoke(C.exportAllSessions, format),
  loadSettings: () => ipcRenderer.invoke(C.loadSettings),
  saveSettings: (settings) => ipcRenderer.invoke(C.saveSettings, settings)
}

contextBridge.exposeInMainWorld('revup', api)
