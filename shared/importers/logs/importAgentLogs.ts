import type { Batch } from '../../batches/batch'
import { pricingFromSettings, type PricingTable } from '../../pricing/pricingTable'
import type { Run } from '../../records/run'
import type { Settings, StepRule } from '../../records/settings'
import { createStepLabeller } from '../../steps/labelStep'
import { AgentLogAssembler } from './agentLogAssembler'
import { readAgentLogFile } from './readAgentLogFile'
import type { AgentTool, LogFileSource, LogIssue } from './types'

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
  /** false for a check that stores nothing (`cli import` without a workspace): no batch is encoded and `batch` is null. */
  encodeBatch?: boolean
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
  batch: Batch | null
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
  const assembler = new AgentLogAssembler(options, labeller)
  for (const source of [...sources].sort(byPath)) assembler.add(await readAgentLogFile(source, labeller))
  return assembler.finish()
}

