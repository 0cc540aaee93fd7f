import type { AgentTool } from '../../shared/importers/logs/types'
import type { MenuCommand } from '../ipcChannels'

/** A team server the desktop app hosts for a meeting, and how teammates on the network reach it. */
export interface HostedSessionInfo {
  workspaceId: string
  token: string
  /** Where this app itself connects (loopback). */
  localServerUrl: string
  /** One entry per network address of this machine. */
  addresses: { serverUrl: string; joinCode: string }[]
}

/** A file the main process opened for the renderer to read by handle. */
export interface OpenedFile {
  handle: string
  name: string
  /** Path relative to the folder the user picked (or the file name), for messages and log layouts. */
  relativePath: string
  size: number
}

/** A default agent-log folder the desktop app looked in (Claude Code, Codex). */
export interface AgentLogFolder {
  tool: AgentTool
  path: string
  exists: boolean
  files: number
  bytes: number
  /** Oldest and newest file modification time (a cheap date range), ISO instants or null. */
  firstModified: string | null
  lastModified: string | null
}

/** What the preload exposes as `window.workfolio`; renderer/platform/bridge.electron.ts adapts it. */
export interface ElectronApi {
  openFiles(options: { title?: string; extensions?: string[]; directories?: boolean }): Promise<OpenedFile[]>
  readFileChunk(handle: string): Promise<Uint8Array | null>
  closeFile(handle: string): Promise<void>
  /** A fresh handle on a file already opened, to read it again from the start. */
  reopenFile(handle: string): Promise<OpenedFile>
  /** The agents' default log folders on this machine and the session files in them. */
  scanAgentLogs(): Promise<{ folders: AgentLogFolder[]; files: OpenedFile[] }>
  saveFile(suggestedName: string, data: string | Uint8Array): Promise<{ saved: boolean; path?: string }>
  /** The page on screen as a PDF (webContents.printToPDF), saved through a dialog. */
  printToPdf(suggestedName: string): Promise<{ saved: boolean; path?: string }>
  hostSession(workspaceId: string): Promise<HostedSessionInfo>
  appInfo(): Promise<{ name: string; version: string; platform: string; electron: string }>
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}
