import { randomUUID } from 'node:crypto'
import { readdir, stat } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { fileLogSource } from '../../../node/agentLogs/logFileSource'
import { copyOfBytes } from '../../../shared/bytes/copyOfBytes'
import type { OpenedFile } from '../../preload/api'

/**
 * Files the user picked (or a scan found), read by the renderer one chunk at a time, so a
 * 500 MB log never crosses IPC (or sits in memory) whole. A file is read as the command line
 * reads it (fileLogSource): 1 MiB chunks, and an agent's SQLite store (OpenCode, Goose, Kilo)
 * as the lines of its rows, which the renderer's import reads like any log.
 */
export class OpenFileRegistry {
  /** Files being read, by handle: each one's chunks, opened on its first read. */
  private readonly reading = new Map<string, AsyncIterator<Uint8Array>>()
  /** Every handle given out, open or not: what may be read again (the same file, from the start). */
  private readonly known = new Map<string, { path: string; relativePath: string }>()
  /** Handles given out and not read yet: a scan finds thousands of files; each opens on first read. */
  private readonly unread = new Set<string>()

  async openPaths(paths: readonly string[], extensions: readonly string[] | undefined): Promise<OpenedFile[]> {
    const opened: OpenedFile[] = []
    for (const path of paths) {
      const info = await stat(path)
      if (info.isDirectory()) {
        for (const file of await listFiles(path, extensions)) opened.push(this.register(file, relative(join(path, '..'), file), (await stat(file)).size))
      } else {
        opened.push(this.register(path, basename(path), info.size))
      }
    }
    return opened
  }

  /** A handle on a file, opened on its first read. */
  register(path: string, relativePath: string, size: number): OpenedFile {
    const handle = randomUUID()
    this.known.set(handle, { path, relativePath })
    this.unread.add(handle)
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
    if (this.unread.delete(handle)) this.reading.set(handle, fileLogSource(this.known.get(handle)!.path).chunks()[Symbol.asyncIterator]())
    const chunks = this.reading.get(handle)
    if (!chunks) throw new Error('unknown or closed file handle')
    let next: IteratorResult<Uint8Array>
    try {
      next = await chunks.next()
    } catch (error) {
      this.reading.delete(handle)
      throw error
    }
    if (next.done) {
      await this.close(handle)
      return null
    }
    // A file's chunks are views of one reused buffer: the one sent over IPC is a copy.
    return copyOfBytes(next.value)
  }

  async close(handle: string): Promise<void> {
    this.unread.delete(handle)
    const chunks = this.reading.get(handle)
    this.reading.delete(handle)
    await chunks?.return?.()
  }

  async closeAll(): Promise<void> {
    this.unread.clear()
    await Promise.all([...this.reading.keys()].map((handle) => this.close(handle)))
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
