import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hash64Hex, hash64Words, hash64WordsJoined } from './hash64'
import { hexOfWordPair } from './hexWords'

describe('hash64', () => {
  it('keeps the digits stored request keys and folders were made with', () => {
    // Runs keep these as their request keys: a changed hash would count every request again.
    expect(hash64Hex('')).toBe('488bdcb81aee8d83')
    expect(hash64Hex('msg_01ABC:req_01XYZ')).toBe('a922b830c2b666c1')
    expect(hash64Hex('é漢字😀')).toBe('546b5ab5a08425e7')
  })

  it('writes the two words hash64Hex spells, where it is told (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 0, max: 3 }), (text, at) => {
        const words = new Uint32Array(5).fill(7)
        hash64Words(text, words, at)
        expect(hexOfWordPair(words[at], words[at + 1])).toBe(hash64Hex(text))
        expect([...words].filter((word, i) => i !== at && i !== at + 1 && word !== 7)).toEqual([])
      }),
    )
  })

  // Any UTF-16 code units, lone surrogates and pairs split between the strings included (fc.string never gives those).
  const codeUnits = fc.array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 12 }).map((codes) => String.fromCharCode(...codes))

  it('hashes three strings joined as their concatenation (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), codeUnits), fc.oneof(fc.string({ maxLength: 2 }), codeUnits), fc.oneof(fc.string({ unit: 'binary' }), codeUnits), (first, separator, second) => {
        const joined = new Uint32Array(2)
        const concatenated = new Uint32Array(2)
        hash64WordsJoined(first, separator, second, joined, 0)
        hash64Words(first + separator + second, concatenated, 0)
        expect([...joined]).toEqual([...concatenated])
      }),
    )
    const split = new Uint32Array(2)
    hash64WordsJoined('a\ud83d', '', '\ude00b', split, 0)
    expect(hexOfWordPair(split[0], split[1])).toBe(hash64Hex('a😀b'))
    const words = new Uint32Array(2)
    hash64WordsJoined('msg_01ABC', ':', 'req_01XYZ', words, 0)
    expect(hexOfWordPair(words[0], words[1])).toBe('a922b830c2b666c1')
  })
})
