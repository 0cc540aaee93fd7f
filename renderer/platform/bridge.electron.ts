import type { ElectronApi, OpenedFile } from '../../electron/preload/api'
import type { Bridge, PickedFile } from './bridge'

/** Adapts the preload's window.workfolio to the Bridge, turning chunk reads into streams. */
export function createElectronBridge(api: ElectronApi): Bridge {
  return {
    shell: 'electron',
    async openFiles(options = {}) {
      const opened = await api.openFiles(options)
      return opened.map((file) => pickedFile(api, file))
    },
    async scanAgentLogs() {
      const scan = await api.scanAgentLogs()
      return { folders: scan.folders, files: scan.files.map((file) => pickedFile(api, file)) }
    },
    saveFile: (suggestedName, data) => api.saveFile(suggestedName, data),
    printToPdf: (suggestedName) => api.printToPdf(suggestedName),
    hostSession: (workspaceId) => api.hostSession(workspaceId),
    async appInfo() {
      const info = await api.appInfo()
      return { name: info.name, version: info.version, platform: info.platform, shell: 'electron' }
    },
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  }
}

/** The first read uses the handle the main process gave; each later read asks for a fresh one. */
function pickedFile(api: ElectronApi, file: OpenedFile): PickedFile {
  let reads = 0
  return {
    name: file.name,
    relativePath: file.relativePath,
    size: file.size,
    stream: () => (reads++ === 0 ? readChunks(api, file.handle) : reopened(api, file.handle)),
  }
}

async function* reopened(api: ElectronApi, handle: string): AsyncIterable<Uint8Array> {
  const fresh = await api.reopenFile(handle)
  yield* readChunks(api, fresh.handle)
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
