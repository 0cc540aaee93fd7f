import { contextBridge, ipcRenderer } from 'electron'
import { IPC, type MenuCommand } from '../ipcChannels'
import type { ElectronApi } from './api'

// No npm imports here: the sandboxed preload can only require('electron'). Every payload is
// validated in the main process, which also checks that it comes from the app's own page.
const api: ElectronApi = {
  openFiles: (options) => ipcRenderer.invoke(IPC.openFiles, options),
  readFileChunk: (handle) => ipcRenderer.invoke(IPC.readFileChunk, { handle }),
  closeFile: (handle) => ipcRenderer.invoke(IPC.closeFile, { handle }),
  reopenFile: (handle) => ipcRenderer.invoke(IPC.reopenFile, { handle }),
  scanAgentLogs: () => ipcRenderer.invoke(IPC.scanAgentLogs),
  saveFile: (suggestedName, data) => ipcRenderer.invoke(IPC.saveFile, { suggestedName, data }),
  printToPdf: (suggestedName) => ipcRenderer.invoke(IPC.printToPdf, { suggestedName }),
  appInfo: () => ipcRenderer.invoke(IPC.appInfo),
  hostSession: (workspaceId) => ipcRenderer.invoke(IPC.hostSession, { workspaceId }),
  onMenuCommand: (listener) => {
    const handler = (_event: unknown, command: MenuCommand) => listener(command)
    ipcRenderer.on(IPC.menuCommand, handler)
    return () => ipcRenderer.removeListener(IPC.menuCommand, handler)
  },
}

contextBridge.exposeInMainWorld('workfolio', api)
