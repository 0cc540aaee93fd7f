import type { Json } from './columnCodec'
import { HashedStrings } from './hashedStrings'

/**
 * JSON values, where a list of integers may be an Int32Array (a built column's ids) and a list
 * of strings HashedStrings (a batch's identities), each written as the list it holds.
 */
export type JsonWritable = Json | Int32Array | HashedStrings | readonly JsonWritable[] | { readonly [key: string]: JsonWritable }

/**
 * `new TextEncoder().encode(JSON.stringify(value))`, byte for byte, without the whole text
 * ever existing as one string. A million-row batch is 100 MB of JSON, and one character
 * outside Latin-1 ("≤ 200k") made V8 build it two bytes a character: 200 MB of string
 * beside the bytes, and a second of encoding it. Here strings of printable ASCII in a list
 * are copied into pages of bytes as they are, other runs of scalars are stringified a slice at
 * a time and each slice encoded into the pages, and an Int32Array's digits are written
 * straight into them.
 */
export function jsonUtf8(value: JsonWritable, { sliceLength = 4096, growInPlace = false, reservedBytes = FIRST_RESERVED_BYTES, before = '' }: JsonUtf8Options = {}): Uint8Array {
  const out = new PagedBytes(growInPlace ? reservedBytes : null)
  if (before) out.text(before)
  writeValue(value, out, sliceLength)
  return out.bytes()
}

export interface JsonUtf8Options {
  /** How many small values are stringified at once. */
  sliceLength?: number
  /**
   * Whether the bytes may be a view on a resizable buffer that grew in place as they were
   * written: then they are never held twice (joined from its pages, a million-row batch's
   * payload was, at the peak of an import, and joining took time). Only where Node alone reads
   * them: a browser's TextDecoder and other Web APIs refuse such a view.
   */
  growInPlace?: boolean
  /** With `growInPlace`, how big the buffer may first grow in place (its address space is only reserved). */
  reservedBytes?: number
  /** Text the bytes start with, before the value's JSON (a batch's content: its kind's line, then its payload). */
  before?: string
}

function writeValue(value: JsonWritable, out: PagedBytes, sliceLength: number): void {
  if (!isStructure(value)) out.text(JSON.stringify(value))
  else if (value instanceof Int32Array) out.integers(value)
  else if (value instanceof HashedStrings) out.hashedStrings(value)
  else if (Array.isArray(value)) writeList(value as readonly JsonWritable[], out, sliceLength)
  else writeObject(value as { readonly [key: string]: JsonWritable }, out, sliceLength)
}

const isStructure = (value: JsonWritable) => value !== null && typeof value === 'object'

/**
 * Whether `value` is stringified with its neighbours in a list: a scalar, or a list or record
 * of at most `sliceLength` scalars (a raw column's records, as AWS CUR's token counts: written
 * one by one, they took a second per million). Anything bigger is written piece by piece.
 */
function isSmall(value: JsonWritable, sliceLength: number): boolean {
  if (!isStructure(value)) return true
  if (value instanceof Int32Array || value instanceof HashedStrings) return false
  if (Array.isArray(value)) {
    if (value.length > sliceLength) return false
    for (const item of value) if (isStructure(item)) return false
    return true
  }
  let keys = 0
  for (const key in value as { readonly [key: string]: JsonWritable }) {
    if (++keys > sliceLength || isStructure((value as { readonly [key: string]: JsonWritable })[key])) return false
  }
  return true
}

function writeList(list: readonly JsonWritable[], out: PagedBytes, sliceLength: number): void {
  if (list.length === 0) return out.text('[]')
  for (let at = 0; at < list.length; ) {
    const item = list[at]
    // A run of strings (a column of identities, a dictionary of amounts) is copied string by
    // string: stringified a slice at a time, then encoded, it took twice as long.
    if (typeof item === 'string' && out.plainString(item, at === 0 ? 0x5b : 0x2c)) {
      at++
      continue
    }
    // So is a run of integers (line numbers, the rows a key is absent from), digit by digit.
    if (isInt32(item)) {
      at = out.integerRun(list as readonly unknown[], at)
      continue
    }
    if (!isSmall(item, sliceLength)) {
      out.text(at === 0 ? '[' : ',')
      writeValue(item, out, sliceLength)
      at++
      continue
    }
    let end = at + 1
    while (end < list.length && end - at < sliceLength && isSmall(list[end], sliceLength)) end++
    // The slice's own brackets: its "[" stands for the list's or becomes the comma before
    // it, and its "]" is dropped (the list's own is written at the end).
    out.text(JSON.stringify(list.slice(at, end)), at === 0 ? undefined : ',', true)
    at = end
  }
  out.text(']')
}

