import { closeSync, openSync, readSync } from 'node:fs'
import type { LogFileSource } from '../../shared/importers/logs/types'

const CHUNK_BYTES = 1 << 20

/**
 * A log file on disk as the pure importer reads it: 1 MiB chunks. Read synchronously into
 * one reused buffer: the importer copies what it keeps (line views live only during the
 * line's callback), and a command-line import has no window to keep responsive. Against a
 * read stream this halves the time spent reading (0.37 s against 0.74 s for 1 GB here) and
 * leaves no thousand 1 MiB buffers for the garbage collector.
 */
export function fileLogSource(path: string): LogFileSource {
  return {
    path,
    async *chunks() {
      const fd = openSync(path, 'r')
      try {
        const buffer = Buffer.allocUnsafe(CHUNK_BYTES)
        for (;;) {
          const read = readSync(fd, buffer, 0, CHUNK_BYTES, null)
          if (read === 0) return
          yield buffer.subarray(0, read)
        }
      } finally {
        closeSync(fd)
      }
    },
  }
}
