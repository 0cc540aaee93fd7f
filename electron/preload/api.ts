import type { MenuCommand } from '../ipcChannels'

/** What the preload exposes as `window.workfolio`; renderer/platform/bridge.electron.ts adapts it. */
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
  appInfo(): Promise<{ name: string; version: string; platform: string; electron: string }>
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}
