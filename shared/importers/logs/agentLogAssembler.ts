import { createBatch } from '../../batches/batch'
import { sumDecimalStrings } from '../../money/decimal'
import { bundledPricingTable } from '../../pricing/pricingTable'
import type { Run } from '../../records/run'
import { createStepLabeller, type StepLabeller } from '../../steps/labelStep'
import { buildRun, type RunContext } from './buildRun'
import { ClaudeCodeLogs, type SettledSession } from './claudeCode/claudeCodeLogs'
import type { UsageMade } from './claudeCode/claudeRequests'
import { foldChildSession, mergeSessionCopies, sessionTrackOf, type AgentSession } from './agentSession'
import type { AgentTool } from './agentTools'
import type { AgentLogImport, ImportAgentLogsOptions, ImportedLogFile } from './importAgentLogs'
import type { AgentLogFile } from './readAgentLogFile'
import type { SessionTrack } from './sessionTrack'
import type { LogIssue } from './types'
import type { UsageRecord } from './usageRecord'

/**
 * Builds runs from files read by readAgentLogFile, on whatever thread. Files must be added in
 * path order (byPath): which copy of a duplicated request wins depends on it. Each file is
 * merged as it is added, so only the deduplicated requests are held, not every line read.
 */
export class AgentLogAssembler {
  private readonly warnings: LogIssue[] = []
  private readonly errors: LogIssue[] = []
  private claude: ClaudeCodeLogs
  /** Sessions of every agent but Claude Code, by tool and id: copies in several files merged as they come. */
  private readonly sessions = new Map<string, AgentSession>()
  /** Project folders by tool and place key (SessionPlace), the first file's word kept. */
  private readonly places = new Map<string, string>()
  private readonly files: ImportedLogFile[] = []
  /**
   * Runs of Claude Code sessions built as soon as the next file was another session's, with
   * what their usage was made of: kept at the end when it still is (see settledUsage), so
   * building runs mostly happens while files are still being read, not after the last one.
   */
  private readonly earlyRuns = new Map<string, { run: Run; made: UsageMade }>()
  private context: RunContext | null = null

  /** `labeller`: the one the files were read with, when read on this thread; its rule problems become warnings. */
  constructor(
    private readonly options: ImportAgentLogsOptions = {},
    labeller: StepLabeller = createStepLabeller(options.stepRules ?? null),
  ) {
    for (const problem of labeller.problems) this.warnings.push({ path: 'settings.stepRules', line: 0, message: problem })
    this.claude = new ClaudeCodeLogs(options.knownRequestKeys)
  }

  add(logFile: AgentLogFile): void {
    // The file's session, until finish() keeps only sessions that became runs.
    const ids = logFile.claude?.sessionId ? [logFile.claude.sessionId] : logFile.sessions.map((session) => session.id)
    const file: ImportedLogFile = { path: logFile.path, format: logFile.format, lines: logFile.lines, bytes: logFile.bytes, runs: ids }
    this.warnings.push(...logFile.warnings)
    if (logFile.error) this.errors.push({ path: logFile.path, line: 0, message: logFile.error })
    if (logFile.claude) {
      // Another transcript of a session changes its track: its early run no longer holds.
      if (logFile.claude.sessionId !== null) this.earlyRuns.delete(logFile.claude.sessionId)
      const settled = this.claude.add(logFile.claude)
      if (settled) this.buildEarly(settled)
    }
    for (const session of logFile.sessions) {
      const key = sessionKey(session.tool, session.id)
      const copy = this.sessions.get(key)
      this.sessions.set(key, copy ? mergeSessionCopies(copy, session) : session)
    }
    for (const place of logFile.places) {
      const key = sessionKey(place.tool, place.key)
      if (!this.places.has(key)) this.places.set(key, place.cwd)
    }
    this.files.push(file)
  }

  /** The import; the assembler is empty afterwards. */
  finish(): AgentLogImport {
    const { options, files, warnings, errors } = this
    const runs = this.buildRuns()
    // What the runs were built from is let go before the batch is encoded, which then adds its
    // peak to that of the runs alone (13,000 sessions' requests and steps weigh more than their runs).
    this.claude = new ClaudeCodeLogs()
    this.earlyRuns.clear()
    this.sessions.clear()
    this.places.clear()

    const runIds = new Set(runs.map((run) => run.id))
    for (const file of files) file.runs = file.runs.filter((id) => runIds.has(id))

    return {
      runs,
      files,
      warnings,
      errors,
      unpricedModels: [...new Set(runs.flatMap((run) => run.unpricedModels))].sort(),
      batch: runs.length && options.encodeBatch !== false ? runsBatch(runs, files, warnings, options.importedAt ?? new Date().toISOString()) : null,
    }
  }

