import { readableStreamChunks } from '../../shared/importers/text/decode'
import type { AppInfo, Bridge, OpenFilesOptions, PickedFile } from './bridge'

/** Wraps a DOM File (from a file input or a drop) as a PickedFile. */
export function pickedFileFromDom(file: File, relativePath?: string): PickedFile {
  return {
    name: file.name,
    relativePath: relativePath || file.webkitRelativePath || file.name,
    size: file.size,
    file,
    stream: () => readableStreamChunks(file.stream(), file.size),
  }
}

/** The browser build: a hidden file input to open, a download link to save. */
export function createWebBridge(version: string): Bridge {
  return {
    shell: 'browser',
    openFiles(options: OpenFilesOptions = {}) {
      return new Promise<PickedFile[]>((resolve) => {
        const input = document.createElement('input')
        input.type = 'file'
        input.multiple = true
        if (options.directories) input.webkitdirectory = true
        else if (options.extensions) input.accept = options.extensions.map((ext) => '.' + ext).join(',')
        input.style.display = 'none'
        input.addEventListener('change', () => {
          resolve([...(input.files ?? [])].map((file) => pickedFileFromDom(file)))
          input.remove()
        })
        input.addEventListener('cancel', () => {
          resolve([])
          input.remove()
        })
        document.body.append(input)
        input.click()
      })
    },
    async saveFile(suggestedName, data, mimeType = 'application/octet-stream') {
      const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mimeType })
      const url = URL.createObjectURL(blob)
      const link = document.createElement('a')
      link.href = url
      link.download = suggestedName
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      return { saved: true }
    },
    async appInfo(): Promise<AppInfo> {
      return { name: 'Workfolio', version, platform: navigator.platform, shell: 'browser' }
    },
    onMenuCommand() {
      // The browser has no application menu; keyboard shortcuts are handled in the app itself.
      return () => {}
    },
  }
}
