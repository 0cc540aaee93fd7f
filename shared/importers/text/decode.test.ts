import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chunksOf, decodeTextChunks, readableStreamChunks, sniffEncoding } from './decode'

/** Decoded from chunks read as the command line reads a file: each into one reused Node Buffer, whose `slice` is a view the next read overwrites. */
async function decodeAll(bytes: Uint8Array, chunkSize: number): Promise<string> {
  const reused = Buffer.alloc(chunkSize)
  async function* reads() {
    for await (const chunk of chunksOf(bytes, chunkSize)) {
      reused.set(chunk)
      yield reused.subarray(0, chunk.length)
    }
  }
  let text = ''
  for await (const part of decodeTextChunks(reads())) text += part
  return text
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2)
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe])
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    bytes[2 + i * 2 + (bigEndian ? 1 : 0)] = code & 0xff
    bytes[2 + i * 2 + (bigEndian ? 0 : 1)] = code >> 8
  }
  return bytes
}

describe('decodeTextChunks', () => {
  const text = 'usage_date_utc,context_window\n2026-08-05,≤ 200k — résumé 🚀\n'

  it('reads UTF-8 with and without a BOM, never passing the BOM on', async () => {
    const plain = new TextEncoder().encode(text)
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain])
    for (const size of [1, 2, 3, 5, 64]) {
      expect(await decodeAll(plain, size)).toBe(text)
      expect(await decodeAll(withBom, size)).toBe(text)
    }
  })

  it('reads UTF-16 LE and BE as Excel saves them, in chunks that split characters', async () => {
    for (const size of [1, 3, 64]) {
      expect(await decodeAll(utf16(text, false), size)).toBe(text)
      expect(await decodeAll(utf16(text, true), size)).toBe(text)
    }
  })

  it('reads a file without a BOM that is not UTF-8 as Windows-1252 (Excel\'s ANSI "CSV" save)', async () => {
    // "Zürich – €5" in Windows-1252: ü is 0xFC, the en dash 0x96 and the euro sign 0x80.
    const ansi = new Uint8Array([0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68, 0x20, 0x96, 0x20, 0x80, 0x35, 0x0a])
    for (const size of [3, 5, 64]) expect(await decodeAll(ansi, size)).toBe('Zürich – €5\n')
    expect(sniffEncoding(ansi).encoding).toBe('windows-1252')
    // A UTF-8 character cut off by the end of the first chunk is still UTF-8.
    expect(sniffEncoding(new TextEncoder().encode('ab€').subarray(0, 4)).encoding).toBe('utf-8')
  })

  it('reports the bytes of every chunk and copes with tiny and empty files', async () => {
    let bytes = 0
    for await (const part of decodeTextChunks(chunksOf('ab', 1), (n) => (bytes += n))) expect(part).toBe(part)
    expect(bytes).toBe(2)
    expect(await decodeAll(new Uint8Array([]), 4)).toBe('')
    expect(await decodeAll(new Uint8Array([0x61]), 4)).toBe('a')
    expect(sniffEncoding(new Uint8Array([0xff, 0xfe]))).toEqual({ encoding: 'utf-16le', bomLength: 2 })
  })
})

describe('readableStreamChunks', () => {
  it('reads a web ReadableStream (as File.stream() gives) into the decoder', async () => {
    const bytes = new TextEncoder().encode('a,b\n1,2\n')
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 3))
        controller.enqueue(bytes.subarray(3))
        controller.close()
      },
    })
    let text = ''
    for await (const part of decodeTextChunks(readableStreamChunks(stream))) text += part
    expect(text).toBe('a,b\n1,2\n')
  })

  it("reads a byte stream's bytes into one buffer, read into again for each chunk (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ minLength: 1, maxLength: 3000 }), { maxLength: 12 }), async (pieces) => {
        const stream = new ReadableStream({
          type: 'bytes',
          start(controller) {
            for (const piece of pieces) controller.enqueue(piece.slice())
            controller.close()
          },
        })
        const read: number[] = []
        let previous: Uint8Array | null = null
        for await (const chunk of readableStreamChunks(stream)) {
          // The chunk before was read into again: its buffer has moved to this one.
          if (previous) expect(previous.byteLength).toBe(0)
          read.push(...chunk)
          previous = chunk
        }
        expect(read).toEqual(pieces.flatMap((piece) => [...piece]))
      }),
      { numRuns: 100 },
    )
  })

  it('stops once the length given has been read, without waiting for the end (which Chromium may never tell)', async () => {
    const pieces = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])]
    let cancelled = false
    // A byte stream that gives its bytes and then neither closes nor errors.
    const stream = new ReadableStream({
      type: 'bytes',
      start(controller) {
        for (const piece of pieces) controller.enqueue(piece)
      },
      cancel() {
        cancelled = true
      },
    })
    const read: number[] = []
    for await (const chunk of readableStreamChunks(stream, 5)) read.push(...chunk)
    expect(read).toEqual([1, 2, 3, 4, 5])
    expect(cancelled).toBe(true)
  })
})
