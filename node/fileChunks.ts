import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

/** The smallest buffer a file is read with (a file whose size the system does not tell still reads in few calls). */
const MIN_BUFFER_BYTES = 64 * 1024

/** The buffer to read a file of `fileSize` bytes into, when the caller keeps one (see ReadBuffer in node/agentLogs). */
export type BufferForFile = (fileSize: number) => Buffer

/**
 * A file's bytes in chunks of `chunkBytes` (or read into the buffer a caller keeps for it), read synchronously into one reused buffer: each
 * chunk is valid only until the next one is asked for, so readers copy what they keep. A
 * command-line import has no window to keep responsive, and against a read stream this
 * leaves the thread no I/O waits and the garbage collector no buffer per chunk.
 * A file smaller than a chunk gets a buffer of its size: 13,000 small transcripts would
 * otherwise allocate a chunk each.
 */
export async function* readFileChunks(path: string, chunkBytes: number | BufferForFile, part: FilePart = {}): AsyncGenerator<Uint8Array> {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    const buffer = typeof chunkBytes === 'number' ? Buffer.allocUnsafe(Math.min(chunkBytes, Math.max(MIN_BUFFER_BYTES, size + 1))) : chunkBytes(size)
    const chunkEnd = part.chunkEnd ?? -1
    // Read from the current position unless told where (a pipe has none to seek).
    let at = part.from ?? null
    for (let position = part.from ?? 0; ; ) {
      const length = position < chunkEnd ? Math.min(buffer.length, chunkEnd - position) : buffer.length
      const read = readSync(fd, buffer, 0, length, at)
      if (read === 0) return
      position += read
      if (at !== null) at = position
      yield buffer.subarray(0, read)
    }
  } finally {
    closeSync(fd)
  }
}

/** Where to start reading a file (`from`), and a byte offset a chunk is to end at (`chunkEnd`, the next starting there). */
export interface FilePart {
  from?: number
  chunkEnd?: number
}

/** The first `length` bytes of a file (fewer when it is shorter), for telling its kind. */
export function readFileHead(path: string, length: number): Uint8Array {
  const head = Buffer.alloc(length)
  const fd = openSync(path, 'r')
  try {
    return head.subarray(0, readSync(fd, head, 0, length, 0))
  } finally {
    closeSync(fd)
  }
}
