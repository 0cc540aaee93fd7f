const HEX_DIGITS = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0))
const digits: number[] = []

/**
 * 32-bit words as 8 lowercase hex digits each, big-endian, in one flat string: `count` of
 * them from `from` (a row of a list of hashes, without a subarray made for it). Not by
 * `(word >>> 0).toString(16)`: on a word of 2^31 or more that formats a heap number, which
 * cost most of what hashing a whole key costs. And not by concatenating
 * pieces, which V8 keeps as a tree of strings: a million stored identities held 240 bytes
 * each instead of 56.
 */
export function hexWords(words: ArrayLike<number>, from = 0, count = words.length - from): string {
  if (count === 4) return hexOfFourWords(words[from], words[from + 1], words[from + 2], words[from + 3])
  digits.length = count * 8
  let at = 0
  for (let i = from; i < from + count; i++) for (let shift = 28; shift >= 0; shift -= 4) digits[at++] = HEX_DIGITS[(words[i] >>> shift) & 15]
  return String.fromCharCode.apply(null, digits)
}

/** Bytes as 2 lowercase hex digits each (a digest, a random id), in one flat string. */
export function hexBytes(bytes: Uint8Array): string {
  digits.length = bytes.length * 2
  for (let i = 0; i < bytes.length; i++) {
    digits[2 * i] = HEX_DIGITS[bytes[i] >> 4]
    digits[2 * i + 1] = HEX_DIGITS[bytes[i] & 15]
  }
  return String.fromCharCode.apply(null, digits)
}

/** 16 hex digits of two 32-bit words, made at once as a flat string. */
export function hexOfWordPair(high: number, low: number): string {
  const digit = (word: number, shift: number) => HEX_DIGITS[(word >>> shift) & 15]
  return String.fromCharCode(
    digit(high, 28), digit(high, 24), digit(high, 20), digit(high, 16), digit(high, 12), digit(high, 8), digit(high, 4), digit(high, 0),
    digit(low, 28), digit(low, 24), digit(low, 20), digit(low, 16), digit(low, 12), digit(low, 8), digit(low, 4), digit(low, 0),
  )
}

/**
 * A 128-bit hash's 32 hex digits (a stored identity), made by one call with the digits as its
 * arguments: half a million took about half the time of the array handed to `apply`.
 */
function hexOfFourWords(a: number, b: number, c: number, d: number): string {
  const digit = (word: number, shift: number) => HEX_DIGITS[(word >>> shift) & 15]
  return String.fromCharCode(
    digit(a, 28), digit(a, 24), digit(a, 20), digit(a, 16), digit(a, 12), digit(a, 8), digit(a, 4), digit(a, 0),
    digit(b, 28), digit(b, 24), digit(b, 20), digit(b, 16), digit(b, 12), digit(b, 8), digit(b, 4), digit(b, 0),
    digit(c, 28), digit(c, 24), digit(c, 20), digit(c, 16), digit(c, 12), digit(c, 8), digit(c, 4), digit(c, 0),
    digit(d, 28), digit(d, 24), digit(d, 20), digit(d, 16), digit(d, 12), digit(d, 8), digit(d, 4), digit(d, 0),
  )
}
