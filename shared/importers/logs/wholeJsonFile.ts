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
      lines.push(bytes.slice())
      lineNumbers.push(lineNumber)
    },
    finish() {
      if (lines.length === 0) return
      const text = joinLines(lines)
      let document: unknown
      try {
        document = JSON.parse(text)
      } catch (error) {
        const offset = errorOffset(error, text.length)
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

/** Where JSON.parse stopped: V8 names a position ("… in JSON at position 812"), or the input ended. */
function errorOffset(error: unknown, length: number): number {
  const match = /position (\d+)/.exec((error as Error).message ?? '')
  return match ? Math.min(Number(match[1]), length) : length
}

/** Which of the joined lines (0-based) a character offset falls in. */
function lineIndexAt(text: string, offset: number): number {
  let index = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) index++
  return index
}
