import type { StepCall } from '../../../records/run'
import type { ClaudeRequestLine, ClaudeStep, ClaudeTranscript } from './claudeCodeLogs'

/**
 * Claude Code transcripts packed for the trip from a reader thread to the assembling one:
 * every number in one Float64Array and every string in one array, the strings that repeat
 * (models, labels, tools, command words) once each. Structured-cloned as objects, thousands of
 * small transcripts took much memory and time to copy back into objects on the assembling
 * thread, which also had to collect them; packed, a transcript is
 * rebuilt there with plain allocations. Hashed ids (request keys, message ids, step keys) are
 * numbers already: sliced out of a joined text, each would keep the whole batch's text alive as
 * long as a run keeps its request keys.
 */
export interface PackedTranscripts {
  numbers: Float64Array<ArrayBuffer>
  /** The strings one after another; numbers refer to them by their place in `lengths`. */
  text: string
  /** Each string's length, -1 for null. */
  lengths: Int32Array<ArrayBuffer>
}

const SIDECHAIN = 1
const HAS_REQUEST_ID = 2
/** An absent call field (StepCall's optional keys are absent, never undefined), a null string, a file without a transcript. */
const ABSENT = -1

/** Packs transcripts (null where a file has none), in order. */
export function packTranscripts(transcripts: readonly (ClaudeTranscript | null)[]): PackedTranscripts {
  const numbers: number[] = []
  const strings: string[] = []
  const lengths: number[] = []
  const add = (text: string | null) => {
    if (text !== null) strings.push(text)
    return lengths.push(text === null ? ABSENT : text.length) - 1
  }
  const repeated = new Map<string, number>()
  const calls = new Map<StepCall, number>()
  const unique = (text: string | null) => numbers.push(add(text))
  const shared = (text: string) => {
    let index = repeated.get(text)
    if (index === undefined) repeated.set(text, (index = add(text)))
    numbers.push(index)
  }
  const optional = (text: string | undefined) => (text === undefined ? numbers.push(ABSENT) : shared(text))
  for (const transcript of transcripts) {
    if (!transcript) {
      numbers.push(ABSENT)
      continue
    }
    const { requests, steps, times } = transcript
    numbers.push(requests.length, steps.length, times.length)
    unique(transcript.sessionId)
    unique(transcript.cwd)
    unique(transcript.branch)
    for (const { model, time, tokens, keyHigh, keyLow, messageHigh, messageLow, sidechain, hasRequestId } of requests) {
      shared(model)
      numbers.push(keyHigh, keyLow, messageHigh, messageLow, time, tokens.input, tokens.output, tokens.cacheWrite5m, tokens.cacheWrite1h, tokens.cacheRead, tokens.reasoning)
      numbers.push((sidechain ? SIDECHAIN : 0) | (hasRequestId ? HAS_REQUEST_ID : 0))
    }
    for (const { time, label, keyHigh, keyLow, requestHigh, requestLow, call } of steps) {
      numbers.push(time)
      shared(label)
      numbers.push(keyHigh, keyLow, requestHigh, requestLow)
      // A call already sent in this batch (one object: labelledCall hands out equal calls as one) goes as its number.
      const known = calls.get(call)
      numbers.push(known ?? calls.size)
      if (known === undefined) {
        calls.set(call, calls.size)
        shared(call.tool)
        if (call.command === undefined) {
          numbers.push(ABSENT)
        } else {
          numbers.push(call.command.length)
          for (const word of call.command) shared(word)
        }
        optional(call.pathLabel)
        optional(call.model)
      }
    }
    numbers.push(...times)
  }
  return {
    numbers: Float64Array.from(numbers),
    text: strings.join(''),
    lengths: Int32Array.from(lengths),
  }
}

/** The transcripts packTranscripts packed, equal to them. */
export function unpackTranscripts(packed: PackedTranscripts): (ClaudeTranscript | null)[] {
  const { numbers } = packed
  const strings = splitJoined(packed.text, packed.lengths)
  const calls: StepCall[] = []
  const transcripts: (ClaudeTranscript | null)[] = []
  let at = 0
  const text = () => strings[numbers[at++]] as string
  const nullable = () => strings[numbers[at++]]
  const readCall = () => {
    const call: StepCall = { tool: text() }
    const words = numbers[at++]
    if (words !== ABSENT) {
      call.command = []
      for (let w = 0; w < words; w++) call.command.push(text())
    }
    if (numbers[at] === ABSENT) at++
    else call.pathLabel = text()
    if (numbers[at] === ABSENT) at++
    else call.model = text()
    return call
  }
  while (at < numbers.length) {
    const requestCount = numbers[at++]
    if (requestCount === ABSENT) {
      transcripts.push(null)
      continue
    }
    const stepCount = numbers[at++]
    const timeCount = numbers[at++]
    const transcript: ClaudeTranscript = { sessionId: nullable(), cwd: nullable(), branch: nullable(), requests: [], steps: [], times: [] }
    for (let i = 0; i < requestCount; i++) {
      const model = text()
      const keyHigh = numbers[at]
      const keyLow = numbers[at + 1]
      const messageHigh = numbers[at + 2]
      const messageLow = numbers[at + 3]
      const time = numbers[at + 4]
      // Counts are whole numbers up to MAX_REQUEST_TOKENS (claudeTokens), which `| 0` keeps as they are, as small integers: read
      // from the doubles as doubles, they gave these objects another shape than claudeTokens' and V8 dropped the code made for both.
      const tokens = { input: numbers[at + 5] | 0, output: numbers[at + 6] | 0, cacheWrite5m: numbers[at + 7] | 0, cacheWrite1h: numbers[at + 8] | 0, cacheRead: numbers[at + 9] | 0, reasoning: numbers[at + 10] | 0 }
      const flags = numbers[at + 11]
      at += 12
      const request: ClaudeRequestLine = { model, time, tokens, keyHigh, keyLow, messageHigh, messageLow, sidechain: (flags & SIDECHAIN) !== 0, hasRequestId: (flags & HAS_REQUEST_ID) !== 0 }
      transcript.requests.push(request)
    }
    for (let i = 0; i < stepCount; i++) {
      const time = numbers[at++]
      const label = text()
      const keyHigh = numbers[at]
      const keyLow = numbers[at + 1]
      const requestHigh = numbers[at + 2]
      const requestLow = numbers[at + 3]
      at += 4
      const callIndex = numbers[at++]
      if (callIndex === calls.length) calls.push(readCall())
      const call = calls[callIndex]
      const step: ClaudeStep = { time, label, call, keyHigh, keyLow, requestHigh, requestLow }
      transcript.steps.push(step)
    }
    for (let i = 0; i < timeCount; i++) transcript.times.push(numbers[at++])
    transcripts.push(transcript)
  }
  return transcripts
}

function splitJoined(joined: string, lengths: Int32Array): (string | null)[] {
  const strings: (string | null)[] = []
  for (let i = 0, start = 0; i < lengths.length; i++) {
    const length = lengths[i]
    strings.push(length === ABSENT ? null : joined.slice(start, (start += length)))
  }
  return strings
}
