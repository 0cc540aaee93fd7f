import { bytesStartWith } from './byteMarker'
import { jsonStringEnd } from './jsonStringEnd'

/** A field read by readCompactObjectAt: a whole number (or null), or, with `fields`, an object of such fields. */
export interface WantedField {
  readonly name: string
  readonly bytes: Uint8Array
  readonly fields: readonly WantedField[] | null
}

export function wantedField(name: string, fields: readonly WantedField[] | null = null): WantedField {
  if (!/^[\x20-\x7e]*$/.test(name) || name.includes('"') || name.includes('\\')) throw new Error(`field name must be plain ASCII: ${name}`)
  return { name, bytes: new TextEncoder().encode(name), fields }
}

const QUOTE = 34
const BACKSLASH = 92
const COMMA = 44
const COLON = 58
const MINUS = 45
const DOT = 46
const ZERO = 48
const NINE = 57
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const LOWER_E = 101
const UPPER_E = 69
const PLUS = 43
/** Digits of a whole number read as one: up to 15 every double holds exactly, as JSON.parse reads them. */
const MAX_DIGITS = 15
/** Objects inside objects skipped (the usage object's `server_tool_use`); deeper ones are left to JSON.parse. */
const MAX_DEPTH = 4
const TRUE = new TextEncoder().encode('true')
const FALSE = new TextEncoder().encode('false')
const NULL = new TextEncoder().encode('null')
const LITERALS = [TRUE, FALSE, NULL]

/**
 * Reads the `wanted` fields of the JSON object whose "{" is at `open` into `into`, straight
 * from the bytes, and returns the index just past the object; or -1 when the object is not in
 * the compact, plain form read here, and the caller parses it instead (`into` is then to be
 * dropped). A small object of counts on every line (a usage object) cost a decode and a
 * `JSON.parse` of all of it, four times what this costs.
 *
 * Read: keys of printable ASCII without escapes, no whitespace, values that are strings,
 * numbers, true, false, null or objects of the same (up to MAX_DEPTH deep), each checked as
 * JSON.parse checks it; a wanted field is a whole number of up to 15 digits or null, or, when
 * it has fields of its own, an object. Anything else (an array, a space, a fraction or a sign
 * in a wanted count, an escaped key) gives -1. So what this accepts, `JSON.parse` accepts too,
 * and gives the same values for the wanted fields (a repeated key: the last one counts).
 */
export function readCompactObjectAt(bytes: Uint8Array, open: number, end: number, wanted: readonly WantedField[], into: Record<string, unknown>): number {
  return readObject(bytes, open, end, wanted, into, 0)
}

function readObject(bytes: Uint8Array, open: number, end: number, wanted: readonly WantedField[] | null, into: Record<string, unknown> | null, depth: number): number {
  if (open >= end || bytes[open] !== OPEN_BRACE || depth > MAX_DEPTH) return -1
  let i = open + 1
  if (i < end && bytes[i] === CLOSE_BRACE) return i + 1
  for (;;) {
    if (i >= end || bytes[i] !== QUOTE) return -1
    const keyStart = i + 1
    // A wanted key is told by its bytes and closing quote, with no check (its name is plain ASCII): a usage object read a fifth faster.
    const field = wanted === null ? null : fieldAt(wanted, bytes, keyStart, end)
    const keyEnd = field === null ? plainKeyEnd(bytes, keyStart, end) : keyStart + field.bytes.length
    if (keyEnd === -1 || keyEnd + 1 >= end || bytes[keyEnd + 1] !== COLON) return -1
    i = keyEnd + 2
    if (field === null) {
      i = skipValue(bytes, i, end, depth)
    } else if (bytesStartWith(bytes, i, end, NULL)) {
      into![field.name] = null
      i += NULL.length
    } else if (field.fields !== null) {
      const inner: Record<string, unknown> = {}
      i = readObject(bytes, i, end, field.fields, inner, depth + 1)
      into![field.name] = inner
    } else {
      i = readWholeNumber(bytes, i, end, into!, field.name)
    }
    if (i === -1 || i >= end) return -1
    if (bytes[i] === CLOSE_BRACE) return i + 1
    if (bytes[i] !== COMMA) return -1
    i++
  }
}

/** The index of the quote that closes a key of printable ASCII without escapes starting at `start`, or -1 (`end` when it does not close). */
function plainKeyEnd(bytes: Uint8Array, start: number, end: number): number {
  let i = start
  for (; i < end && bytes[i] !== QUOTE; i++) if (bytes[i] < 32 || bytes[i] > 126 || bytes[i] === BACKSLASH) return -1
  return i
}

/** The wanted field whose name, in quotes, is the key starting at `start`, or null. */
function fieldAt(wanted: readonly WantedField[], bytes: Uint8Array, start: number, end: number): WantedField | null {
  for (const field of wanted) {
    const name = field.bytes
    if (start + name.length >= end || bytes[start + name.length] !== QUOTE) continue
    let k = 0
    while (k < name.length && bytes[start + k] === name[k]) k++
    if (k === name.length) return field
  }
  return null
}

/** A whole number of up to MAX_DIGITS digits at `at` into `into[name]`; the index past it, or -1. */
function readWholeNumber(bytes: Uint8Array, at: number, end: number, into: Record<string, unknown>, name: string): number {
  let value = 0
  let i = at
  while (i < end && i - at <= MAX_DIGITS && bytes[i] >= ZERO && bytes[i] <= NINE) value = value * 10 + (bytes[i++] - ZERO)
  const digits = i - at
  // None, too many, or a leading zero (a fraction or an exponent after them is no "," or "}", which the object's reader wants next).
  if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && bytes[at] === ZERO)) return -1
  into[name] = value
  return i
}

/** The index just past the value at `at` (as JSON.parse would accept it), or -1. */
function skipValue(bytes: Uint8Array, at: number, end: number, depth: number): number {
  if (at >= end) return -1
  const byte = bytes[at]
  if (byte === QUOTE) {
    const close = jsonStringEnd(bytes, at + 1, end)
    return close === -1 ? -1 : close + 1
  }
  if (byte === OPEN_BRACE) return readObject(bytes, at, end, null, null, depth + 1)
  if (byte === MINUS || (byte >= ZERO && byte <= NINE)) return numberEnd(bytes, at, end)
  for (const literal of LITERALS) if (bytesStartWith(bytes, at, end, literal)) return at + literal.length
  return -1
}

/** The index just past the JSON number at `at` (-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?), or -1. */
function numberEnd(bytes: Uint8Array, at: number, end: number): number {
  let i = at
  if (bytes[i] === MINUS) i++
  if (i < end && bytes[i] === ZERO) i++
  else if (i < end && bytes[i] > ZERO && bytes[i] <= NINE) i = digitsEnd(bytes, i, end)
  else return -1
  if (i < end && bytes[i] === DOT) {
    const fraction = digitsEnd(bytes, i + 1, end)
    if (fraction === i + 1) return -1
    i = fraction
  }
  if (i < end && (bytes[i] === LOWER_E || bytes[i] === UPPER_E)) {
    let exponent = i + 1
    if (exponent < end && (bytes[exponent] === PLUS || bytes[exponent] === MINUS)) exponent++
    const exponentEnd = digitsEnd(bytes, exponent, end)
    if (exponentEnd === exponent) return -1
    i = exponentEnd
  }
  return i
}

function digitsEnd(bytes: Uint8Array, at: number, end: number): number {
  let i = at
  while (i < end && bytes[i] >= ZERO && bytes[i] <= NINE) i++
  return i
}
