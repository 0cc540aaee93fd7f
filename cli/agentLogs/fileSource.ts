import { createReadStream } from 'node:fs'
import type { LogFileSource } from '../../shared/importers/logs/types'

/** A log file on disk as the pure importer reads it: a stream of 1 MiB Buffers. */
export function fileLogSource(path: string): LogFileSource {
  return { path, chunks: () => createReadStream(path, { highWaterMark: 1 << 20 }) }
}
