import type { MenuCommand } from '../../electron/ipcChannels'

export type { MenuCommand }

/** A file the person picked or dropped, read as a stream so big files never load whole. */
export interface PickedFile {
  name: string
  /** Path relative to a picked folder (or just the name), used in messages and to recognise log layouts. */
  relativePath: string
  size: number
  stream(): AsyncIterable<Uint8Array>
}

export interface OpenFilesOptions {
  title?: string
  /** Extensions without the dot, e.g. ["csv", "jsonl"]. */
  extensions?: string[]
  directories?: boolean
}

export interface AppInfo {
  name: string
  version: string
  platform: string
  shell: 'electron' | 'browser'
}

/**
 * Everything the renderer needs from the platform. The Electron preload and the browser
 * build each implement it; views never touch window.workfolio or the DOM file APIs directly.
 */
export interface Bridge {
  readonly shell: AppInfo['shell']
  openFiles(options?: OpenFilesOptions): Promise<PickedFile[]>
  saveFile(suggestedName: string, data: string | Uint8Array, mimeType?: string): Promise<{ saved: boolean; path?: string }>
  appInfo(): Promise<AppInfo>
  /** Commands from the application menu (File > Import…, Edit > Undo, View > …). */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}
