/**
 * A streaming CSV tokenizer that knows the physical line each record starts on, so every
 * rejected row can be reported as `file:line`.
 *
 * Why not udsv's streaming parser: it reports no line numbers (a row with a quoted newline
 * shifts every later line), it needs the newline inside quoted values to match the row
 * separator (Excel writes LF inside CRLF files), and it has no way to say "this quote never
 * closes". Most billing rows hold no quote at all, so the fast path is one native
 * `indexOf('\n')` plus `split(delimiter)` per row, which measures faster than udsv here;
 * only rows containing a quote go through the character-level state machine below.
 */
import { concatBytes } from '../../bytes/concatBytes'
import { copyOfBytes } from '../../bytes/copyOfBytes'
import { ByteWindow, type Latin1Reader, utf8FromLatin1 } from '../text/latin1'

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message)
  }
}

/** Receives one record: its fields and the 1-based line it starts on. */
export type RecordSink = (fields: string[], line: number) => void

const enum State {
  Idle,
  FieldStart,
  Unquoted,
  Quoted,
  AfterQuote,
}

const QUOTE = 34
const CR = 13
const LF = 10
/** A record this long (quoted or not) is a quote that never closes or no CSV at all, not data; stop before memory runs out. */
const MAX_RECORD_CHARS = 16 * 1024 * 1024
const MAX_RECORD_MB = MAX_RECORD_CHARS / 1024 / 1024

export class CsvTokenizer {
  private buffer = ''
  private line = 1
  private delimiter: string | null
  private readonly trim: boolean
  // The record the slow path is in the middle of, kept across chunks.
  private state = State.Idle
  private fields: string[] = []
  private field = ''
  private recordLine = 0
  private recordLines = 0
  private recordChars = 0

  // UTF-8 read as bytes-as-chars (pushUtf8): the bytes behind the text, with where the non-ASCII ones are.
  private latin1: Latin1Reader | null = null
  private window: ByteWindow | null = null

  // Chunks of a line whose end has not come yet, after `buffer`: held apart and joined once
  // when it comes. Joined, copied and searched again at every chunk, a 50 MB line took a minute.
  private heldText: string[] = []
  private heldBytes: Uint8Array[] = []
  private heldLength = 0

  /**
   * `trim`: values come as billing cells are read, a value that starts or ends with a blank
   * (a character up to U+0020) String#trim()med. Checked here, on the row's text, rather than
   * on each value by its reader: that per-value check cost more than any other line of a
   * million-row import.
   */
  constructor(options: { delimiter?: string; trim?: boolean } = {}) {
    this.delimiter = options.delimiter ?? null
    this.trim = options.trim ?? false
  }

  /**
   * Feeds raw UTF-8 (no BOM) through a platform's fast byte-per-char reader: splitting then
   * works on one-byte strings, much cheaper than on the two-byte ones a single "≤" makes of
   * decoded text, and only the fields holding non-ASCII bytes are decoded. Do not mix with `push`.
   */
  pushUtf8(bytes: Uint8Array, latin1: Latin1Reader, sink: RecordSink): void {
    this.window ??= new ByteWindow()
    this.latin1 = latin1
    if (this.holdsBack(bytes.length, bytes.indexOf(LF) < 0)) {
      // The caller may reuse the chunk's buffer.
      this.heldBytes.push(copyOfBytes(bytes))
      return
    }
    const chunk = this.heldBytes.length > 0 ? concatBytes([...this.heldBytes, bytes], this.heldLength + bytes.length) : bytes
    this.heldBytes = []
    this.heldLength = 0
    // The text left over is the window's tail, one char per byte.
    const all = this.window.append(this.buffer.length, chunk)
    this.buffer = ''
    this.push(latin1(all), sink)
  }

