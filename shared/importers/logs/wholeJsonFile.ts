import { copyOfBytes } from '../../bytes/copyOfBytes'
import { isObject, type JsonObject } from './jsonFields'
import type { LogIssue, LogLineReader } from './types'

/**
 * Reads a file that holds one JSON document (an Amp thread, pretty-printed or on one line):
 * the lines are copied as they come (they are views of a reused buffer) and parsed at finish.
 * A damaged or half-written file becomes one warning naming the line where the JSON breaks,
 * never quoting it (it may hold prompt text).
 */
export function wholeJsonFileReader(path: string, warn: (issue: LogIssue) => void, done: (document: JsonObject) => void): LogLineReader {
  const lines: Uint8Array[] = []
  // Blank lines never arrive: each line's number in the file, to name where the JSON breaks.
  const lineNumbers: number[] = []
  return {
    line(bytes, lineNumber) {
      lines.push(copyOfBytes(bytes))
      lineNumbers.push(lineNumber)
    },
    finish() {
      if (lines.length === 0) return
      const text = joinLines(lines)
      let document: unknown
      try {
        document = JSON.parse(text)
      } catch {
        const offset = jsonErrorOffset(text)
        const line = lineNumbers[lineIndexAt(text, offset)]
        const endedEarly = offset >= text.length
        return warn({ path, line, message: endedEarly ? 'the JSON ends early (cut short, or still being written); file skipped' : 'not valid JSON; file skipped' })
      }
      if (!isObject(document)) return warn({ path, line: lineNumbers[0], message: 'not a JSON object; file skipped' })
      done(document)
    },
  }
}

function joinLines(lines: Uint8Array[]): string {
  const decoder = new TextDecoder()
  return lines.map((bytes) => decoder.decode(bytes)).join('\n')
}

/**
 * Where a text that JSON.parse rejected stops being JSON (its length when it ends early). V8
 * names no position for most errors, so the text is scanned: strings, numbers and literals
 * are skipped over loosely, brackets and separators checked.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++
  }
  const value = (): boolean => {
    space()
    const char = text[i]
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']'
      i++
      space()
      if (text[i] === close) return (i++, true)
      for (;;) {
        if (close === '}') {
          space()
          if (text[i] !== '"' || !string()) return false
          space()
          if (text[i] !== ':') return false
          i++
        }
        if (!value()) return false
        space()
        if (text[i] === close) return (i++, true)
        if (text[i] !== ',') return false
        i++
      }
    }
    if (char === '"') return string()
    const token = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400))
    if (!token) return false
    i += token[0].length
    return true
  }
  const string = (): boolean => {
    for (i++; i < text.length; i++) {
      if (text[i] === '\\') i++
      else if (text[i] === '"') return (i++, true)
      else if (text.charCodeAt(i) < 0x20) return false
    }
    return false
  }
  try {
    if (value()) space()
  } catch {
    // Nesting deeper than the stack: the scan stops where it was.
  }
  return Math.min(i, text.length)
}

/** Which of the joined lines (0-based) a character offset falls in. */
function lineIndexAt(text: string, offset: number): number {
  let index = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) index++
  return index
}
