import { concatBytes } from '../../bytes/concatBytes'
import { copyOfBytes } from '../../bytes/copyOfBytes'

/**
 * UTF-8 that falls back to Windows-1252 byte by byte. A file sniffed as UTF-8 from its first
 * 64 KiB (all ASCII, say) can still be an Excel ANSI re-save whose first "ü" or "€" comes
 * later: every byte that is not part of a valid UTF-8 sequence is read as Windows-1252, so
 * the value survives instead of turning into U+FFFD. Valid UTF-8 decodes as before, at the
 * native decoder's speed; only text with a broken sequence takes the byte-by-byte walk.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const ANSI = new TextDecoder('windows-1252')
const EMPTY = new Uint8Array(0)

/** Decodes complete bytes (no character cut off at the end). */
export function decodeUtf8OrAnsi(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes)
  } catch {
    return decodeMixed(bytes)
  }
}

/** The streaming form: a character cut off at the end of a chunk waits for the next one. */
export class Utf8OrAnsiDecoder {
  private carry = EMPTY

  decode(chunk: Uint8Array): string {
    const bytes = this.carry.length > 0 ? concatBytes([this.carry, chunk]) : chunk
    const complete = completeLength(bytes)
    // Copied: the caller may reuse the chunk's buffer.
    this.carry = complete < bytes.length ? copyOfBytes(bytes, complete) : EMPTY
    return decodeUtf8OrAnsi(bytes.subarray(0, complete))
  }

  end(): string {
    const rest = this.carry
    this.carry = EMPTY
    return decodeUtf8OrAnsi(rest)
  }
}

/** Valid UTF-8 sequences as UTF-8, every other byte as Windows-1252. */
function decodeMixed(bytes: Uint8Array): string {
  let text = ''
  let runStart = 0
  let i = 0
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i)
    if (length > 0) {
      i += length
      continue
    }
    // stream: Node 20's one-shot windows-1252 decode is Latin-1 (0x80 gives U+0080, not €).
    text += UTF8.decode(bytes.subarray(runStart, i)) + ANSI.decode(bytes.subarray(i, i + 1), { stream: true })
    runStart = ++i
  }
  return text + UTF8.decode(bytes.subarray(runStart))
}

/** The length of the valid UTF-8 sequence at `i` (1 for ASCII), or 0 when there is none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]
  if (lead < 0x80) return 1
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
  if (length === 0 || i + length > bytes.length) return 0
  for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
  const second = bytes[i + 1]
  if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return 0
  return length
}

/** Where a multi-byte character cut off at the end starts, or the whole length when none is. */
function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]
    if (byte < 0x80) return bytes.length
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
      return length > back ? bytes.length - back : bytes.length
    }
  }
  return bytes.length
}
