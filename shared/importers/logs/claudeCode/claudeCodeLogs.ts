import { byteMarker, hasMarker, indexOfMarker } from '../../lines/byteMarker'
import { asciiValueIs, looksLikeJsonObject, parseJsonContainerAt, peekTimestamp, writtenCompactly } from '../../lines/jsonLine'
import type { StepLabeller } from '../../../steps/labelStep'
import type { TokenCounts } from '../../../records/common'
import { isObject, text, type JsonObject } from '../jsonFields'
import { SessionTrack, TimeSpan, parseTime, type SessionStep } from '../sessionTrack'
import { malformedLineMessage, parseLogLine, type LogIssue, type LogLineReader } from '../types'
import { isImplausible } from '../tokenCounts'
import { totalTokens, type UsageRecord } from '../usageRecord'
import { claudeSessionIdFromPath, fileStem } from './claudeSessionId'
import { claudeTokens, claudeToolCall, claudeUsageAt, slashCommand } from './claudeRecord'
import { labelledCall } from './labelledCalls'
import { ClaudeRequests, requestKeyWords, type SessionUsage, type UsageMade } from './claudeRequests'
import { hash64Words } from '../../../hash/hash64'
import { withoutThinkingText } from './thinkingText'
import { HashedIdTable, NO_ID } from './hashedIds'

// Only lines with these markers are parsed: assistant lines (usage, tool calls) and slash
// commands. The rest (tool results, file snapshots, hooks: most of the bytes) only give a
// timestamp, read straight from the bytes.
const USAGE = byteMarker('"usage":{')
const COMMAND = byteMarker('<command-name>')
const TOOL_USE = byteMarker('"tool_use"')
const REQUEST_ID = byteMarker('"requestId":"')
const MESSAGE = byteMarker('"message":{')
const CONTENT = byteMarker('"content":[')

/** One request line as read, before deduplication across files. */
interface RequestLine {
  model: string
  time: number
  tokens: TokenCounts
  messageId: string
  requestId: string | null
  sidechain: boolean
}

/**
 * A request as a transcript hands it on, its ids hashed, each as two 32-bit words (the 16 hex
 * digits of hash64Hex): the merge of a year of transcripts holds 16 bytes a request instead of
 * its ids and key, passes numbers between threads, and makes the hex of a key only for a run.
 */
export interface ClaudeRequestLine {
  model: string
  time: number
  tokens: TokenCounts
  /** Its key as stored with the run (requestKeyWords, with the transcript's session). */
  keyHigh: number
  keyLow: number
  /** hash64Words of `message.id`: a sidechain line of a main-thread message under another request is a replay. */
  messageHigh: number
  messageLow: number
  sidechain: boolean
  /** Whether the line has a request id (a sidechain line without one is never taken for a replay). */
  hasRequestId: boolean
}

/** A request's identity, as ClaudeRequests keys it. */
interface RequestId {
  messageId: string
  requestId: string
}

/**
 * A step as read, with the request it goes with: its own line's for a tool call, the one that
 * answers it for a slash command (none when none does). `claude --resume` copies its parent's
 * lines, so a step goes with the run that counted its request (ClaudeCodeLogs.keepsStep).
 * Ids are hashed as two words each, the high one NO_ID when there is none.
 */
export interface ClaudeStep extends Omit<SessionStep, 'key'> {
  /** hash64Words of its key (the tool call id, the command line's uuid). */
  keyHigh: number
  keyLow: number
  /** Its request's key (requestKeyWords). */
  requestHigh: number
  requestLow: number
}

/** A step while its file is read: the request it goes with may be named after it (a slash command). */
interface StepRead extends SessionStep {
  request: RequestId | null
}

/**
 * What one transcript says, as plain data (it may be read on another thread): the session its
 * lines went to and, in file order, what they add to it. Merged by `ClaudeCodeLogs.add`.
 */
export interface ClaudeTranscript {
  sessionId: string | null
  /** The first working directory and the last branch of the main thread, if any. */
  cwd: string | null
  branch: string | null
  requests: ClaudeRequestLine[]
  steps: ClaudeStep[]
  /** Timestamps that bound the session (earliest and latest, as numbers and as read). */
  times: number[]
}

/** The request a fully parsed assistant line counted, which its split lines continue. */
type CountedRequest = Omit<RequestLine, 'time' | 'tokens'> & RequestId

