/**
 * Exposes the IPC contract's named verbs as `window.revup`, and nothing else: no ipcRenderer, no
 * channel names the page can choose. Built as one sandboxed CommonJS file (out/preload/index.cjs).
 */
import { contextBridge, ipcRenderer } from 'electron'
import { makeApi } from './api'

contextBridge.exposeInMainWorld('revup', makeApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)))
