import Database from 'better-sqlite3'
import { findLogFiles } from '../../node/agentLogs/discover'
import { fileLogSource } from '../../node/agentLogs/logFileSource'
import { failOnUnreadable } from '../../node/filesInFolder'
import { importAgentLogs } from '../../shared/importers/logs/importAgentLogs'
import type { Run } from '../../shared/records/run'
import { ccusageTotalsByRun, type CcusageTotals } from './ccusage'

/** A session's totals as compared: ccusage's `outputTokens` leaves reasoning out, ours holds it. */
export type Totals = CcusageTotals

/**
 * ccusage's sessions of an OpenCode-family store, each subagent's (a session with a parent_id,
 * which ccusage reports as a session of its own) added to its parent's, as our import folds it.
 */
export function ccusageSessionsFolded(report: { sessions: any[] }, database: string): Map<string, Totals> {
  const db = new Database(database, { readonly: true })
  const parents = new Map((db.prepare('SELECT id, parent_id FROM session WHERE parent_id IS NOT NULL').all() as { id: string; parent_id: string }[]).map((row) => [row.id, row.parent_id]))
  db.close()
  return ccusageTotalsByRun(report.sessions, (session) => parents.get(session.sessionId) ?? session.sessionId)
}

/**
 * What ccusage counts twice in a fork: the messages OpenCode copied (same data, new id) from an
 * older session into the fork, per fork, as ccusage totals them.
 */
export function forkCopiesCounted(database: string): Map<string, Totals> {
  const db = new Database(database, { readonly: true })
  const copies = db
    .prepare(
      `SELECT fork.session_id AS id, fork.data AS data FROM message fork JOIN session forked ON forked.id = fork.session_id
       WHERE EXISTS (SELECT 1 FROM message source JOIN session older ON older.id = source.session_id
                     WHERE source.data = fork.data AND older.time_created < forked.time_created)`,
    )
    .all() as { id: string; data: string }[]
  db.close()
  const totals = new Map<string, Totals>()
  for (const { id, data } of copies) {
    const tokens = JSON.parse(data).tokens
    if (!tokens) continue
    const before = totals.get(id) ?? { input: 0, output: 0, cacheWrite: 0, cacheRead: 0, cost: 0 }
    totals.set(id, { input: before.input + tokens.input, output: before.output + tokens.output, cacheWrite: before.cacheWrite + tokens.cache.write, cacheRead: before.cacheRead + tokens.cache.read, cost: 0 })
  }
  return totals
}

/** Our runs of a data folder, imported as `cli import <folder>` finds its files. */
export async function ourRuns(dataFolder: string): Promise<Run[]> {
  const result = await importAgentLogs(findLogFiles([dataFolder], failOnUnreadable).map(fileLogSource))
  return result.runs
}

/** Our run as ccusage counts it: output without the reasoning OpenCode records apart (and bills as output). */
export function asCcusageCounts(run: Run): Totals {
  const t = run.tokens
  return { input: t.input, output: t.output - t.reasoning, cacheWrite: t.cacheWrite5m + t.cacheWrite1h, cacheRead: t.cacheRead, cost: Number(run.costUSD) }
}
