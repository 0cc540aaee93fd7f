import { decodeLine } from '../../lines/jsonLine'
import type { AgentSession } from '../agentSession'
import type { SessionLogFormat } from '../sessionLogFormat'
import { repoNameFromRemote } from '../sessionNames'
import { parseTime } from '../sessionTrack'
import type { LogLineReader } from '../types'

const WORKSPACE_FILE = /(^|\/)session-state\/[^/]+\/workspace\.yaml$/i
/** A top-level `key: value` line of the file (values plain or quoted; block scalars are not read). */
const FIELD = /^([a-z_]+):[ \t]*(.*?)[ \t]*$/
const WANTED = new Set(['id', 'cwd', 'git_root', 'repository', 'branch', 'created_at', 'updated_at'])

/**
 * The `workspace.yaml` beside a Copilot CLI session's events: its id, folder, repository and
 * branch, also for versions whose `session.start` has no working-directory context. It gives a
 * session without requests, merged with the events' session of the same id (a session with
 * nothing else is not a run).
 */
export const copilotWorkspaceFormat: SessionLogFormat = {
  tool: 'copilot-cli',
  wantsPath: (path) => WORKSPACE_FILE.test(path),
  claims: (path) => WORKSPACE_FILE.test(path),
  reader: (path, _labeller, _warn, done) => copilotWorkspaceReader(path, (session) => done([session])),
}

export function copilotWorkspaceReader(path: string, done: (session: AgentSession) => void): LogLineReader {
  const fields = new Map<string, string>()
  return {
    line(bytes) {
      const match = FIELD.exec(decodeLine(bytes, 0, bytes.length))
      if (match && WANTED.has(match[1]) && !fields.has(match[1])) fields.set(match[1], unquote(match[2]))
    },
    finish() {
      const parts = path.split(/[\\/]/)
      const id = fields.get('id') || parts[parts.length - 2]
      const repository = fields.get('repository')
      done({
        tool: 'copilot-cli',
        id,
        provider: 'github-copilot',
        cwd: fields.get('cwd') || fields.get('git_root') || null,
        remoteRepo: repository ? repoNameFromRemote(repository) : null,
        branch: fields.get('branch') || null,
        times: [parseTime(fields.get('created_at')), parseTime(fields.get('updated_at'))],
        steps: [],
        usage: [],
        parentId: null,
      })
    },
  }
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value)
  if (!quoted) return value
  return value.startsWith('"') ? quoted[1].replace(/\\"/g, '"').replace(/\\\\/g, '\\') : quoted[1].replace(/''/g, "'")
}
