import { APP_ORIGIN } from './security'

export interface RendererEntry {
  /** What the main window loads first. */
  startUrl: string
  /** The origins navigation and IPC trust. */
  origins: string[]
}

/**
 * In development electron-vite serves the renderer over http and names it in
 * ELECTRON_RENDERER_URL; a packaged app always loads app://workfolio. The variable is ignored
 * once packaged: whoever can set an environment variable must not be able to point the
 * installed app, and its IPC trust, at a page of their choosing.
 */
export function rendererEntry(devServerUrl: string | undefined, isPackaged: boolean): RendererEntry {
  if (isPackaged || !devServerUrl) return { startUrl: `${APP_ORIGIN}/index.html`, origins: [APP_ORIGIN] }
  return { startUrl: devServerUrl, origins: [APP_ORIGIN, new URL(devServerUrl).origin] }
}
