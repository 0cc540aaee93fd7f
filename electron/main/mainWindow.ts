import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { lockDownWebContents } from './security'

/** The one app window: isolated, sandboxed, no Node in the page. */
export function createMainWindow(startUrl: string, appOrigins: readonly string[]): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Workfolio',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    },
  })
  lockDownWebContents(window.webContents, appOrigins)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(startUrl)
  return window
}
