/**
 * The bytes from `from` on, copied into memory of their own. Not `bytes.slice(from)`: a Node
 * Buffer (what the command line reads files into, typed here as a Uint8Array) answers `slice`
 * with a view of the same memory, which the next read into that buffer overwrites.
 */
export function copyOfBytes(bytes: Uint8Array, from = 0): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes.subarray(from))
}
