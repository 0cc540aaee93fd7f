import { createBatch } from '../batch'
import { byteMarker, hasMarker } from '../lines/byteMarker'
import { DEFAULT_MAX_LINE_BYTES, forEachLine } from '../lines/splitLines'
import { sumDecimalStrings } from '../../money/decimal'
import { bundledPricingTable, pricingFromSettings, type PricingTable } from '../../pricing/pricingTable'
import type { BatchMeta } from '../../records/batch'
import type { Run } from '../../records/run'
import type { Settings, StepRule } from '../../records/settings'
import { createStepLabeller } from '../../steps/labelStep'
import { buildRun } from './buildRun'
import { ClaudeCodeLogs } from './claudeCode/claudeCodeLogs'
import { codexRolloutReader, type CodexSession } from './codex/codexRollout'
import type { AgentTool, LogFileSource, LogIssue, LogLineReader } from './types'
import type { UsageRecord } from './usageRecord'

export interface ImportAgentLogsOptions {
  /** Prices in use (settings table plus overrides); the bundled snapshot by default. */
  pricing?: PricingTable
  /** settings.stepRules; null or absent means the default rules. */
  stepRules?: readonly StepRule[] | null
  attribution?: boolean
  pseudonymSalt?: string
  /** Hashed request key → run id of requests already in the workspace (see knownRequestKeys). */
  knownRequestKeys?: ReadonlyMap<string, string>
  /** ISO instant stamped on the batch; now by default. */
  importedAt?: string
}

export interface ImportedLogFile {
  path: string
  format: AgentTool | null
  lines: number
  bytes: number
  /** Ids of the runs this file contributed to. */
  runs: string[]
}

export interface AgentLogImport {
  runs: Run[]
  files: ImportedLogFile[]
  /** Skipped lines and other problems that did not stop the import. */
  warnings: LogIssue[]
  /** Files that could not be read at all. */
  errors: LogIssue[]
  unpricedModels: string[]
  /** The runs as one immutable `runs` batch, or null when there is no run. */
  batch: { meta: BatchMeta; payload: Uint8Array } | null
}

/** The import options a workspace's settings imply. */
export function importOptionsFromSettings(settings: Settings): ImportAgentLogsOptions {
  return {
    pricing: pricingFromSettings(settings),
    stepRules: settings.stepRules,
    attribution: settings.attribution,
    pseudonymSalt: settings.pseudonymSalt,
  }
}

// A Codex rollout line has a `payload`; a Claude Code transcript line never does.
const CODEX_PAYLOAD = byteMarker('"payload":{')
const FORMAT_HEAD_BYTES = 256

/**
 * Imports Claude Code transcripts and Codex rollouts into runs: one per session, with
 * deduplicated token counts (as ccusage counts them), exact costs, and step sequences.
 * Pure: files arrive as byte streams, so the same code runs in a browser worker and in Node.
 */
export async function importAgentLogs(sources: readonly LogFileSource[], options: ImportAgentLogsOptions = {}): Promise<AgentLogImport> {
  const warnings: LogIssue[] = []
  const errors: LogIssue[] = []
  const warn = (issue: LogIssue) => warnings.push(issue)
  const labeller = createStepLabeller(options.stepRules ?? null)
  for (const problem of labeller.problems) warn({ path: 'settings.stepRules', line: 0, message: problem })
  const claude = new ClaudeCodeLogs(labeller, warn)
  const codexSessions: CodexSession[] = []
  const files: ImportedLogFile[] = []
  const fileSessions = new Map<ImportedLogFile, () => string[]>()

  // Sorted (by code unit, not locale) so that which copy of a duplicated request wins never
  // depends on the order files were picked in.
  for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const file: ImportedLogFile = { path: source.path, format: null, lines: 0, bytes: 0, runs: [] }
    let reader: LogLineReader | null = null
    try {
      const stats = await forEachLine(source.chunks(), (line, lineNumber, terminated) => {
        if (!reader) {
          file.format = isCodexRollout(source.path, line) ? 'codex' : 'claude-code'
          reader = file.format === 'codex' ? codexReader(file) : claudeReader(file)
        }
        reader.line(line, lineNumber, terminated)
      })
      file.lines = stats.lines
      file.bytes = stats.bytes
      for (const line of stats.oversizedLines) warn({ path: source.path, line, message: `line longer than ${DEFAULT_MAX_LINE_BYTES / 2 ** 20} MiB; skipped` })
    } catch (error) {
      errors.push({ path: source.path, line: 0, message: `cannot read the file: ${(error as Error).message ?? String(error)}` })
    }
    ;(reader as LogLineReader | null)?.finish()
    files.push(file)
  }

  function claudeReader(file: ImportedLogFile): LogLineReader {
    const reader = claude.reader(file.path)
    fileSessions.set(file, () => reader.sessionIds())
    return reader
  }
  function codexReader(file: ImportedLogFile): LogLineReader {
    return codexRolloutReader(file.path, labeller, warn, (session) => {
      codexSessions.push(session)
      fileSessions.set(file, () => [session.track.id])
    })
  }

  const context = {
    pricing: options.pricing ?? bundledPricingTable(),
    attribution: options.attribution ?? false,
    pseudonymSalt: options.pseudonymSalt ?? '',
  }
  const runs: Run[] = []
  const claudeUsage = groupBySession(withoutKnownRequests(claude.usage(), options.knownRequestKeys))
  for (const track of claude.sessions.values()) {
    const run = buildRun(track, claudeUsage.get(track.id) ?? [], context)
    if (run) runs.push(run)
  }
  // One rollout can be in both sessions/ and archived_sessions/: keep the fuller copy.
  const codexById = new Map<string, CodexSession>()
  for (const session of codexSessions) {
    const existing = codexById.get(session.track.id)
    if (!existing || session.usage.length > existing.usage.length) codexById.set(session.track.id, session)
  }
  for (const session of codexById.values()) {
    const run = buildRun(session.track, session.usage, context)
    if (run) runs.push(run)
  }
  runs.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))

  const runIds = new Set(runs.map((run) => run.id))
  for (const [file, sessionIds] of fileSessions) file.runs = [...new Set(sessionIds())].filter((id) => runIds.has(id))

  return {
    runs,
    files,
    warnings,
    errors,
    unpricedModels: [...new Set(runs.flatMap((run) => run.unpricedModels))].sort(),
    batch: runs.length ? runsBatch(runs, files, warnings, options.importedAt ?? new Date().toISOString()) : null,
  }
}

function isCodexRollout(path: string, line: Uint8Array): boolean {
  const name = path.split(/[\\/]/).pop() ?? ''
  return /^rollout-.*\.jsonl$/i.test(name) || hasMarker(line, CODEX_PAYLOAD, 0, Math.min(line.length, FORMAT_HEAD_BYTES))
}

/** Drops requests that a run already in the workspace counted under another session id. */
function withoutKnownRequests(usage: UsageRecord[], known: ReadonlyMap<string, string> | undefined): UsageRecord[] {
  if (!known || known.size === 0) return usage
  return usage.filter((record) => {
    const owner = record.key === null ? undefined : known.get(record.key)
    return owner === undefined || owner === record.sessionId
  })
}

function groupBySession(usage: UsageRecord[]): Map<string, UsageRecord[]> {
  const bySession = new Map<string, UsageRecord[]>()
  for (const record of usage) {
    const list = bySession.get(record.sessionId)
    if (list) list.push(record)
    else bySession.set(record.sessionId, [record])
  }
  return bySession
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
