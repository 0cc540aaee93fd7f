import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importAgentLogs } from '../../../shared/importers/logs/importAgentLogs'
import { failOnUnreadable } from '../../../node/filesInFolder'
import { findLogFiles } from '../../../node/agentLogs/discover'
import { fileLogSource } from '../../../node/agentLogs/logFileSource'
import { ccusageAvailable } from '../../../test/support/ccusageBinary'
import { ccusageJson } from '../../../test/support/ccusage'

/**
 * Conformance with `ccusage droid session --json --offline` (20.0.24) on the Droid fixture
 * (`sessions/`, as DROID_SESSIONS_DIR). Both read each session's running totals from its
 * `.settings.json`, the newest snapshot when a copy is kept elsewhere. The differences, made
 * explicit here:
 * - Thinking tokens are output tokens: ccusage keeps them out of `outputTokens` (its total has them).
 * - A subagent's session (`callingSessionId` in its transcript) is a session of its own to ccusage;
 *   we add it to the run of the session that called it.
 * - ccusage prices a session's totals with the long-context tier of each token kind past 200k;
 *   a session's total is many requests, none of which is known to pass it, so we price it flat.
 */
const SESSIONS_DIR = join(__dirname, '../../../test/fixtures/logs/droid/sessions')
const home = mkdtempSync(join(tmpdir(), 'ccusage-home-'))
afterAll(() => rmSync(home, { recursive: true, force: true }))

/** Each transcript's calling session, by session id. */
function callers(): Map<string, string> {
  const found = new Map<string, string>()
  for (const path of findLogFiles([SESSIONS_DIR], failOnUnreadable).filter((file) => file.endsWith('.jsonl'))) {
    const start = JSON.parse(readFileSync(path, 'utf8').split('\n')[0])
    if (start.callingSessionId) found.set(start.id, start.callingSessionId)
  }
  return found
}

describe.runIf(ccusageAvailable())('Factory Droid: conformance with ccusage droid session', () => {
  it('the same tokens per session (subagents’ sessions in their caller’s), and costs where neither tiers', async () => {
    const report = ccusageJson(['droid', 'session'], { HOME: home, DROID_SESSIONS_DIR: SESSIONS_DIR })
    const theirs = new Map<string, { input: number; output: number; cacheRead: number; cacheWrite: number }>()
    const calledBy = callers()
    for (const session of report.sessions) {
      const id = calledBy.get(session.sessionId) ?? session.sessionId
      const output = session.totalTokens - session.inputTokens - session.cacheReadTokens - session.cacheCreationTokens
      const into = theirs.get(id) ?? { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }
      theirs.set(id, { input: into.input + session.inputTokens, output: into.output + output, cacheRead: into.cacheRead + session.cacheReadTokens, cacheWrite: into.cacheWrite + session.cacheCreationTokens })
    }
    expect(calledBy.size).toBeGreaterThan(0)

    const { runs } = await importAgentLogs(findLogFiles([SESSIONS_DIR], failOnUnreadable).map(fileLogSource))
    expect(runs.map((run) => run.id).sort()).toEqual([...theirs.keys()].sort())
    for (const run of runs) {
      const mine = { input: run.tokens.input, output: run.tokens.output, cacheRead: run.tokens.cacheRead, cacheWrite: run.tokens.cacheWrite5m + run.tokens.cacheWrite1h }
      expect({ id: run.id, ...mine }).toEqual({ id: run.id, ...theirs.get(run.id) })
    }

    // Per model: equal where no token kind of the session passes 200k, lower (flat) where one does.
    const compared: string[] = []
    for (const session of report.sessions) {
      const run = runs.find((candidate) => candidate.id === (calledBy.get(session.sessionId) ?? session.sessionId))!
      const tiered = [session.inputTokens, session.outputTokens, session.cacheReadTokens, session.cacheCreationTokens].some((count) => count > 200_000)
      for (const entry of session.modelBreakdowns) {
        const mine = run.byModel.find((model) => model.model.replace(/\./g, '-') === entry.modelName)
        if (!mine?.priced || entry.missingPricing) continue
        if (tiered) expect(Number(mine.costUSD)).toBeLessThan(entry.cost)
        else expect(Number(mine.costUSD)).toBeCloseTo(entry.cost, 9)
        compared.push(`${entry.modelName}${tiered ? ' (tiered)' : ''}`)
      }
    }
    expect(compared.sort()).toEqual(['claude-sonnet-4-5-20250929 (tiered)', 'gpt-5-codex'])
  })
})
