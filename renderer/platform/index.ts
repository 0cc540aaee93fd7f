import type { ElectronApi } from '../../electron/preload/api'
import type { Bridge } from './bridge'
import { createElectronBridge } from './bridge.electron'
import { createWebBridge } from './bridge.web'

declare global {
  interface Window {
    workfolio?: ElectronApi
  }
}

export const APP_VERSION = '0.1.0'

/** The desktop app has the preload's API; the browser build does not. */
export function detectBridge(): Bridge {
  return window.workfolio ? createElectronBridge(window.workfolio) : createWebBridge(APP_VERSION)
}
