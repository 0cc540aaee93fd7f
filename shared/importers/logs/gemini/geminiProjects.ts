import { sha256Hex } from '../../../hash/sha256'
import { isObject } from '../jsonFields'
import type { SessionLogFormat, SessionPlace } from '../sessionLogFormat'
import type { LogIssue, LogLineReader } from '../types'
import { wholeJsonFileReader } from '../wholeJsonFile'

/** `tmp/<project>/.project_root`: the project's folder, one line. */
const PROJECT_ROOT = /(^|\/)tmp\/[^/]+\/\.project_root$/
/** `~/.gemini/projects.json`: `{"projects": {"<folder>": "<short name>"}}`. */
const PROJECTS_JSON = /(^|\/)\.gemini\/projects\.json$/

/**
 * Where Gemini CLI's projects live. A session names its project only by `projectHash`, the
 * SHA-256 of the project's folder; Gemini keeps the folder beside the chats in `.project_root`
 * and lists every project in projects.json. Read as places (no sessions), they give each
 * session its folder, and so its repository.
 */
export const geminiProjectsFormat: SessionLogFormat = {
  tool: 'gemini-cli',
  wantsPath: isProjectFile,
  claims: isProjectFile,
  reader: (path, _labeller, warn, done) => (PROJECT_ROOT.test(path.split('\\').join('/')) ? projectRootReader(path, warn, done) : projectsListReader(path, warn, done)),
}

/** Asked of every file of a folder import: the endings are compared before the patterns run (13,000 transcripts' paths took the two patterns a tenth of a second). */
function isProjectFile(path: string): boolean {
  return (path.endsWith('/.project_root') && PROJECT_ROOT.test(path)) || (path.endsWith('/projects.json') && PROJECTS_JSON.test(path))
}

function place(folder: string): SessionPlace {
  return { tool: 'gemini-cli', key: sha256Hex(folder), cwd: folder }
}

function projectRootReader(path: string, warn: (issue: LogIssue) => void, done: (sessions: [], places: SessionPlace[]) => void): LogLineReader {
  let folder: string | null = null
  return {
    line(bytes, lineNumber) {
      const text = new TextDecoder().decode(bytes).trim()
      if (folder !== null || text === '') return
      if (text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text)) folder = text
      else warn({ path, line: lineNumber, message: 'not a project folder (an absolute path); file skipped' })
    },
    finish: () => done([], folder === null ? [] : [place(folder)]),
  }
}

function projectsListReader(path: string, warn: (issue: LogIssue) => void, done: (sessions: [], places: SessionPlace[]) => void): LogLineReader {
  return wholeJsonFileReader(path, warn, (document) => {
    const projects = isObject(document.projects) ? Object.keys(document.projects) : []
    done([], projects.map(place))
  })
}
