import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonErrorOffset, wholeJsonFileReader } from './wholeJsonFile'

describe('jsonErrorOffset', () => {
  it('finds where a text stops being JSON', () => {
    expect(jsonErrorOffset('{"a": ,}')).toBe(6)
    expect(jsonErrorOffset('{"a": [1, 2}')).toBe(11)
    expect(jsonErrorOffset('{"a": "b"} x')).toBe(11)
    expect(jsonErrorOffset('{"a": tru}')).toBe(6)
    expect(jsonErrorOffset('{"a": "b')).toBe(8)
    expect(jsonErrorOffset('[' .repeat(200_000))).toBeLessThanOrEqual(200_000)
  })

  it('points inside the text, or at its end, for any text JSON.parse rejects', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json().chain((json) => fc.nat(json.length).map((cut) => json.slice(0, cut)))), (text) => {
        let valid = true
        try {
          JSON.parse(text)
        } catch {
          valid = false
        }
        fc.pre(!valid)
        const offset = jsonErrorOffset(text)
        expect(offset).toBeGreaterThanOrEqual(0)
        expect(offset).toBeLessThanOrEqual(text.length)
      }),
    )
  })

  it('scans a valid document to its end', () => {
    fc.assert(
      fc.property(fc.json(), (json) => {
        expect(jsonErrorOffset(json)).toBe(json.length)
      }),
    )
  })
})

describe('wholeJsonFileReader', () => {
  it('keeps each line as it comes, though the reader hands it as a view of a buffer it reuses', () => {
    const document = { id: 'T-1', messages: [{ role: 'user', text: 'résumé ≤ 200k' }, { role: 'assistant', usage: { input: 3, output: 5 } }] }
    const lines = JSON.stringify(document, null, 2).split('\n')
    const reused = Buffer.alloc(1024)
    let read: unknown = null
    const reader = wholeJsonFileReader('T-1.json', () => undefined, (parsed) => (read = parsed))
    lines.forEach((line, index) => {
      const written = reused.write(line)
      reader.line(reused.subarray(0, written), index + 1, true)
    })
    reader.finish()
    expect(read).toEqual(document)
  })
})
