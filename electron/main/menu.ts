import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../ipcChannels'

/**
 * The application menu. Undo and redo go to the renderer, where a Y.UndoManager scoped to
 * the local person's edits does the work (the native role would only undo text fields).
 */
export function buildMenuTemplate(send: (command: MenuCommand) => void, isMac: boolean): MenuItemConstructorOptions[] {
  const navigate = (label: string, command: MenuCommand, key: string): MenuItemConstructorOptions => ({
    label,
    accelerator: `CmdOrCtrl+${key}`,
    click: () => send(command),
  })
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: () => send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        navigate('Overview', 'navigate:overview', '1'),
        navigate('Import', 'navigate:import', '2'),
        navigate('Runs', 'navigate:runs', '3'),
        navigate('Portfolios', 'navigate:portfolios', '4'),
        navigate('Review', 'navigate:review', '5'),
        navigate('Catalog', 'navigate:catalog', '6'),
        navigate('Settings', 'navigate:settings', ','),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Help',
      submenu: [{ label: 'About Workfolio', role: 'about' }],
    },
  ]
}
