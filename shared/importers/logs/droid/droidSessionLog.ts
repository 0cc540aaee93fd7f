import { looksLikeJsonObject } from '../../lines/jsonLine'
import type { StepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import { isObject, text, type JsonObject } from '../jsonFields'
import type { SessionLogFormat } from '../sessionLogFormat'
import { TimeSpan, parseTime, type SessionStep } from '../sessionTrack'
import { firstRecord, malformedLineMessage, parseLogLine, type LogIssue, type LogLineReader } from '../types'
import { droidModelId, droidProvider } from './droidModel'
import { droidSessionId } from './droidSettings'
import { droidToolCall } from './droidToolCall'

/**
 * Factory Droid transcripts: `~/.factory/sessions/<sanitised cwd>/<session>.jsonl`, starting with
 * a `session_start` record (id, cwd, and `callingSessionId` for a subagent's session), then
 * `message` records with Anthropic-style content blocks. Neither line kind is ever Claude Code's.
 */
export const droidSessionFormat: SessionLogFormat = {
  tool: 'droid',
  wantsPath: (path) => /\.jsonl$/i.test(path),
  claims: (path, firstLine) => /(^|\/)\.factory\/sessions\/.*\.jsonl$/i.test(path) || isDroidRecord(firstLine),
  reader: droidSessionReader,
}

function isDroidRecord(line: Uint8Array): boolean {
  const record = firstRecord(line)
  return record !== null && (record.type === 'session_start' || (record.type === 'message' && isObject(record.message)))
}

/**
 * Reads one Droid transcript: when the session ran, where, its steps and its parent session.
 * Its tokens are in the settings file beside it (droidSettings.ts): the two files are one
 * session, by the file name's session id, and merge when both are imported.
 */
export function droidSessionReader(path: string, labeller: StepLabeller, warn: (issue: LogIssue) => void, done: (sessions: AgentSession[]) => void): LogLineReader {
  let start: JsonObject | null = null
  const span = new TimeSpan()
  const steps: SessionStep[] = []

  const handle = (record: JsonObject) => {
    if (record.type === 'session_start') {
      start ??= record
      return
    }
    const time = parseTime(record.timestamp)
    span.seeTime(time)
    const message = isObject(record.message) ? record.message : null
    if (record.type !== 'message' || message?.role !== 'assistant' || !Array.isArray(message.content)) return
    const recorded = text(message.model) ?? text(start?.model)
    const model = recorded === null ? undefined : droidModelId(recorded)
    for (const block of message.content) {
      if (!isObject(block) || block.type !== 'tool_use') continue
      const toolCall = droidToolCall(block)
      const call = toolCall && labeller.reduce(toolCall, model)
      const label = call && labeller.labelCall(call)
      if (call && label) steps.push({ time, label, key: text(block.id), call })
    }
  }

  return {
    line(bytes, lineNumber, terminated) {
      if (!looksLikeJsonObject(bytes, 0, bytes.length)) return warn({ path, line: lineNumber, message: malformedLineMessage(terminated) })
      const record = parseLogLine(bytes, path, lineNumber, terminated, warn)
      if (record) handle(record)
    },
    finish() {
      const session = start as JsonObject | null
      const recorded = text(session?.model)
      done([
        {
          tool: 'droid',
          id: droidSessionId(path),
          parentId: text(session?.callingSessionId),
          cwd: text(session?.cwd),
          remoteRepo: null,
          branch: null,
          provider: droidProvider(session ?? {}, recorded && droidModelId(recorded)),
          times: span.times(),
          steps,
          usage: [],
        },
      ])
    },
  }
}
