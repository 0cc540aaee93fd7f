/**
 * Streaming text decoding for exported files. Excel and consoles hand us UTF-8 with or
 * without a byte-order mark and UTF-16 (LE or BE, always with a BOM when Excel writes it),
 * so the encoding is sniffed from the first bytes and the BOM never reaches the parser.
 */
// Spelled this way because the Node and the DOM typings declare TextDecoder differently.
type Decoder = InstanceType<typeof TextDecoder>

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be'

/** The encoding announced by a byte-order mark, and the mark's length. */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 }
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 }
  return { encoding: 'utf-8', bomLength: 0 }
}

/**
 * The chunks of a UTF-8 file as raw bytes with the BOM cut off, or, for UTF-16, as decoded
 * text (without splitting characters). Raw bytes go to CsvTokenizer.pushUtf8 or a decoder.
 * `onBytes` reports each chunk's raw size, for progress bars.
 */
export async function* utf8BytesOrText(chunks: AsyncIterable<Uint8Array>, onBytes?: (bytes: number) => void): AsyncGenerator<Uint8Array | string> {
  // Typed by its initializer: `open` sets it, where the compiler's narrowing does not look.
  let utf16 = null as Decoder | null
  let head: Uint8Array | null = null
  let sniffed = false
  // The first bytes without their mark: raw for UTF-8, else decoded by the UTF-16 decoder opened for the rest.
  const open = (bytes: Uint8Array): Uint8Array | string => {
    sniffed = true
    const { encoding, bomLength } = sniffEncoding(bytes)
    const body = bytes.subarray(bomLength)
    if (encoding === 'utf-8') return body
    utf16 = new TextDecoder(encoding, { ignoreBOM: true })
    return utf16.decode(body, { stream: true })
  }
  for await (const chunk of chunks) {
    onBytes?.(chunk.byteLength)
    if (sniffed) {
      if (utf16) yield utf16.decode(chunk, { stream: true })
      else yield chunk
      continue
    }
    // Wait for three bytes so a BOM split across tiny chunks is still recognised.
    head = head ? concatBytes(head, chunk) : chunk
    if (head.byteLength < 3) {
      // Kept past the next chunk, which may reuse this one's buffer.
      head = head.slice()
      continue
    }
    yield open(head)
  }
  if (!sniffed && head) yield open(head)
  if (utf16) yield utf16.decode()
}

/** Decodes byte chunks into text chunks (UTF-8 or UTF-16, by the byte-order mark). */
export async function* decodeTextChunks(chunks: AsyncIterable<Uint8Array>, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  // ignoreBOM: the mark is removed already, so a second U+FEFF in the data stays data.
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })
  for await (const part of utf8BytesOrText(chunks, onBytes)) {
    const text = typeof part === 'string' ? part : utf8.decode(part, { stream: true })
    if (text) yield text
  }
  const rest = utf8.decode()
  if (rest) yield rest
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength)
  out.set(a)
  out.set(b, a.byteLength)
  return out
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
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; releaseLock(): void }
}

/** Reads a web ReadableStream as chunks, for runtimes whose streams are not async-iterable. */
export async function* readableStreamChunks(stream: ByteStreamLike): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      if (value) yield value
    }
  } finally {
    reader.releaseLock()
  }
}
