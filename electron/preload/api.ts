import type { MenuCommand } from '../ipcChannels'

/** What the preload exposes as `window.workfolio`; renderer/platform/bridge.electron.ts adapts it. */
export interface ElectronApi {
  openFiles(options: { title?: string; extensions?: string[]; directories?: boolean }): Promise<
    { handle: string; name: string; relativePath: string; size: number }[]
  >
  readFileChunk(handle: string): Promise<Uint8Array | null>
  closeFile(handle: string): Promise<void>
  saveFile(suggestedName: string, data: string | Uint8Array): Promise<{ saved: boolean; path?: string }>
  appInfo(): Promise<{ name: string; version: string; platform: string; electron: string }>
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}
