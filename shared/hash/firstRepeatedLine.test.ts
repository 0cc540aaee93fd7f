import fc from 'fast-check'
import { expect, test } from 'vitest'
import { firstRepeatedLine } from './firstRepeatedLine'

// Few distinct words, so hashes repeat, fall into the same buckets and include the all-zero one.
const word = fc.constantFrom(0, 1, -1, 0x7fffffff, -0x80000000, 0x40000000, 4096)
const hash = fc.tuple(word, word, word, word)

/** The first repeat as a Set of the hashes read row by row tells it. */
function firstRepeatOneByOne(rows: { hash: number[]; line: number }[]): number {
  const seen = new Set<string>()
  for (const { hash, line } of rows) {
    const key = hash.join(',')
    if (seen.has(key)) return line
    seen.add(key)
  }
  return 0
}

test('tells the line of the first row whose hash an earlier row has, as one Set read row by row does, across lists and any bucket size (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.array(hash, { maxLength: 400 }), { maxLength: 4 }), fc.nat(1000), fc.constantFrom(1, 2, 7, 64, 4096), (lists, gap, bucketRows) => {
      // Each list's lines from 1, placed after the previous list's with `gap` lines between (a part's lines count from its start).
      const rows: { hash: number[]; line: number }[] = []
      let lineOffset = 1
      const given = lists.map((hashes) => {
        const lines = Int32Array.from(hashes, (_, row) => row + 1)
        hashes.forEach((words, row) => rows.push({ hash: words, line: lineOffset + lines[row] }))
        const list = { hashes: Int32Array.from(hashes.flat()), lines, lineOffset }
        lineOffset += hashes.length + gap
        return list
      })
      expect(firstRepeatedLine(given, bucketRows)).toBe(firstRepeatOneByOne(rows))
    }),
    { numRuns: 200 },
  )
})

test('finds a repeat far apart among many distinct hashes, whatever bucket it falls in', () => {
  const rows = 50_000
  const hashes = new Int32Array(rows * 4)
  for (let row = 0; row < rows; row++) hashes.set([row * 2654435761, row * 40503 + 7, Math.imul(row, 0x9e3779b1), ~row], row * 4)
  const lines = Int32Array.from({ length: rows }, (_, row) => row + 2)
  expect(firstRepeatedLine([{ hashes, lines, lineOffset: 0 }])).toBe(0)
  // Row 40,000 repeats row 3; row 45,000 repeats row 10 (later, so not the first).
  hashes.copyWithin(40_000 * 4, 3 * 4, 4 * 4)
  hashes.copyWithin(45_000 * 4, 10 * 4, 11 * 4)
  expect(firstRepeatedLine([{ hashes, lines, lineOffset: 0 }])).toBe(40_002)
  const tail = { hashes: hashes.slice(30_000 * 4), lines: lines.slice(30_000).map((line) => line - 30_001), lineOffset: 30_001 }
  expect(firstRepeatedLine([{ hashes: hashes.slice(0, 30_000 * 4), lines: lines.slice(0, 30_000), lineOffset: 0 }, tail])).toBe(40_002)
})
