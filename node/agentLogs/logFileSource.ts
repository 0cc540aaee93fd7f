import type { LogFileSource } from '../../shared/importers/logs/types'
import { readFileChunks } from '../fileChunks'
import { isSqliteFile, sqliteStoreLines } from './sqliteStore'

/**
 * A log file on disk as the pure importer reads it: 1 MiB chunks (line views live only during
 * the line's callback); an agent's SQLite store as the lines of its rows (sqliteStore.ts).
 */
export function fileLogSource(path: string): LogFileSource {
  return { path, chunks: () => (isSqliteFile(path) ? sqliteStoreLines(path) : readFileChunks(path, 1 << 20)) }
}
