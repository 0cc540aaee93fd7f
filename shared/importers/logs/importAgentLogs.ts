import { createBatch } from '../batch'
import { sumDecimalStrings } from '../../money/decimal'
import { bundledPricingTable, pricingFromSettings, type PricingTable } from '../../pricing/pricingTable'
import type { BatchMeta } from '../../records/batch'
import type { Run } from '../../records/run'
import type { Settings, StepRule } from '../../records/settings'
import { createStepLabeller } from '../../steps/labelStep'
import { buildRun } from './buildRun'
import { ClaudeCodeLogs } from './claudeCode/claudeCodeLogs'
import { codexSessionTrack, type CodexRollout } from './codex/codexRollout'
import { readAgentLogFile, type AgentLogFile } from './readAgentLogFile'
import type { AgentTool, LogFileSource, LogIssue } from './types'
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

/** Path order by code unit (not locale): which copy of a duplicated request wins never depends on the order files were picked in. */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0
}

/**
 * Imports Claude Code transcripts and Codex rollouts into runs: one per session, with
 * deduplicated token counts (as ccusage counts them), exact costs, and step sequences.
 * Pure: files arrive as byte streams, so the same code runs in a browser worker and in Node
 * (where cli/agentLogs/importAgentLogFiles.ts reads big imports on several threads).
 */
export async function importAgentLogs(sources: readonly LogFileSource[], options: ImportAgentLogsOptions = {}): Promise<AgentLogImport> {
  const labeller = createStepLabeller(options.stepRules ?? null)
  const files: AgentLogFile[] = []
  for (const source of [...sources].sort(byPath)) files.push(await readAgentLogFile(source, labeller))
  return assembleAgentLogs(files, options)
}

/** Runs from files read by readAgentLogFile, on any thread and in any order. */
export function assembleAgentLogs(read: readonly AgentLogFile[], options: ImportAgentLogsOptions = {}): AgentLogImport {
  const warnings: LogIssue[] = []
  const errors: LogIssue[] = []
  for (const problem of createStepLabeller(options.stepRules ?? null).problems) warnings.push({ path: 'settings.stepRules', line: 0, message: problem })
  const claude = new ClaudeCodeLogs()
  const codexRollouts: CodexRollout[] = []
  const files: ImportedLogFile[] = []
  const fileSessions = new Map<ImportedLogFile, string[]>()
  for (const logFile of [...read].sort(byPath)) {
    const file: ImportedLogFile = { path: logFile.path, format: logFile.format, lines: logFile.lines, bytes: logFile.bytes, runs: [] }
    warnings.push(...logFile.warnings)
    if (logFile.error) errors.push({ path: logFile.path, line: 0, message: logFile.error })
    if (logFile.claude) {
      claude.add(logFile.claude)
      fileSessions.set(file, logFile.claude.sessionId === null ? [] : [logFile.claude.sessionId])
    }
    if (logFile.codex) {
      codexRollouts.push(logFile.codex)
      fileSessions.set(file, [logFile.codex.id])
    }
    files.push(file)
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
  const codexById = new Map<string, CodexRollout>()
  for (const rollout of codexRollouts) {
    const existing = codexById.get(rollout.id)
    if (!existing || rollout.usage.length > existing.usage.length) codexById.set(rollout.id, rollout)
  }
  for (const rollout of codexById.values()) {
    const run = buildRun(codexSessionTrack(rollout), rollout.usage, context)
    if (run) runs.push(run)
  }
  runs.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))

  const runIds = new Set(runs.map((run) => run.id))
  for (const [file, sessionIds] of fileSessions) file.runs = [...new Set(sessionIds)].filter((id) => runIds.has(id))

  return {
    runs,
    files,
    warnings,
    errors,
    unpricedModels: [...new Set(runs.flatMap((run) => run.unpricedModels))].sort(),
    batch: runs.length ? runsBatch(runs, files, warnings, options.importedAt ?? new Date().toISOString()) : null,
  }
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
