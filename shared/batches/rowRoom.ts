/**
 * Bytes a billing row takes at fewest in the shapes measured (an OpenAI cost row takes twice as
 * many; rows shorter still make the arrays grow as before).
 */
const ROW_BYTES_AT_LEAST = 64

/**
 * How many rows `bytes` of an export can hold, to make room at once in arrays filled a row at a
 * time (a check's row hashes, a batch's column ids). Grown from a few, such arrays were replaced
 * about ten times over a million rows, each time copied into memory touched for the first time
 * (a page fault each 4 KB); room no row fills is address space only.
 */
export function rowRoomFor(bytes: number): number {
  return Math.ceil(bytes / ROW_BYTES_AT_LEAST)
}