function writeObject(object: { readonly [key: string]: JsonWritable }, out: PagedBytes, sliceLength: number): void {
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
/** The address space a buffer growing in place first reserves: a million-row batch's JSON fits it. */
const FIRST_RESERVED_BYTES = 256 << 20
/** The most bytes an integer of 32 bits takes with its separator: "-2147483648,". */
const INTEGER_BYTES = 12

/** A number JSON writes as the digits writeInteger writes (-0 too: both write "0"). */
function isInt32(value: unknown): value is number {
  return typeof value === 'number' && (value | 0) === value
}

/**
 * UTF-8 bytes written in pages of a megabyte: joined once at the end, or, growing in place,
 * each copied while still in the caches onto the end of one resizable buffer, and the page
 * written again.
 */
class PagedBytes {
  private pages: Uint8Array[] = []
  private page = new Uint8Array(PAGE_BYTES)
  private used = 0
  private total = 0
  private readonly encoder = new TextEncoder()
  private inPlace: ArrayBuffer | null

  /** `reservedBytes`: growing in place, how big the buffer may first grow; null: pages joined. */
  constructor(reservedBytes: number | null) {
    this.inPlace = reservedBytes === null ? null : new ArrayBuffer(0, { maxByteLength: reservedBytes })
  }

  /** Appends `text`; `firstChar` replaces its first (ASCII) character, and `dropLast` drops its last one. */
  text(text: string, firstChar?: string, dropLast = false): void {
    // At most three bytes a UTF-16 unit.
    if (this.page.length - this.used < text.length * 3) this.nextPage(text.length * 3)
    const start = this.used
    this.used += this.encoder.encodeInto(text, this.page.subarray(this.used)).written
    if (firstChar !== undefined) this.page[start] = firstChar.charCodeAt(0)
    if (dropLast) this.used--
  }

  /**
   * Appends the byte `before` and `text` as a JSON string when every character of it is
   * printable ASCII that JSON writes as it is (no quote or backslash); otherwise appends
   * nothing and returns false.
   */
  plainString(text: string, before: number): boolean {
    if (this.page.length - this.used < text.length + 3) this.nextPage(text.length + 3)
    const page = this.page
    let used = this.used
    page[used++] = before
    page[used++] = 0x22
    for (let at = 0; at < text.length; at++) {
      const char = text.charCodeAt(at)
      if (char < 0x20 || char > 0x7e || char === 0x22 || char === 0x5c) return false
      page[used++] = char
    }
    page[used++] = 0x22
    this.used = used
    return true
  }

  /**
   * Appends the items of `list` from `from` on while they are 32-bit integers, each after "["
   * (the list's first) or ","; returns where they end.
   */
  integerRun(list: readonly unknown[], from: number): number {
    let at = from
    while (at < list.length) {
      const end = Math.min(list.length, at + 4096)
      if (this.page.length - this.used < (end - at) * INTEGER_BYTES) this.nextPage((end - at) * INTEGER_BYTES)
      const page = this.page
      let used = this.used
      for (; at < end; at++) {
        const value = list[at]
        if (!isInt32(value)) {
          this.used = used
          return at
        }
        page[used++] = at === 0 ? 0x5b : 0x2c
        used = writeInteger(value, page, used)
      }
      this.used = used
    }
    return at
  }

  /**
   * Appends `values` as a JSON list of integers, four digits at a time (JSON.stringify would
   * make a string a slice first). A loop of its own: integerRun's, reading lists and typed
   * arrays both, read every item as either, and wrote a million-row OpenAI payload 8% slower.
   */
  integers(values: Int32Array): void {
    // An empty list has no first item to open it.
    if (values.length === 0) this.text('[')
    for (let at = 0; at < values.length; ) {
      const end = Math.min(values.length, at + 4096)
      if (this.page.length - this.used < (end - at) * INTEGER_BYTES) this.nextPage((end - at) * INTEGER_BYTES)
      const page = this.page
      let used = this.used
      for (; at < end; at++) {
        page[used++] = at === 0 ? 0x5b : 0x2c
        used = writeInteger(values[at], page, used)
      }
      this.used = used
    }
    this.text(']')
  }

  /** Appends `list` as the JSON list of its strings, a hashed row's 32 hex digits written straight from its words. */
  hashedStrings(list: HashedStrings): void {
    let before = 0x5b
    for (const { hashed, others, words } of list.parts) {
      let hash = 0
      let other = 0
      for (let row = 0; row < hashed.length; row++) {
        if (hashed[row] !== 1) {
          const text = others[other++]
          if (!this.plainString(text, before)) this.text(String.fromCharCode(before) + JSON.stringify(text))
        } else {
          if (this.page.length - this.used < HASH_STRING_BYTES) this.nextPage(HASH_STRING_BYTES)
          const page = this.page
          let used = this.used
          page[used++] = before
          page[used++] = 0x22
          for (let at = 4 * hash++, end = at + 4; at < end; at++) {
            const word = words[at]
            for (let shift = 24; shift >= 0; shift -= 8) {
              const pair = ((word >>> shift) & 0xff) * 2
              page[used++] = HEX_PAIRS[pair]
              page[used++] = HEX_PAIRS[pair + 1]
            }
          }
          page[used++] = 0x22
          this.used = used
        }
        before = 0x2c
      }
    }
    // An empty list has no first item to open it.
    if (before === 0x5b) this.text('[')
    this.text(']')
  }

  bytes(): Uint8Array {
    this.closePage()
    if (this.inPlace) return new Uint8Array(this.inPlace, 0, this.inPlace.byteLength)
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
    // Growing in place, the page is written again.
    if (!this.inPlace || this.page.length < atLeast) this.page = new Uint8Array(Math.max(PAGE_BYTES, atLeast))
  }

  private closePage(): void {
    if (this.used === 0) return
    if (this.inPlace) this.appendInPlace(this.page.subarray(0, this.used))
    else this.pages.push(this.page.subarray(0, this.used))
    this.total += this.used
    this.used = 0
  }

  private appendInPlace(page: Uint8Array): void {
    let out = this.inPlace!
    const at = out.byteLength
    // Past what it may grow to in place, the buffer moves once to one four times as big.
    if (at + page.length > out.maxByteLength) {
      const bigger = new ArrayBuffer(at, { maxByteLength: Math.max(out.maxByteLength * 4, at + page.length) })
      new Uint8Array(bigger).set(new Uint8Array(out))
      this.inPlace = out = bigger
    }
    out.resize(at + page.length)
    new Uint8Array(out, at, page.length).set(page)
  }
}

/** A hashed string with its separator and quotes: ',"' and 32 hex digits and '"'. */
const HASH_STRING_BYTES = 35

/** The two lowercase hex digits of each byte value, as hexWords writes them. */
const HEX_PAIRS = new Uint8Array(512)
for (let byte = 0; byte < 256; byte++) {
  HEX_PAIRS[2 * byte] = '0123456789abcdef'.charCodeAt(byte >> 4)
  HEX_PAIRS[2 * byte + 1] = '0123456789abcdef'.charCodeAt(byte & 15)
}

/** The digits of 0 to 9999, four bytes each with leading zeros: integers are written four digits at a time. */
const FOUR_DIGITS = new Uint8Array(4 * 10_000)
for (let n = 0; n < 10_000; n++) {
  FOUR_DIGITS[4 * n] = 0x30 + Math.floor(n / 1000)
  FOUR_DIGITS[4 * n + 1] = 0x30 + (Math.floor(n / 100) % 10)
  FOUR_DIGITS[4 * n + 2] = 0x30 + (Math.floor(n / 10) % 10)
  FOUR_DIGITS[4 * n + 3] = 0x30 + (n % 10)
}

/** Writes `value`'s decimal digits (with "-" when negative) at `at`; returns the end. */
function writeInteger(value: number, page: Uint8Array, at: number): number {
  if (value < 0) {
    page[at++] = 0x2d
    value = -value
  }
  if (value < 10_000) {
    // Without its leading zeros: a dictionary's ids are mostly under ten thousand.
    const digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4
    for (let from = 4 * value + 4 - digits, end = 4 * value + 4; from < end; from++) page[at++] = FOUR_DIGITS[from]
    return at
  }
  const high = Math.floor(value / 10_000)
  at = writeInteger(high, page, at)
  const low = 4 * (value - high * 10_000)
  page[at] = FOUR_DIGITS[low]
  page[at + 1] = FOUR_DIGITS[low + 1]
  page[at + 2] = FOUR_DIGITS[low + 2]
  page[at + 3] = FOUR_DIGITS[low + 3]
  return at + 4
}
