import type { PickedFile } from '../platform/bridge'

/** A picked file of `text`, read through chunks of `chunkSize` bytes (as the desktop app's files are), so readers cross chunk ends. */
export function pickedText(relativePath: string, text: string, chunkSize = 64): PickedFile {
  const bytes = new TextEncoder().encode(text)
  return {
    name: relativePath.split('/').pop()!,
    relativePath,
    size: bytes.length,
    async *stream() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.slice(i, i + chunkSize)
    },
  }
}
