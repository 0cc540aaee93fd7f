import type { LogFileSource } from '../../shared/importers/logs/types'
import { readFileChunks } from '../fileChunks'

/** A log file on disk as the pure importer reads it: 1 MiB chunks (line views live only during the line's callback). */
export function fileLogSource(path: string): LogFileSource {
  return { path, chunks: () => readFileChunks(path, 1 << 20) }
}
