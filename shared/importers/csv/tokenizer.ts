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
/** A record this long is a quote that never closes, not data; stop before memory runs out. */
const MAX_RECORD_CHARS = 16 * 1024 * 1024

export class CsvTokenizer {
  private buffer = ''
  private line = 1
  private delimiter: string | null
  // The record the slow path is in the middle of, kept across chunks.
  private state = State.Idle
  private fields: string[] = []
  private field = ''
  private recordLine = 0
  private recordLines = 0
  private recordChars = 0

  constructor(options: { delimiter?: string } = {}) {
    this.delimiter = options.delimiter ?? null
  }

  /** Feeds decoded text; calls `sink` for every record completed by it. */
  push(text: string, sink: RecordSink): void {
    let buf = this.buffer.length > 0 ? this.buffer + text : text
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
    let quote = buf.indexOf('"', pos)
    while (pos < length) {
      const newline = buf.indexOf('\n', pos)
      if (newline < 0) break
      if (quote < 0 || quote > newline) {
        let end = newline
        if (end > pos && buf.charCodeAt(end - 1) === CR) end--
        if (end > pos) sink(buf.slice(pos, end).split(delimiter), this.line)
        this.line++
        pos = newline + 1
        continue
      }
      let end = newline
      if (end > pos && buf.charCodeAt(end - 1) === CR) end--
      const fields = splitQuotedLine(buf.slice(pos, end), delimiter)
      if (fields) {
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
    }
    buf = pos > 0 ? buf.slice(pos) : buf
    this.buffer = buf
  }

  /** Flushes the last record (files often lack a final newline). */
  end(sink: RecordSink): void {
    if (this.buffer.length > 0 || this.state !== State.Idle) {
      if (this.delimiter === null) this.delimiter = sniffDelimiter(this.buffer)
      this.push('\n', sink)
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
      throw new CsvSyntaxError(this.recordLine, 'a quoted value never closes (record longer than 16 MB)')
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

/**
 * The fields of a one-line record with quotes in it ("key, with comma"), or null when a
 * quoted value goes on past the line or a quote sits mid-value: those take the character
 * level path. Splitting on every delimiter and re-joining the pieces of a quoted value is
 * several times cheaper than walking the characters.
 */
function splitQuotedLine(line: string, delimiter: string): string[] | null {
  const pieces = line.split(delimiter)
  const fields: string[] = []
  for (let i = 0; i < pieces.length; i++) {
    let piece = pieces[i]
    if (piece.charCodeAt(0) !== QUOTE) {
      if (piece.indexOf('"') >= 0) return null
      fields.push(piece)
      continue
    }
    let close = closingQuote(piece)
    while (close < 0 && i + 1 < pieces.length) {
      piece += delimiter + pieces[++i]
      close = closingQuote(piece)
    }
    // Unclosed on this line, or text after the closing quote (`"abc"def`).
    if (close !== piece.length - 1) return null
    const value = piece.slice(1, -1)
    fields.push(value.indexOf('"') < 0 ? value : value.replace(/""/g, '"'))
  }
  return fields
}

/** Where the quoted value opening `text` closes, skipping doubled quotes; -1 when it does not. */
function closingQuote(text: string): number {
  let at = text.indexOf('"', 1)
  while (at >= 0 && text.charCodeAt(at + 1) === QUOTE) at = text.indexOf('"', at + 2)
  return at
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
