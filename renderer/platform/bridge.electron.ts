import type { ElectronApi } from '../../electron/preload/api'
import type { Bridge, PickedFile } from './bridge'

/** Adapts the preload's window.workfolio to the Bridge, turning chunk reads into streams. */
export function createElectronBridge(api: ElectronApi): Bridge {
  return {
    shell: 'electron',
    async openFiles(options = {}) {
      const opened = await api.openFiles(options)
      return opened.map(
        (file): PickedFile => ({
          name: file.name,
          relativePath: file.relativePath,
          size: file.size,
          stream: () => readChunks(api, file.handle),
        }),
      )
    },
    saveFile: (suggestedName, data) => api.saveFile(suggestedName, data),
    async appInfo() {
      const info = await api.appInfo()
      return { name: info.name, version: info.version, platform: info.platform, shell: 'electron' }
    },
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  }
}

async function* readChunks(api: ElectronApi, handle: string): AsyncIterable<Uint8Array> {
  try {
    for (;;) {
      const chunk = await api.readFileChunk(handle)
      if (chunk === null) return
      yield chunk
    }
  } finally {
    await api.closeFile(handle).catch(() => undefined)
  }
}
