import { writeFile } from 'node:fs/promises'
import type { BrowserWindow, Dialog, WebContents } from 'electron'
import { IPC } from '../../ipcChannels'
import { discoverAgentLogs, type AgentLogRoot } from '../agentLogDiscovery'
import { handleValidated, type IpcMainLike } from './handleValidated'
import type { OpenFileRegistry } from './openFileRegistry'
import type { HostedSessionInfo } from '../../preload/api'

export interface IpcDependencies {
  ipcMain: IpcMainLike
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>
  window: () => BrowserWindow | null
  files: OpenFileRegistry
  trustedOrigins: readonly string[]
  appInfo: () => { name: string; version: string; platform: string; electron: string }
  /** Starts (or returns) the team server embedded in this app for a workspace. */
  hostSession?: (workspaceId: string) => Promise<HostedSessionInfo>
  /** Renders the sender's page as a PDF (Electron's webContents.printToPDF); absent where it cannot. */
  printToPdf?: (sender: WebContents) => Promise<Uint8Array>
  /** Where to look for agent logs (default: the agents' standard folders for this user). */
  agentLogRoots?: () => AgentLogRoot[]
}

/** Wires every renderer request; each one is sender-checked and schema-validated first. */
export function registerIpc(deps: IpcDependencies): void {
  const { ipcMain, trustedOrigins } = deps

  handleValidated(ipcMain, IPC.openFiles, trustedOrigins, async (request) => {
    const window = deps.window()
    const options = {
      title: request.title ?? 'Import',
      properties: [request.directories ? 'openDirectory' : 'openFile', 'multiSelections'] as ('openFile' | 'openDirectory' | 'multiSelections')[],
      filters: request.extensions && !request.directories ? [{ name: 'Supported files', extensions: request.extensions }] : undefined,
    }
    const result = window ? await deps.dialog.showOpenDialog(window, options) : await deps.dialog.showOpenDialog(options)
    if (result.canceled) return []
    return deps.files.openPaths(result.filePaths, request.extensions)
  })

  handleValidated(ipcMain, IPC.readFileChunk, trustedOrigins, (request) => deps.files.readChunk(request.handle))
  handleValidated(ipcMain, IPC.closeFile, trustedOrigins, (request) => deps.files.close(request.handle))
  handleValidated(ipcMain, IPC.reopenFile, trustedOrigins, (request) => deps.files.reopen(request.handle))

  // The agents' default log folders: what is there, and a handle per session file (opened on first read).
  handleValidated(ipcMain, IPC.scanAgentLogs, trustedOrigins, async () => {
    const { folders, files } = await discoverAgentLogs(deps.agentLogRoots?.())
    return { folders, files: files.map((file) => deps.files.register(file.path, file.relativePath, file.size)) }
  })

  handleValidated(ipcMain, IPC.saveFile, trustedOrigins, async (request) => {
    const window = deps.window()
    const options = { defaultPath: request.suggestedName }
    const result = window ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options)
    if (result.canceled || !result.filePath) return { saved: false }
    await writeFile(result.filePath, request.data)
    return { saved: true, path: result.filePath }
  })

  // The page on screen (the review's printable report) as a PDF, saved where the person says.
  handleValidated(ipcMain, IPC.printToPdf, trustedOrigins, async (request, event) => {
    if (!deps.printToPdf) throw new Error('saving as PDF is not available')
    const pdf = await deps.printToPdf(event.sender)
    const window = deps.window()
    const options = { defaultPath: request.suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] }
    const result = window ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options)
    if (result.canceled || !result.filePath) return { saved: false }
    await writeFile(result.filePath, pdf)
    return { saved: true, path: result.filePath }
  })

  handleValidated(ipcMain, IPC.appInfo, trustedOrigins, () => deps.appInfo())

  handleValidated(ipcMain, IPC.hostSession, trustedOrigins, (request) => {
    if (!deps.hostSession) throw new Error('hosting a session is not available')
    return deps.hostSession(request.workspaceId)
  })
}
