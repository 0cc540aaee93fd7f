import type { LogFileSource } from '../../shared/importers/logs/types'
import { isSqliteHeader } from '../../shared/importers/logs/sessionLogFormat'
import { readFileChunks } from '../fileChunks'
import { sqliteStoreLines } from './sqliteStore'

/** Files up to this size are read whole by a ReadBuffer; larger ones in reads of this size. */
const WHOLE_READ_BYTES = 32 * 1024 * 1024

/**
 * One thread's buffer for reading log files one after another, each in one read when it fits:
 * reused from file to file (grown to the largest file, up to WHOLE_READ_BYTES), so 13,000 small
 * transcripts allocate no buffer each, and no line of a long-lined file is cut between chunks
 * and copied together. Only for files read one at a time: a file's chunk is overwritten by the next.
 */
export class ReadBuffer {
  bytes = Buffer.allocUnsafe(0)
  constructor(readonly wholeReadBytes = WHOLE_READ_BYTES) {}

  /**
   * The buffer for a file of `fileSize` bytes: this one, grown to hold it whole when it fits, and
   * then to at least twice its size. Grown only to each file bigger than all before, a thread
   * reading sessions of varied sizes replaced it again and again, each new buffer's pages first
   * touched (faulted in, costly on a virtual machine) by the read; pages never read into cost nothing.
   */
  readonly bufferFor = (fileSize: number): Buffer => {
    const wanted = Math.min(this.wholeReadBytes, fileSize + 1)
    if (this.bytes.length < wanted) this.bytes = Buffer.allocUnsafe(Math.max(wanted, Math.min(this.wholeReadBytes, this.bytes.length * 2)))
    return this.bytes
  }
}

/**
 * A log file on disk as the pure importer reads it: 1 MiB chunks (line views live only during
 * the line's callback); an agent's SQLite store as the lines of its rows (sqliteStore.ts).
 */
export function fileLogSource(path: string): LogFileSource {
  return { path, chunks: () => logFileChunks(path, undefined) }
}

/** Log files read one after another, each whole into `reuse` when it fits (else as fileLogSource reads it). */
export function reusingLogSource(reuse: ReadBuffer): (path: string) => LogFileSource {
  return (path) => ({ path, chunks: () => logFileChunks(path, reuse) })
}

/** A store is told by its first bytes, read as the file's first chunk: each file is opened once. */
async function* logFileChunks(path: string, reuse: ReadBuffer | undefined): AsyncGenerator<Uint8Array> {
  const chunks = readFileChunks(path, reuse ? reuse.bufferFor : 1 << 20)
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
