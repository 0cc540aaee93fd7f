/**
 * Streaming text decoding for exported files. Excel and consoles hand us UTF-8 with or
 * without a byte-order mark and UTF-16 (LE or BE, always with a BOM when Excel writes it),
 * so the encoding is sniffed from the first bytes and the BOM never reaches the parser.
 * Excel's plain "CSV" save on Windows writes the ANSI code page instead: a file without a
 * BOM whose first 64 KiB are not UTF-8 is read as Windows-1252, so "€" and "ü" survive;
 * past those, a byte that breaks UTF-8 is read as Windows-1252 too (utf8OrAnsi.ts).
 */
import { concatBytes } from '../../bytes/concatBytes'
import { copyOfBytes } from '../../bytes/copyOfBytes'
import { Utf8OrAnsiDecoder } from './utf8OrAnsi'

// Spelled this way because the Node and the DOM typings declare TextDecoder differently.
type Decoder = InstanceType<typeof TextDecoder>

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/** The encoding announced by a byte-order mark (or, without one, UTF-8 unless the bytes are not), and the mark's length. */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 }
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 }
  return { encoding: isUtf8(head) ? 'utf-8' : 'windows-1252', bomLength: 0 }
}

/** Whether the bytes are UTF-8, a character cut off at the end (the rest is in the next chunk) allowed. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
    return true
  } catch {
    return false
  }
}

/**
 * How much of the file the encoding is sniffed from: a byte-order mark needs three bytes, and
 * an ANSI file shows itself by its first byte that is not ASCII, seen if it is this early.
 */
const SNIFF_BYTES = 64 * 1024

/**
 * The chunks of a UTF-8 file as raw bytes with the BOM cut off, or, for other encodings, as
 * decoded text (without splitting characters). Raw bytes go to CsvTokenizer.pushUtf8 or a decoder.
 * `onBytes` reports each chunk's raw size, for progress bars.
 */
export async function* utf8BytesOrText(chunks: AsyncIterable<Uint8Array>, onBytes?: (bytes: number) => void): AsyncGenerator<Uint8Array | string> {
  // Typed by its initializer: `open` sets it, where the compiler's narrowing does not look.
  let decoder = null as Decoder | null
  let sniffed = false
  // The first bytes without their mark: raw for UTF-8, else decoded by the decoder opened for the rest.
  const open = (bytes: Uint8Array): Uint8Array | string => {
    sniffed = true
    const { encoding, bomLength } = sniffEncoding(bytes)
    const body = bytes.subarray(bomLength)
    if (encoding === 'utf-8') return body
    decoder = new TextDecoder(encoding, { ignoreBOM: true })
    return decoder.decode(body, { stream: true })
  }
  let waiting: Uint8Array[] = []
  let waitingBytes = 0
  for await (const chunk of chunks) {
    onBytes?.(chunk.byteLength)
    if (sniffed) {
      if (decoder) yield decoder.decode(chunk, { stream: true })
      else yield chunk
      continue
    }
    // Kept past the next chunk, which may reuse this one's buffer.
    waiting.push(copyOfBytes(chunk))
    waitingBytes += chunk.byteLength
    if (waitingBytes < SNIFF_BYTES) continue
    yield open(concatBytes(waiting))
    waiting = []
  }
  if (!sniffed && waitingBytes > 0) yield open(concatBytes(waiting))
  if (decoder) yield decoder.decode()
}

/** Decodes byte chunks into text chunks (UTF-8, UTF-16 or Windows-1252, as sniffed from the first 64 KiB). */
export async function* decodeTextChunks(chunks: AsyncIterable<Uint8Array>, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  // The mark is removed already, so a second U+FEFF in the data stays data.
  const utf8 = new Utf8OrAnsiDecoder()
  for await (const part of utf8BytesOrText(chunks, onBytes)) {
    const text = typeof part === 'string' ? part : utf8.decode(part)
    if (text) yield text
  }
  const rest = utf8.end()
  if (rest) yield rest
}

/** Wraps in-memory bytes or text as a chunk stream (tests, previews, pasted text). */
export async function* chunksOf(content: Uint8Array | string, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  for (let offset = 0; offset < bytes.byteLength; offset += chunkSize) {
    yield bytes.subarray(offset, Math.min(offset + chunkSize, bytes.byteLength))
  }
}

/** The part of a web ReadableStream (a File's `stream()`, a fetch body) that reading needs. */
export interface ByteStreamLike {
  getReader(): ChunkReader
}

interface ChunkReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>
  cancel(): Promise<void>
  releaseLock(): void
}

/** A byte stream's reader that reads into a view it is given, returning the view (on the same memory, moved to a new buffer). */
interface ByobReader {
  read(view: Uint8Array): Promise<{ done: boolean; value?: Uint8Array }>
  cancel(): Promise<void>
  releaseLock(): void
}

/** How much a byte stream is read into at a time. */
const READ_BUFFER_BYTES = 1 << 20

/**
 * Reads a web ReadableStream as chunks, for runtimes whose streams are not async-iterable. A
 * byte stream (a File's) is read into one buffer, read into again for the next chunk, so each
 * chunk is valid only until the next is asked for, as readFileChunks gives a file's: with a
 * fresh buffer for every chunk, Chromium spent most of a big file's read touching new memory.
 * Any other stream gives its own chunks.
 *
 * `length`: how many bytes the stream holds, when known (a Blob's size). Reading then stops once
 * they are in, without asking for the end: Chromium now and then never answers the read after
 * a Blob stream's last bytes (seen in a worker on a busy machine), and the import waited forever.
 */
export async function* readableStreamChunks(stream: ByteStreamLike, length = Infinity): AsyncGenerator<Uint8Array> {
  // Any other stream's reader ignores the view it is given, and gives chunks of its own.
  const reader: ByobReader = byobReaderOf(stream) ?? stream.getReader()
  let read = 0
  try {
    let buffer = new ArrayBuffer(READ_BUFFER_BYTES)
    while (read < length) {
      const { done, value } = await reader.read(new Uint8Array(buffer))
      if (done) return
      if (!value) continue
      buffer = value.buffer as ArrayBuffer
      read += value.byteLength
      if (value.byteLength > 0) yield value
    }
    // All of it read: the end is not waited for (it may never be told).
    reader.cancel().catch(() => undefined)
  } finally {
    reader.releaseLock()
  }
}

function byobReaderOf(stream: ByteStreamLike): ByobReader | null {
  try {
    return (stream.getReader as (options: { mode: 'byob' }) => ByobReader).call(stream, { mode: 'byob' })
  } catch {
    // Not a byte stream.
    return null
  }
}
