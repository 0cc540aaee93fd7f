import { HashSet128 } from './hashSet128'

/** Rows' 128-bit hashes (four words a row) with their lines, which `lineOffset` is added to. */
export interface HashedLines {
  hashes: Int32Array
  lines: Int32Array
  lineOffset: number
}

/**
 * The line of the first row whose hash an earlier row has, or 0 when none repeats; `lists` in
 * row order, as are the rows in each. Told all at once, not row by row as they are read: a
 * million hashes put into one table of whole hashes (32 MB) while the rows were parsed cost a
 * check's first thread a cache miss an insert, a large share of its time (and still a
 * noticeable one with HashSet128's 16-bit fingerprints). Here they are first split by their top
 * bits into buckets of about `bucketRows`, keeping their order, and each bucket is told apart
 * in a table small enough to stay cached.
 */
export function firstRepeatedLine(lists: readonly HashedLines[], bucketRows = 4096): number {
  let rows = 0
  for (const list of lists) rows += list.lines.length
  let bits = 0
  while (bits < 16 && rows >> bits > bucketRows) bits++
  // The third word picks the bucket: the first picks the slot in each bucket's table, the second its fingerprint.
  const bucketOf = (word: number) => (bits === 0 ? 0 : word >>> (32 - bits))
  const starts = new Int32Array((1 << bits) + 1)
  for (const { hashes, lines } of lists) for (let row = 0; row < lines.length; row++) starts[bucketOf(hashes[row * 4 + 2]) + 1]++
  for (let bucket = 0; bucket < 1 << bits; bucket++) starts[bucket + 1] += starts[bucket]
  const next = starts.slice(0, -1)
  const hashes = new Int32Array(rows * 4)
  const lines = new Int32Array(rows)
  for (const list of lists) {
    for (let row = 0; row < list.lines.length; row++) {
      const from = row * 4
      const to = next[bucketOf(list.hashes[from + 2])]++
      hashes[to * 4] = list.hashes[from]
      hashes[to * 4 + 1] = list.hashes[from + 1]
      hashes[to * 4 + 2] = list.hashes[from + 2]
      hashes[to * 4 + 3] = list.hashes[from + 3]
      lines[to] = list.lines[row] + list.lineOffset
    }
  }
  let first = 0
  let largest = 0
  for (let bucket = 0; bucket < 1 << bits; bucket++) largest = Math.max(largest, starts[bucket + 1] - starts[bucket])
  // One table for every bucket, cleared between them: a new one each allocated and zeroed 32 MB in all for a million rows.
  const seen = new HashSet128(largest)
  for (let bucket = 0; bucket < 1 << bits; bucket++) {
    if (bucket > 0) seen.clear()
    for (let at = starts[bucket]; at < starts[bucket + 1]; at++) {
      if (first > 0 && lines[at] >= first) break
      if (!seen.add(hashes, at * 4)) {
        first = lines[at]
        break
      }
    }
  }
  return first
}
