const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

/**
 * A 32-bit word as 8 lowercase hex digits, big-endian. By table: `(h >>> 0).toString(16)` on
 * a word of 2^31 or more formats a heap number, about 0.5 µs here, which made up three
 * quarters of hashing a 190-character key.
 */
export function hex32(word: number): string {
  return BYTE_HEX[word >>> 24] + BYTE_HEX[(word >>> 16) & 255] + BYTE_HEX[(word >>> 8) & 255] + BYTE_HEX[word & 255]
}
