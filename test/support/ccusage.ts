import { spawnSync } from 'node:child_process'
import { ccusageBinary } from './ccusageBinary'

/**
 * `ccusage ARGS --json --offline` (20.0.24, the conformance reference), parsed. Only PATH and
 * `env` reach it: give it an empty HOME (tempDirs) plus the variables that point it at the
 * fixture store, so it never reads the logs of whoever runs the tests.
 */
export function ccusageJson(args: readonly string[], env: Record<string, string>): any {
  const result = spawnSync(ccusageBinary(), [...args, '--json', '--offline'], {
    env: { PATH: process.env.PATH, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  if (result.status !== 0) throw new Error(`ccusage ${args.join(' ')} failed: ${result.stderr}`)
  return JSON.parse(result.stdout)
}

/** A session's counts as ccusage reports them (cache writes of both TTLs together). */
export type CcusageTotals = { input: number; output: number; cacheWrite: number; cacheRead: number; cost: number }

/**
 * ccusage's sessions summed per run: `runOf` names the run a reported session belongs to,
 * where ccusage lists apart what a run holds together (a subagent's session, one process of
 * a resumed session).
 */
export function ccusageTotalsByRun(sessions: readonly any[], runOf: (session: any) => string): Map<string, CcusageTotals> {
  const totals = new Map<string, CcusageTotals>()
  for (const session of sessions) {
    const id = runOf(session)
    const before = totals.get(id) ?? { input: 0, output: 0, cacheWrite: 0, cacheRead: 0, cost: 0 }
    totals.set(id, {
      input: before.input + session.inputTokens,
      output: before.output + session.outputTokens,
      cacheWrite: before.cacheWrite + session.cacheCreationTokens,
      cacheRead: before.cacheRead + session.cacheReadTokens,
      cost: before.cost + session.totalCost,
    })
  }
  return totals
}