  /** The delimiter in use: the one given, or the one sniffed from the first line (null before it). */
  get delimiterInUse(): string | null {
    return this.delimiter
  }

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.line
  }

  /** Whether everything fed so far was whole records: the text fed next starts a record. */
  atRecordStart(): boolean {
    return this.buffer.length === 0 && this.state === State.Idle && this.heldText.length === 0 && this.heldBytes.length === 0
  }

  /** Feeds decoded text; calls `sink` for every record completed by it. */
  push(text: string, sink: RecordSink): void {
    if (this.holdsBack(text.length, text.indexOf('\n') < 0)) {
      this.heldText.push(text)
      return
    }
    let buf = this.buffer.length > 0 ? this.buffer + this.heldText.join('') + text : text
    this.heldText = []
    this.heldLength = 0
    if (this.delimiter === null) {
      const firstLineEnd = buf.indexOf('\n')
      if (firstLineEnd < 0) {
        this.buffer = buf
        return
      }
      const firstLine = buf.slice(0, firstLineEnd)
      // Excel's "sep=;" hint line names the delimiter and is not part of the data.
      const hint = /^"?sep=(.)"?\r?$/i.exec(firstLine)
      this.delimiter = hint ? hint[1] : sniffDelimiter(firstLine)
      if (hint) {
        buf = buf.slice(firstLineEnd + 1)
        this.window?.skip(firstLineEnd + 1)
        this.line++
      }
    }
    const delimiter = this.delimiter
    let pos = 0
    if (this.state !== State.Idle) {
      pos = this.slowRecord(buf, 0, sink)
      if (pos < 0) {
        this.buffer = ''
        return
      }
    }
    const length = buf.length
    const window = this.window
    let high = window ? window.next(pos) : length
    let quote = buf.indexOf('"', pos)
    while (pos < length) {
      const newline = buf.indexOf('\n', pos)
      if (newline < 0) break
      if (quote < 0 || quote > newline) {
        let end = newline
        if (end > pos && buf.charCodeAt(end - 1) === CR) end--
        if (end > pos) {
          const fields = window ? splitRange(buf, pos, end, delimiter) : buf.slice(pos, end).split(delimiter)
          if (high < end) high = decodeHighFields(fields, high, window!)
          if (this.trim && (window ? splitFoundBlankEdge : true)) trimBlankEdges(fields)
          sink(fields, this.line)
        }
        this.line++
        pos = newline + 1
        continue
      }
      let end = newline
      if (end > pos && buf.charCodeAt(end - 1) === CR) end--
      const fields = splitQuotedRange(buf, pos, end, delimiter, quote)
      if (fields) {
        if (high < end) high = decodeHighFields(fields, high, window!)
        if (this.trim) trimBlankEdges(fields)
        sink(fields, this.line)
        this.line++
        pos = newline + 1
        quote = buf.indexOf('"', pos)
        continue
      }
      this.state = State.FieldStart
      this.recordLine = this.line
      pos = this.slowRecord(buf, pos, sink)
      if (pos < 0) {
        this.buffer = ''
        return
      }
      quote = buf.indexOf('"', pos)
      if (high < pos) high = window!.next(pos)
    }
    buf = pos > 0 ? buf.slice(pos) : buf
    this.buffer = buf
  }

  /**
   * Whether a chunk of `length` that ends no line (`endless`) only continues the line left
   * over: it is then held back, unsearched, until the line ends. A line past the record cap
   * is refused here, as a quoted value past it is in `append`.
   */
  private holdsBack(length: number, endless: boolean): boolean {
    if (this.buffer.length === 0 || !endless) return false
    this.heldLength += length
    if (this.buffer.length + this.heldLength > MAX_RECORD_CHARS) {
      throw new CsvSyntaxError(this.line, `a line longer than ${MAX_RECORD_MB} MB; not a CSV record`)
    }
    return true
  }

  /** Flushes the last record (files often lack a final newline). */
  end(sink: RecordSink): void {
    if (this.buffer.length > 0 || this.state !== State.Idle) {
      if (this.delimiter === null) this.delimiter = sniffDelimiter(this.buffer + this.heldText.join('') + this.heldBytes.map((bytes) => this.latin1!(bytes)).join(''))
      if (this.latin1) this.pushUtf8(NEWLINE_BYTE, this.latin1, sink)
      else this.push('\n', sink)
    }
    if (this.state !== State.Idle) {
      throw new CsvSyntaxError(this.recordLine, 'a quoted value never closes (unbalanced ")')
    }
  }

  /**
   * Parses (part of) a record that contains a quote, from `pos`. Returns the position after
   * the record, or -1 when the text ran out first (the state is kept for the next chunk).
   */
  private slowRecord(buf: string, pos: number, sink: RecordSink): number {
    const delimiterText = this.delimiter!
    const delimiter = delimiterText.charCodeAt(0)
    const length = buf.length
    let i = pos
    let newline = -1
    let delimiterAt = -1
    while (i < length) {
      switch (this.state) {
        case State.FieldStart:
          if (buf.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted
            i++
          } else {
            this.state = State.Unquoted
          }
          break
        case State.Unquoted: {
          // Native searches, not a character loop: the field ends at the next delimiter or newline.
          if (newline < i) newline = buf.indexOf('\n', i)
          if (delimiterAt < i) delimiterAt = buf.indexOf(delimiterText, i)
          const j = delimiterAt >= 0 && (delimiterAt < newline || newline < 0) ? delimiterAt : newline < 0 ? length : newline
          this.append(buf, i, j)
          if (j === length) return -1
          i = j + 1
          if (j === delimiterAt) {
            this.endField()
          } else {
            if (this.field.charCodeAt(this.field.length - 1) === CR) this.field = this.field.slice(0, -1)
            return this.endRecord(i, sink)
          }
          break
        }
        case State.Quoted: {
          const close = buf.indexOf('"', i)
          const stop = close < 0 ? length : close
          this.append(buf, i, stop)
          this.recordLines += countNewlines(buf, i, stop)
          if (close < 0) return -1
          i = close + 1
          this.state = State.AfterQuote
          break
        }
        case State.AfterQuote: {
          const c = buf.charCodeAt(i)
          if (c === QUOTE) {
            this.field += '"'
            this.state = State.Quoted
            i++
          } else if (c === delimiter) {
            this.endField()
            i++
          } else if (c === LF) {
            return this.endRecord(i + 1, sink)
          } else if (c === CR) {
            i++
          } else {
            // `"abc"def`: keep the stray text rather than guess; the row's values decide.
            this.state = State.Unquoted
          }
          break
        }
      }
    }
    return -1
  }

  private append(buf: string, from: number, to: number): void {
    if (to <= from) return
    this.recordChars += to - from
    if (this.recordChars > MAX_RECORD_CHARS) {
      throw new CsvSyntaxError(this.recordLine, `a quoted value never closes (record longer than ${MAX_RECORD_MB} MB)`)
    }
    this.field += buf.slice(from, to)
  }

  private endField(): void {
    this.fields.push(this.field)
    this.field = ''
    this.state = State.FieldStart
  }

  private endRecord(next: number, sink: RecordSink): number {
    this.fields.push(this.field)
    const fields = this.fields
    if (this.window) decodeEachHighField(fields)
    if (this.trim) trimBlankEdges(fields)
    const line = this.recordLine
    this.line = line + this.recordLines + 1
    this.fields = []
    this.field = ''
    this.state = State.Idle
    this.recordLines = 0
    this.recordChars = 0
    sink(fields, line)
    return next
  }
}