/** Reads one Claude Code transcript; `done` gets it after the last line. */
export function claudeTranscriptReader(path: string, labeller: StepLabeller, warn: (issue: LogIssue) => void, done: (transcript: ClaudeTranscript) => void): LogLineReader {
  const transcript: ClaudeTranscript = { sessionId: claudeSessionIdFromPath(path), cwd: null, branch: null, requests: [], steps: [], times: [] }
  let requests: RequestLine[] = []
  const steps: StepRead[] = []
  const span = new TimeSpan()
  let counted: CountedRequest | null = null
  /** Slash command steps the next main-thread request answers. */
  let unanswered: StepRead[] = []
  // Assistant lines that could not be counted are reported once per file, with the first one.
  let unreadableUsage = 0
  let firstUnreadableUsage = 0

  /**
   * Split lines of one response follow each other: of such a run only the line with the most
   * tokens (the first of equals) is kept, which is all ClaudeRequests would keep of them in
   * any case, so a transcript carries a third of the lines to the merge (and across threads).
   */
  const addRequest = (request: RequestLine) => {
    const last = requests.length === 0 ? null : requests[requests.length - 1]
    if (last === null) {
      // Made with its first request, not pushed to an empty list: V8 makes an empty list as one of small
      // integers, and pushing a request to one made it throw away addRequest's optimised code (--trace-deopt).
      requests = [request]
    } else if (last.messageId === request.messageId && last.requestId === request.requestId && last.sidechain === request.sidechain) {
      if (totalTokens(request.tokens) > totalTokens(last.tokens)) requests[requests.length - 1] = request
    } else {
      requests.push(request)
    }
  }

  /** Reads a parsed line; returns the request it counted, if any. */
  const record = (line: JsonObject, time: number, lineNumber: number): CountedRequest | null => {
    const sidechain = line.isSidechain === true
    if (!sidechain) {
      transcript.cwd ??= text(line.cwd)
      transcript.branch = text(line.gitBranch) ?? transcript.branch
    }
    const message = line.message
    if (line.type === 'assistant') return assistant(isObject(message) ? message : {}, line, time, sidechain, lineNumber)
    if (!isObject(message)) return null
    if (line.type === 'user' && !sidechain && line.isMeta !== true) {
      const command = slashCommand(message.content)
      const { call, label } = command ? labelledCall(labeller, claudeToolCall('SlashCommand', { command })) : { call: null, label: null }
      if (call && label) {
        const step: StepRead = { time, label, key: text(line.uuid), request: null, call }
        steps.push(step)
        unanswered.push(step)
      }
    }
    return null
  }

  const assistant = (message: JsonObject, line: JsonObject, time: number, sidechain: boolean, lineNumber: number): CountedRequest | null => {
    const model = text(message.model) ?? 'unknown'
    const messageId = text(message.id) ?? `${path}:${lineNumber}`
    const requestId = text(line.requestId)
    // Without a request id there is nothing to recognise the split lines (or a copy) by.
    const id: RequestId | null = requestId === null ? null : { messageId, requestId }
    let request: CountedRequest | null = null
    // API-error lines carry model "<synthetic>" and zero usage: not a billed request.
    if (model !== '<synthetic>') {
      const tokens = isObject(message.usage) ? claudeTokens(message.usage) : null
      if (tokens && isImplausible(tokens)) {
        warn({ path, line: lineNumber, message: `${tokens.implausible}; line not counted` })
      } else if (tokens) {
        addRequest({ model, time, tokens, messageId, requestId, sidechain })
        if (id) request = { model, sidechain, ...id }
      } else if (unreadableUsage++ === 0) {
        firstUnreadableUsage = lineNumber
      }
    }
    // Subagent work is one `subagent` step (the Agent/Task call); its own calls stay out.
    if (sidechain) return request
    if (id) {
      for (const step of unanswered) step.request = id
      unanswered = []
    }
    if (Array.isArray(message.content)) toolSteps(message.content, model, time, id)
    return request
  }

  /** The labelled steps of a message's tool_use blocks. */
  const toolSteps = (content: readonly unknown[], model: string, time: number, request: RequestId | null) => {
    for (const block of content) {
      if (!isObject(block) || block.type !== 'tool_use' || typeof block.name !== 'string') continue
      const { call, label } = labelledCall(labeller, claudeToolCall(block.name, block.input), model)
      if (label) steps.push({ time, label, key: text(block.id), request, call })
    }
  }

  /**
   * One API response is written as several lines, one per content block, each repeating the
   * usage. A line of the request the previous parsed line counted, without a command, adds
   * only its usage, its time and its tool calls: those are read from its bytes and from its
   * `message.content` alone (a tool call's block), and the rest (thinking, text: most of the
   * bytes; the envelope) is never parsed. Whatever does not fit (no usage object, an
   * unreadable one) is parsed in full instead. Only the requestId is compared: the lines of
   * one response repeat its message id, model, sidechain flag, cwd and branch (Claude Code
   * writes each block with the same envelope), so those are taken as counted.
   */
  const continuation = (bytes: Uint8Array, usageAt: number, request: CountedRequest): boolean => {
    const end = bytes.length
    // Only assistant lines carry a requestId, so a user line with a command never gets this far.
    if (usageAt === -1 || !asciiValueIs(bytes, REQUEST_ID, request.requestId)) return false
    let blocks: unknown[] = []
    if (hasMarker(bytes, TOOL_USE, 0, end)) {
      // The first content array in the message is its content (its id, type, role and model
      // come before it); the usage is looked for after it, where a tool's input cannot hold one.
      const messageAt = indexOfMarker(bytes, MESSAGE, 0, end)
      const contentAt = messageAt === -1 ? -1 : indexOfMarker(bytes, CONTENT, messageAt, end)
      const content = contentAt === -1 ? null : parseJsonContainerAt(bytes, contentAt + CONTENT.bytes.length - 1, end)
      if (!content || !Array.isArray(content.value)) return false
      blocks = content.value
      usageAt = indexOfMarker(bytes, USAGE, content.end, end)
      if (usageAt === -1) return false
    }
    const usage = claudeUsageAt(bytes, usageAt + USAGE.bytes.length - 1, end)
    const timestamp = peekTimestamp(bytes, 0, end, true)
    const tokens = isObject(usage) ? claudeTokens(usage) : null
    // An implausible count is left to the full parse, which reports the line.
    if (!tokens || isImplausible(tokens) || timestamp === null) return false
    const time = parseTime(timestamp)
    span.seeTime(time)
    addRequest({ model: request.model, time, tokens, messageId: request.messageId, requestId: request.requestId, sidechain: request.sidechain })
    if (!request.sidechain) toolSteps(blocks, request.model, time, request)
    return true
  }

  return {
    line: (bytes, lineNumber, terminated) => {
      // Checked first for every line: valid JSON that is not an object (an array) is no record either.
      if (!looksLikeJsonObject(bytes, 0, bytes.length)) return warn({ path, line: lineNumber, message: malformedLineMessage(terminated) })
      // A line not written compactly defeats the byte patterns: it is parsed in full.
      const compact = writtenCompactly(bytes, 0, bytes.length)
      const usageAt = compact ? indexOfMarker(bytes, USAGE, 0, bytes.length) : -1
      if (!compact || usageAt !== -1 || hasMarker(bytes, COMMAND, 0, bytes.length)) {
        if (compact && counted && terminated && continuation(bytes, usageAt, counted)) return
        // Nothing here reads thinking text: a line parsed without it parses or fails as the full line would.
        const line = parseLogLine(withoutThinkingText(bytes) ?? bytes, path, lineNumber, terminated, warn)
        if (!line) return
        transcript.sessionId ??= text(line.sessionId) ?? fileStem(path)
        const time = parseTime(line.timestamp)
        span.seeTime(time)
        counted = record(line, time, lineNumber)
      } else {
        span.seeText(peekTimestamp(bytes, 0, bytes.length, true))
      }
    },
    finish: () => {
      if (!span.empty) {
        transcript.sessionId ??= fileStem(path)
        transcript.times = span.times()
      }
      handOn(transcript, requests, steps)
      if (unreadableUsage > 0) {
        const lines = unreadableUsage === 1 ? '1 assistant line has' : `${unreadableUsage} assistant lines have`
        warn({ path, line: firstUnreadableUsage, message: `${lines} no readable token usage; not counted (the first is on this line)` })
      }
      done(transcript)
    },
  }
}

