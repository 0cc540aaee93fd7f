import type { Json } from './columnCodec'

/**
 * `new TextEncoder().encode(JSON.stringify(value))`, byte for byte, without the whole text
 * ever existing as one string. A million-row batch is 100 MB of JSON, and one character
 * outside Latin-1 ("≤ 200k") made V8 build it two bytes a character: 200 MB of string
 * beside the bytes, and a second of encoding it. Here long runs of scalars in a list are
 * stringified a slice at a time and each slice is encoded into pages of bytes.
 */
export function jsonUtf8(value: Json, sliceLength = 4096): Uint8Array {
  const out = new PagedBytes()
  writeValue(value, out, sliceLength)
  return out.bytes()
}

function writeValue(value: Json, out: PagedBytes, sliceLength: number): void {
  if (!isStructure(value)) out.text(JSON.stringify(value))
  else if (Array.isArray(value)) writeList(value, out, sliceLength)
  else writeObject(value, out, sliceLength)
}

const isStructure = (value: Json) => value !== null && typeof value === 'object'

function writeList(list: Json[], out: PagedBytes, sliceLength: number): void {
  if (list.length === 0) return out.text('[]')
  for (let at = 0; at < list.length; ) {
    if (isStructure(list[at])) {
      out.text(at === 0 ? '[' : ',')
      writeValue(list[at++], out, sliceLength)
      continue
    }
    let end = at + 1
    while (end < list.length && end - at < sliceLength && !isStructure(list[end])) end++
    // The slice's own brackets: its "[" stands for the list's or becomes the comma before
    // it, and its "]" is dropped (the list's own is written at the end).
    out.text(JSON.stringify(list.slice(at, end)), at === 0 ? undefined : ',', true)
    at = end
  }
  out.text(']')
}

function writeObject(object: { [key: string]: Json }, out: PagedBytes, sliceLength: number): void {
  let first = true
  for (const key of Object.keys(object)) {
    // A key set to undefined is left out, as JSON.stringify leaves it (a record's optional field).
    if (object[key] === undefined) continue
    out.text(`${first ? '{' : ','}${JSON.stringify(key)}:`)
    writeValue(object[key], out, sliceLength)
    first = false
  }
  out.text(first ? '{}' : '}')
}

const PAGE_BYTES = 1 << 20

/** UTF-8 bytes written in pages of a megabyte, joined once at the end. */
class PagedBytes {
  private pages: Uint8Array[] = []
  private page = new Uint8Array(PAGE_BYTES)
  private used = 0
  private total = 0
  private readonly encoder = new TextEncoder()

  /** Appends `text`; `firstChar` replaces its first (ASCII) character, and `dropLast` drops its last one. */
  text(text: string, firstChar?: string, dropLast = false): void {
    // At most three bytes a UTF-16 unit.
    if (this.page.length - this.used < text.length * 3) this.nextPage(text.length * 3)
    const start = this.used
    this.used += this.encoder.encodeInto(text, this.page.subarray(this.used)).written
    if (firstChar !== undefined) this.page[start] = firstChar.charCodeAt(0)
    if (dropLast) this.used--
  }

  bytes(): Uint8Array {
    this.closePage()
    const bytes = new Uint8Array(this.total)
    let at = 0
    for (const page of this.pages) {
      bytes.set(page, at)
      at += page.length
    }
    this.pages = []
    return bytes
  }

  private nextPage(atLeast: number): void {
    this.closePage()
    this.page = new Uint8Array(Math.max(PAGE_BYTES, atLeast))
  }

  private closePage(): void {
    if (this.used > 0) {
      this.pages.push(this.page.subarray(0, this.used))
      this.total += this.used
    }
    this.used = 0
  }
}
