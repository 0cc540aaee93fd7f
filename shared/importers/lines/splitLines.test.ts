import { describe, expect, it } from 'vitest'
import { forEachLine } from './splitLines'
import { decodeLine, peekTimestamp } from './jsonLine'
import { byteMarker, hasMarker, lastIndexOfMarker } from './byteMarker'

const encoder = new TextEncoder()

/** The text's bytes as the command line reads a file: each chunk read into one reused Node Buffer, which the next read overwrites. */
async function* chunksOf(text: string, size: number): AsyncIterable<Uint8Array> {
  const bytes = encoder.encode(text)
  const reused = Buffer.alloc(size)
  for (let i = 0; i < bytes.length; i += size) {
    const chunk = bytes.subarray(i, i + size)
    reused.set(chunk)
    yield reused.subarray(0, chunk.length)
  }
}

async function lines(text: string, size: number, max?: number) {
  const seen: { text: string; line: number; terminated: boolean }[] = []
  const stats = await forEachLine(chunksOf(text, size), (bytes, line, terminated) => seen.push({ text: decodeLine(bytes, 0, bytes.length), line, terminated }), max)
  return { seen, stats }
}

describe('forEachLine', () => {
  it('gives the same lines for every chunk size, multi-byte characters split across chunks included', async () => {
    const text = '{"a":"é日本"}\r\n\n{"b":"🚀"}\n{"c":3}'
    for (const size of [1, 2, 3, 5, 64]) {
      const { seen, stats } = await lines(text, size)
      expect(seen).toEqual([
        { text: '{"a":"é日本"}', line: 1, terminated: true },
        { text: '{"b":"🚀"}', line: 3, terminated: true },
        { text: '{"c":3}', line: 4, terminated: false },
      ])
      expect(stats.lines).toBe(4)
      expect(stats.bytes).toBe(encoder.encode(text).length)
    }
  })

  it('skips a line longer than the limit and reports its number', async () => {
    const { seen, stats } = await lines(`{"a":1}\n${'x'.repeat(50)}\n{"b":2}\n${'y'.repeat(40)}`, 7, 20)
    expect(seen.map((line) => line.text)).toEqual(['{"a":1}', '{"b":2}'])
    expect(stats.oversizedLines).toEqual([2, 4])
  })
})

describe('byte markers', () => {
  const line = encoder.encode('{"x":"usage: \\"usage\\"","usage":{"n":1},"timestamp":"2026-01-02T03:04:05.000Z"}')
  it('finds a key pattern, never its escaped twin inside a string', () => {
    expect(hasMarker(line, byteMarker('"usage":{'), 0, line.length)).toBe(true)
    expect(hasMarker(line, byteMarker('"usage":{'), 0, 20)).toBe(false)
    expect(lastIndexOfMarker(line, byteMarker('"x"'), 0, line.length)).toBe(1)
  })
  it('peeks a timestamp from either end', () => {
    expect(peekTimestamp(line, 0, line.length, true)).toBe('2026-01-02T03:04:05.000Z')
    expect(peekTimestamp(line, 0, line.length, false)).toBe('2026-01-02T03:04:05.000Z')
    expect(peekTimestamp(line, 0, 30, true)).toBeNull()
  })
})

describe('forEachLine around the record', () => {
  it('drops a UTF-8 byte order mark and blanks around each line, whatever the chunk size', async () => {
    const text = '\uFEFF{"a":1} \r\n\t{"b":2}\t\r\r\n  \r\n{"c":3}  '
    for (const size of [1, 2, 3, 64]) {
      const { seen } = await lines(text, size)
      expect(seen).toEqual([
        { text: '{"a":1}', line: 1, terminated: true },
        { text: '{"b":2}', line: 2, terminated: true },
        { text: '{"c":3}', line: 4, terminated: false },
      ])
    }
  })
})
