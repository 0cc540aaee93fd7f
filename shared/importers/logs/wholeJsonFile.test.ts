import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonErrorOffset } from './wholeJsonFile'

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
