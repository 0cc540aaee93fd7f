import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron'
import { join } from 'node:path'
import { IPC, type MenuCommand } from '../ipcChannels'
import { registerAppScheme, serveRenderer } from './appProtocol'
import { OpenFileRegistry } from './ipc/openFileRegistry'
import { registerIpc } from './ipc/registerIpc'
import { createMainWindow } from './mainWindow'
import { buildMenuTemplate } from './menu'
import { rendererEntry } from './rendererEntry'
import { lockDownSession } from './security'
import { SyncHost } from './syncHost'

registerAppScheme()

const { startUrl, origins: appOrigins } = rendererEntry(process.env.ELECTRON_RENDERER_URL, app.isPackaged)

let mainWindow: BrowserWindow | null = null
const files = new OpenFileRegistry()
const syncHost = new SyncHost(app.getPath('userData'))

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(IPC.menuCommand, command)
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })

  app.whenReady().then(() => {
    lockDownSession(session.defaultSession)
    serveRenderer(join(__dirname, '../renderer'))
    registerIpc({
      ipcMain,
      dialog,
      window: () => mainWindow,
      files,
      trustedOrigins: appOrigins,
      hostSession: (workspaceId) => syncHost.host(workspaceId),
      printToPdf: (sender) => sender.printToPDF({ printBackground: true, pageSize: 'A4', margins: { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 } }),
      appInfo: () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform, electron: process.versions.electron ?? '' }),
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(sendMenuCommand, process.platform === 'darwin')))
    mainWindow = createMainWindow(startUrl, appOrigins)
    mainWindow.on('closed', () => (mainWindow = null))
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(startUrl, appOrigins)
    })
  })

  app.on('window-all-closed', () => {
    void files.closeAll()
    void syncHost.stop()
    if (process.platform !== 'darwin') app.quit()
  })
}