/** Whether the last splitRange found a value with a blank at either end. */
let splitFoundBlankEdge = false

/**
 * `text.slice(start, end).split(delimiter)` without the intermediate slice: measured 25%
 * cheaper on one-byte strings (and 15% dearer on two-byte ones, so decoded text still
 * uses split). Notes in `splitFoundBlankEdge` whether a value starts or ends with a blank:
 * blanks are ASCII, so bytes read as chars show them where the decoded value has them.
 */
function splitRange(text: string, start: number, end: number, delimiter: string): string[] {
  const fields: string[] = []
  let from = start
  let blankEdge = false
  for (;;) {
    const at = text.indexOf(delimiter, from)
    const stop = at < 0 || at >= end ? end : at
    if (stop > from && (text.charCodeAt(from) <= 32 || text.charCodeAt(stop - 1) <= 32)) blankEdge = true
    fieldEnds[fields.length] = stop
    fields.push(text.slice(from, stop))
    if (stop === end) {
      splitFoundBlankEdge = blankEdge
      return fields
    }
    from = stop + 1
  }
}

/** Trims the (decoded) values that start or end with a blank, as the `trim` option promises. */
function trimBlankEdges(fields: string[]): void {
  for (let i = 0; i < fields.length; i++) {
    const value = fields[i]
    if (value !== '' && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32)) fields[i] = value.trim()
  }
}

