import type { MenuCommand } from '../../electron/ipcChannels'
import type { AgentLogFolder, HostedSessionInfo } from '../../electron/preload/api'

export type { AgentLogFolder, MenuCommand }
export type HostedSession = HostedSessionInfo

/** A file the person picked or dropped, read as a stream so big files never load whole. */
export interface PickedFile {
  name: string
  /** Path relative to a picked folder (or just the name), used in messages and to recognise log layouts. */
  relativePath: string
  size: number
  stream(): AsyncIterable<Uint8Array>
  /** The DOM file behind it, when there is one (the browser build): it can be posted to a worker whole. */
  file?: Blob
}

export interface OpenFilesOptions {
  title?: string
  /** Extensions without the dot, e.g. ["csv", "jsonl"]. */
  extensions?: string[]
  directories?: boolean
}

export interface AgentLogScan {
  folders: AgentLogFolder[]
  /** Every session file found, ready to stream. */
  files: PickedFile[]
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
  /** Saves the page on screen (a printable report) as a PDF; desktop app only, absent in the browser build. */
  printToPdf?(suggestedName: string): Promise<{ saved: boolean; path?: string }>
  appInfo(): Promise<AppInfo>
  /** Runs the team sync server inside the desktop app for a meeting; absent in the browser build. */
  hostSession?(workspaceId: string): Promise<HostedSession>
  /** Looks in the agents' default log folders on this machine; desktop app only, absent in the browser build. */
  scanAgentLogs?(): Promise<AgentLogScan>
  /** Commands from the application menu (File > Import…, Edit > Undo, View > …). */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}
