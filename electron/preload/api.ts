import type { MenuCommand } from '../ipcChannels'

/** What the preload exposes as `window.workfolio`; renderer/platform/bridge.electron.ts adapts it. */
/** A team server the desktop app hosts for a meeting, and how teammates on the network reach it. */
export interface HostedSessionInfo {
  workspaceId: string
  token: string
  /** Where this app itself connects (loopback). */
  localServerUrl: string
  /** One entry per network address of this machine. */
  addresses: { serverUrl: string; joinCode: string }[]
}

export interface ElectronApi {
  openFiles(options: { title?: string; extensions?: string[]; directories?: boolean }): Promise<
    { handle: string; name: string; relativePath: string; size: number }[]
  >
  readFileChunk(handle: string): Promise<Uint8Array | null>
  closeFile(handle: string): Promise<void>
  /** A fresh handle on a file already opened, to read it again from the start. */
  reopenFile(handle: string): Promise<{ handle: string; name: string; relativePath: string; size: number }>
  /** The agents' default log folders on this machine and the session files in them. */
  scanAgentLogs(): Promise<{
    folders: { tool: 'claude-code' | 'codex'; path: string; exists: boolean; files: number; bytes: number; firstModified: string | null; lastModified: string | null }[]
    files: { handle: string; name: string; relativePath: string; size: number }[]
  }>
  saveFile(suggestedName: string, data: string | Uint8Array): Promise<{ saved: boolean; path?: string }>
  /** The page on screen as a PDF (webContents.printToPDF), saved through a dialog. */
  printToPdf(suggestedName: string): Promise<{ saved: boolean; path?: string }>
  hostSession(workspaceId: string): Promise<HostedSessionInfo>
  appInfo(): Promise<{ name: string; version: string; platform: string; electron: string }>
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}