/** Where handOn hashes ids to: key high and low, message high and low. */
const ids = new Uint32Array(4)

/**
 * The lines read, with their ids hashed, into the transcript (once its session id is known: a
 * key without a request id names it). Pushed to the transcript's lists, as unpackTranscripts
 * makes them: lists from `map` are of another kind, and ClaudeCodeLogs.add, which takes both,
 * dropped its optimised code when one came after the other.
 */
function handOn(transcript: ClaudeTranscript, requests: readonly RequestLine[], steps: readonly StepRead[]): void {
  const sessionId = transcript.sessionId ?? ''
  for (const { model, time, tokens, messageId, requestId, sidechain } of requests) {
    requestKeyWords(sessionId, messageId, requestId, ids, 0)
    hash64Words(messageId, ids, 2)
    transcript.requests.push({ model, time, tokens, keyHigh: ids[0], keyLow: ids[1], messageHigh: ids[2], messageLow: ids[3], sidechain, hasRequestId: requestId !== null })
  }
  for (const { time, label, key, request, call } of steps) {
    const step: ClaudeStep = { time, label, call, keyHigh: NO_ID, keyLow: 0, requestHigh: NO_ID, requestLow: 0 }
    if (key !== null) {
      hash64Words(key, ids, 0)
      step.keyHigh = ids[0]
      step.keyLow = ids[1]
    }
    if (request !== null) {
      requestKeyWords(sessionId, request.messageId, request.requestId, ids, 2)
      step.requestHigh = ids[2]
      step.requestLow = ids[3]
    }
    transcript.steps.push(step)
  }
}

