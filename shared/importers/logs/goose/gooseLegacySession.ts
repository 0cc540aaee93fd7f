import { byteMarker, hasMarker } from '../../lines/byteMarker'
import type { StepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import { fileStem } from '../claudeCode/claudeSessionId'
import { text, type JsonObject } from '../jsonFields'
import type { SessionLogFormat } from '../sessionLogFormat'
import type { SessionStep } from '../sessionTrack'
import { parseLogLine, type LogIssue, type LogLineReader } from '../types'
import { gooseProvider, gooseSessionUsage, gooseTime } from './gooseSessionUsage'
import { gooseToolSteps } from './gooseToolCall'

// Goose's SessionMetadata is serialised with `working_dir` first.
const METADATA_START = byteMarker('{"working_dir":')

/**
 * Goose's session files before 1.10 (`sessions/<id>.jsonl`): a metadata line (working folder,
 * token totals), then one message per line. Goose copies them into sessions.db on its first
 * start after the upgrade and leaves them in place: the copy in the store, read as the same
 * session id, is counted once with it.
 */
export const gooseLegacySessionFormat: SessionLogFormat = {
  tool: 'goose',
  wantsPath: (path) => /\.jsonl$/i.test(path),
  claims: (path, firstLine) => /\.jsonl$/i.test(path) && hasMarker(firstLine, METADATA_START, 0, Math.min(firstLine.length, METADATA_START.bytes.length)),
  reader: gooseLegacySessionReader,
}

/** One legacy session file; its id is the file name, as Goose names the session. */
export function gooseLegacySessionReader(path: string, labeller: StepLabeller, warn: (issue: LogIssue) => void, done: (sessions: AgentSession[]) => void): LogLineReader {
  let metadata: JsonObject | null = null
  let metadataLine = 0
  const times: number[] = []
  const steps: SessionStep[] = []
  return {
    line(bytes, lineNumber, terminated) {
      const record = parseLogLine(bytes, path, lineNumber, terminated, warn)
      if (!record) return
      if (metadata === null && 'working_dir' in record && 'message_count' in record) {
        metadata = record
        metadataLine = lineNumber
        return
      }
      const time = gooseTime(record.created)
      times.push(time)
      if (record.role === 'assistant') steps.push(...gooseToolSteps(record.content, time, null, labeller))
    },
    finish() {
      // A file whose metadata line is damaged has no totals: its messages alone make no run.
      const info: JsonObject | null = metadata
      if (info === null) return done([])
      const id = fileStem(path)
      const start = times.find(Number.isFinite) ?? NaN
      const usage = gooseSessionUsage({ id, totals: info, model: null, time: start }, { path, line: metadataLine }, warn)
      done([{ tool: 'goose', id, provider: gooseProvider(null, null), cwd: text(info.working_dir), remoteRepo: null, branch: null, times, steps, usage, parentId: null }])
    },
  }
}
