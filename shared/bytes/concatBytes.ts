/** The parts as one buffer (the part itself when there is one); `length` when the caller knows it. */
export function concatBytes(parts: Uint8Array[], length = parts.reduce((total, part) => total + part.byteLength, 0)): Uint8Array {
  if (parts.length === 1) return parts[0]
  const out = new Uint8Array(length)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.byteLength
  }
  return out
}