/**
 * Sessions that kept at least this many requests are handed on for their run to be built
 * early (settledUsage). A run holds a few kilobytes besides a little a request: built early,
 * the runs of thousands of small sessions were held while files were still being read, and
 * raised the peak RSS; a few hundred large sessions' runs hold little, and
 * building them was most of the work left after the last file.
 */
const EARLY_RUN_REQUESTS = 64

/** Claude Code transcripts of one import: usage and steps are deduplicated across all of its files. */
export class ClaudeCodeLogs {
  readonly sessions = new Map<string, SessionTrack>()
  private readonly requests: ClaudeRequests
  /**
   * Tool call ids and command line uuids of the steps kept so far, in any session, hashed
   * (hash64Words): 219,000 of them as strings held their batches' joined text to the end.
   */
  private readonly stepKeys = new HashedIdTable(4096)
  /**
   * The session of the transcripts added last, one after another, how many requests were kept
   * when its first came, and whether the session had transcripts before that streak.
   */
  private latest: { session: SessionTrack; keptFrom: number; returning: boolean } | null = null

  /** `knownRequestKeys`: requests already in the workspace, by hashed key → run id. */
  constructor(knownRequestKeys?: ReadonlyMap<string, string>) {
    this.requests = new ClaudeRequests(knownRequestKeys)
  }

  /**
   * Adds a transcript's lines, in the order the files are read. When the transcript is another
   * session's than the one before, returns that one's track and usage as they are now (see
   * settledUsage), else null.
   */
  add(transcript: ClaudeTranscript): SettledSession | null {
    if (transcript.sessionId === null) return null
    let settled: SettledSession | null = null
    if (this.latest?.session.id !== transcript.sessionId) {
      settled = this.settledUsage()
      const known = this.sessions.get(transcript.sessionId)
      const session = known ?? new SessionTrack(transcript.sessionId, 'claude-code')
      if (!known) this.sessions.set(session.id, session)
      this.latest = { session, keptFrom: this.requests.kept, returning: known !== undefined }
    }
    const { session } = this.latest
    session.cwd ??= transcript.cwd
    session.branch = transcript.branch ?? session.branch
    for (const request of transcript.requests) this.requests.add(session.id, request)
    // Steps before the file's own times: a step without a timestamp goes where the session stood.
    for (const step of transcript.steps) if (this.keepsStep(session.id, step)) session.addNewStep(step)
    for (const time of transcript.times) session.seeTime(time)
    return settled
  }

  /**
   * The latest session's usage among the requests kept since its first transcript of this run
   * (ClaudeRequests.usageKeptFrom): all of it, but for a session that took a request another
   * session had. Its run can be built while later files are read, and
   * kept if its usage is the session's at the end (SessionUsage.unchanged: a later file can
   * also take a request from it, or make one a replay) and no other transcript of the session
   * came (which changes its track). Null when fewer than EARLY_RUN_REQUESTS requests were kept
   * since the session's latest streak of transcripts began, and for a session that had
   * transcripts before that streak: its usage then lacks their requests, so the run built
   * would never be kept (built again from all of them at the end).
   */
  private settledUsage(): SettledSession | null {
    const latest = this.latest
    if (!latest || latest.returning || this.requests.kept - latest.keptFrom < EARLY_RUN_REQUESTS) return null
    return { track: latest.session, ...this.requests.usageKeptFrom(latest.session.id, latest.keptFrom) }
  }

  /**
   * A step repeated in several files (`claude --resume` copies the parent's lines into the new
   * session's file) is kept once: by the run already in the workspace that counted its
   * request, else by the first file of this import that has it (which, for copies with equal
   * usage, also keeps the request). A step without a request (no request id, a command nothing
   * answered) is only recognised within one import: runs keep request keys, not step keys.
   */
  private keepsStep(sessionId: string, step: ClaudeStep): boolean {
    if (step.requestHigh !== NO_ID && this.requests.countedElsewhere(sessionId, step.requestHigh, step.requestLow)) return false
    if (step.keyHigh === NO_ID) return true
    const known = this.stepKeys.size
    return this.stepKeys.add(step.keyHigh, step.keyLow) === known
  }

  /** The usage of each session, deduplicated (ClaudeRequests.usageBySession). */
  usageBySession(): SessionUsage {
    return this.requests.usageBySession()
  }
}

/** A session whose transcripts came one after another, with its usage once they stopped coming (a later one may still come: then its run is built again). */
export interface SettledSession {
  track: SessionTrack
  usage: UsageRecord[]
  made: UsageMade
}
