import type { LogFileSource } from '../../shared/importers/logs/types'
import { isSqliteHeader } from '../../shared/importers/logs/sessionLogFormat'
import { readFileChunks } from '../fileChunks'
import { sqliteStoreLines } from './sqliteStore'

/**
 * A log file on disk as the pure importer reads it: 1 MiB chunks (line views live only during
 * the line's callback); an agent's SQLite store as the lines of its rows (sqliteStore.ts).
 */
export function fileLogSource(path: string): LogFileSource {
  return { path, chunks: () => logFileChunks(path) }
}

/** A store is told by its first bytes, read as the file's first chunk: each file is opened once. */
async function* logFileChunks(path: string): AsyncGenerator<Uint8Array> {
  const chunks = readFileChunks(path, 1 << 20)
  const first = await chunks.next()
  if (first.done) return
  if (isSqliteHeader(first.value)) {
    await chunks.return(undefined)
    yield* sqliteStoreLines(path)
    return
  }
  yield first.value
  yield* chunks
}