const NEWLINE_BYTE = new Uint8Array([LF])
const HIGH_BYTE = /[\x80-\xff]/

/** Where in the text each value of the last one-line record split ends (splitRange, splitQuotedRange). */
const fieldEnds: number[] = []

/**
 * Decodes the values of the one-line record just split that hold non-ASCII bytes, the first
 * at `high`; returns where the next one is. Walks the values' ends instead of testing every
 * value: most records have one non-ASCII value ("≤ 200k") or none.
 */
function decodeHighFields(fields: string[], high: number, window: ByteWindow): number {
  for (let i = 0; i < fields.length; i++) {
    const fieldEnd = fieldEnds[i]
    if (high < fieldEnd) {
      fields[i] = decodedField(fields[i])
      high = window.next(fieldEnd)
    }
  }
  return high
}

/** For records read by the state machine, whose values' offsets are not kept. */
function decodeEachHighField(fields: string[]): void {
  for (let i = 0; i < fields.length; i++) if (HIGH_BYTE.test(fields[i])) fields[i] = decodedField(fields[i])
}

// Repeated values ("≤ 200k", a workspace name) are decoded once.
const decoded = new Map<string, string>()

let lastField = ''
let lastDecoded = ''

function decodedField(field: string): string {
  if (field === lastField) return lastDecoded
  let text = decoded.get(field)
  if (text === undefined) {
    text = utf8FromLatin1(field)
    if (decoded.size >= 4096) decoded.clear()
    decoded.set(field, text)
  }
  lastField = field
  lastDecoded = text
  return text
}

/**
 * The fields of the one-line record text[start, end) that has quotes in it ("key, with
 * comma"), or null when a quoted value goes on past the line or a quote sits mid-value:
 * those take the character-level path. Native searches from value to value are several
 * times cheaper than walking the characters.
 */
function splitQuotedRange(text: string, start: number, end: number, delimiter: string, firstQuote: number): string[] | null {
  const fields: string[] = []
  let from = start
  // The next quote at or after `from` (-1: none): an unquoted value holds one when it comes before the value's end.
  let quote = firstQuote
  for (;;) {
    if (from === quote) {
      let close = text.indexOf('"', from + 1)
      while (close >= 0 && close < end && text.charCodeAt(close + 1) === QUOTE) close = text.indexOf('"', close + 2)
      if (close < 0 || close >= end) return null
      const after = close + 1
      // `"abc"def`: the state machine keeps the stray text.
      if (after < end && text[after] !== delimiter) return null
      const value = text.slice(from + 1, close)
      fieldEnds[fields.length] = after
      fields.push(value.indexOf('"') < 0 ? value : value.replace(/""/g, '"'))
      if (after >= end) return fields
      from = after + 1
      quote = text.indexOf('"', from)
      continue
    }
    const at = text.indexOf(delimiter, from)
    const stop = at < 0 || at >= end ? end : at
    if (quote >= 0 && quote < stop) return null
    const value = text.slice(from, stop)
    fieldEnds[fields.length] = stop
    fields.push(value)
    if (stop === end) return fields
    from = stop + 1
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0
  let at = text.indexOf('\n', from)
  while (at >= 0 && at < to) {
    count++
    at = text.indexOf('\n', at + 1)
  }
  return count
}

/** Excel's "Unicode text" is tab separated and some locales use ";": pick what the header uses. */
export function sniffDelimiter(headerLine: string): string {
  let best = ','
  let bestCount = count(headerLine, ',')
  for (const candidate of ['\t', ';']) {
    const n = count(headerLine, candidate)
    if (n > bestCount) {
      best = candidate
      bestCount = n
    }
  }
  return best
}

function count(text: string, char: string): number {
  let n = 0
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) n++
  return n
}