  private buildRuns(): Run[] {
    const context = this.runContext()
    const runs: Run[] = []
    const claudeUsage = this.claude.usageBySession()
    for (const track of this.claude.sessions.values()) {
      const early = this.earlyRuns.get(track.id)
      if (early && claudeUsage.unchanged(track.id, early.made)) runs.push(early.run)
      else this.addRun(runs, track, claudeUsage.of(track.id), context)
    }
    for (const session of this.sessionsWithChildrenFolded()) this.addRun(runs, sessionTrackOf(this.placed(session)), session.usage, context)
    return runs.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))
  }

  /** A session's run built as soon as its transcripts have come; a session without a run is left to the end, which reports it. */
  private buildEarly({ track, usage, made }: SettledSession): void {
    const run = buildRun(track, usage, this.runContext())
    if (run) this.earlyRuns.set(track.id, { run, made })
  }

  private runContext(): RunContext {
    const { options } = this
    return (this.context ??= {
      pricing: options.pricing ?? bundledPricingTable(),
      attribution: options.attribution ?? false,
      pseudonymSalt: options.pseudonymSalt ?? '',
      folders: new Map(),
    })
  }

  /** A session that names its project only by a key gets the project's folder, when a file of the import says where it is. */
  private placed(session: AgentSession): AgentSession {
    if (session.cwd !== null || session.placeKey === undefined) return session
    const cwd = this.places.get(sessionKey(session.tool, session.placeKey))
    return cwd === undefined ? session : { ...session, cwd }
  }

  /**
   * A child session (a subagent the agent records as a session of its own) joins its parent's
   * run when the parent is in the import, and the file that held it lists the parent's run;
   * an orphan (its parent not imported) stays a run of its own.
   */
  private sessionsWithChildrenFolded(): AgentSession[] {
    const sessions = new Map(this.sessions)
    // A damaged store can make parents a loop: a session on one stays a run of its own.
    const rootOf = (session: AgentSession): AgentSession => {
      const seen = new Set<AgentSession>([session])
      let root = session
      for (let parent = this.parentOf(root); parent; parent = this.parentOf(root)) {
        if (seen.has(parent)) return session
        seen.add(parent)
        root = parent
      }
      return root
    }
    const childToRoot = new Map<string, string>()
    for (const [key, session] of this.sessions) {
      const root = rootOf(session)
      if (root === session) continue
      const rootKey = sessionKey(root.tool, root.id)
      sessions.set(rootKey, foldChildSession(sessions.get(rootKey)!, session))
      sessions.delete(key)
      childToRoot.set(session.id, root.id)
    }
    for (const file of this.files) file.runs = [...new Set(file.runs.map((id) => childToRoot.get(id) ?? id))]
    return [...sessions.values()]
  }

  private parentOf(session: AgentSession): AgentSession | null {
    return session.parentId === null ? null : (this.sessions.get(sessionKey(session.tool, session.parentId)) ?? null)
  }

  /** Requests that make no run (buildRun needs a time to place them) are reported, not dropped unseen. */
  private addRun(runs: Run[], track: SessionTrack, usage: readonly UsageRecord[], context: RunContext): void {
    const run = buildRun(track, usage, context)
    if (run) {
      runs.push(run)
    } else if (usage.length > 0) {
      const path = this.files.find((file) => file.runs.includes(track.id))?.path ?? track.id
      const requests = usage.length === 1 ? '1 request' : `${usage.length} requests`
      this.warnings.push({ path, line: 0, message: `${requests} not imported: no line of the session has a valid timestamp` })
    }
  }
}

/** Sessions (and places) are one agent's: the same id from two agents names two sessions. */
function sessionKey(tool: AgentTool, id: string): string {
  return `${tool}\u0000${id}`
}

function runsBatch(runs: Run[], files: ImportedLogFile[], warnings: LogIssue[], importedAt: string) {
  // Only file names, never paths: a path names the person's home folder and project.
  const name = (path: string) => path.split(/[\\/]/).pop() ?? path
  return createBatch({
    kind: 'runs',
    format: 'agent-logs',
    fileNames: files.map((file) => name(file.path)),
    records: runs,
    totals: { USD: sumDecimalStrings(runs.map((run) => run.costUSD)) },
    from: runs.reduce((min, run) => (run.start < min ? run.start : min), runs[0].start),
    to: runs.reduce((max, run) => (run.end > max ? run.end : max), runs[0].end),
    skipped: [],
    warnings: warnings.map((issue) => ({ line: issue.line, message: `${name(issue.path)}: ${issue.message}` })),
    importedAt,
  })
}
