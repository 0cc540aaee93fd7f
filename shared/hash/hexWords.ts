const HEX_DIGITS = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0))
const digits: number[] = []

/**
 * 32-bit words as 8 lowercase hex digits each, big-endian, in one flat string. Not by
 * `(word >>> 0).toString(16)`: on a word of 2^31 or more that formats a heap number, about
 * 0.5 µs here, three quarters of hashing a 190-character key. And not by concatenating
 * pieces, which V8 keeps as a tree of strings: a million stored identities held 240 bytes
 * each instead of 56.
 */
export function hexWords(words: ArrayLike<number>): string {
  digits.length = words.length * 8
  let at = 0
  for (let i = 0; i < words.length; i++) for (let shift = 28; shift >= 0; shift -= 4) digits[at++] = HEX_DIGITS[(words[i] >>> shift) & 15]
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
