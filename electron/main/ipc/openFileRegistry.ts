import { randomUUID } from 'node:crypto'
import { open, readdir, stat, type FileHandle } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import type { OpenedFile } from '../../preload/api'

const CHUNK_BYTES = 1 << 20

/**
 * Files the user picked, held open by the main process and read by the renderer one chunk at
 * a time, so a 500 MB log never crosses IPC (or sits in memory) whole.
 */
export class OpenFileRegistry {
  private readonly files = new Map<string, { file: FileHandle; position: number }>()
  /** Every handle given out, open or not: what may be read again (the same file, from the start). */
  private readonly known = new Map<string, { path: string; relativePath: string }>()
  /** Handles registered but not opened yet: a scan finds thousands of files; each opens on first read. */
  private readonly lazy = new Set<string>()

  async openPaths(paths: readonly string[], extensions: readonly string[] | undefined): Promise<OpenedFile[]> {
    const opened: OpenedFile[] = []
    for (const path of paths) {
      const info = await stat(path)
      if (info.isDirectory()) {
        for (const file of await listFiles(path, extensions)) opened.push(await this.openOne(file, relative(join(path, '..'), file)))
      } else {
        opened.push(await this.openOne(path, basename(path)))
      }
    }
    return opened
  }

  /** A handle for a file found by the app itself (an agent-log scan), opened on its first read. */
  register(path: string, relativePath: string, size: number): OpenedFile {
    const handle = randomUUID()
    this.known.set(handle, { path, relativePath })
    this.lazy.add(handle)
    return { handle, name: basename(path), relativePath, size }
  }

  /** A fresh handle on a file already given out, read from the start (a preview, then the import). */
  async reopen(handle: string): Promise<OpenedFile> {
    const known = this.known.get(handle)
    if (!known) throw new Error('unknown file handle')
    const { size } = await stat(known.path)
    return this.register(known.path, known.relativePath, size)
  }

  async readChunk(handle: string): Promise<Uint8Array | null> {
    if (this.lazy.has(handle)) {
      this.lazy.delete(handle)
      const known = this.known.get(handle)!
      this.files.set(handle, { file: await open(known.path, 'r'), position: 0 })
    }
    const entry = this.files.get(handle)
    if (!entry) throw new Error('unknown or closed file handle')
    const buffer = new Uint8Array(CHUNK_BYTES)
    const { bytesRead } = await entry.file.read(buffer, 0, CHUNK_BYTES, entry.position)
    if (bytesRead === 0) {
      await this.close(handle)
      return null
    }
    entry.position += bytesRead
    return buffer.subarray(0, bytesRead)
  }

  async close(handle: string): Promise<void> {
    this.lazy.delete(handle)
    const entry = this.files.get(handle)
    this.files.delete(handle)
    await entry?.file.close()
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.files.keys()].map((handle) => this.close(handle)))
  }

  private async openOne(path: string, relativePath: string): Promise<OpenedFile> {
    const file = await open(path, 'r')
    const handle = randomUUID()
    this.files.set(handle, { file, position: 0 })
    this.known.set(handle, { path, relativePath })
    const { size } = await file.stat()
    return { handle, name: basename(path), relativePath, size }
  }
}

async function listFiles(folder: string, extensions: readonly string[] | undefined): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) out.push(...(await listFiles(path, extensions)))
    else if (entry.isFile() && (!extensions || extensions.some((ext) => entry.name.toLowerCase().endsWith('.' + ext.toLowerCase())))) out.push(path)
  }
  return out.sort()
}
