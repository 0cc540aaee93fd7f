/**
 * IPC channel names, shared by the main process and the preload. This file imports nothing,
 * so the sandboxed CommonJS preload can bundle it.
 */
export const IPC = {
  openFiles: 'files:open',
  readFileChunk: 'files:read-chunk',
  closeFile: 'files:close',
  reopenFile: 'files:reopen',
  scanAgentLogs: 'logs:scan',
  saveFile: 'files:save',
  printToPdf: 'files:print-to-pdf',
  appInfo: 'app:info',
  hostSession: 'sync:host-session',
  menuCommand: 'menu:command',
} as const

export type MenuCommand = 'import' | 'undo' | 'redo' | 'navigate:overview' | 'navigate:import' | 'navigate:runs' | 'navigate:portfolios' | 'navigate:review' | 'navigate:catalog' | 'navigate:settings'
