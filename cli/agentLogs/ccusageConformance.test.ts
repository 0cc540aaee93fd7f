import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importAgentLogs } from '../../shared/importers/logs/importAgentLogs'
import type { Run } from '../../shared/records/run'
import { failOnUnreadable } from '../../node/filesInFolder'
import { findLogFiles } from '../../node/agentLogs/discover'
import { fileLogSource } from '../../node/agentLogs/logFileSource'
import { ccusageAvailable } from '../../test/support/ccusageBinary'
import { ccusageJson } from '../../test/support/ccusage'

/**
 * Conformance with ccusage 20.0.24 (the de-facto reference; installed as a dev dependency):
 * per session, our token totals equal what `ccusage … session --json --offline` reports for the
 * same fixture files. Costs are compared too, except for sessions with a long-context request:
 * we bill such a request whole at the long-context rate (Anthropic's rule), ccusage tiers each
 * token kind on its own.
 *
 * Known grouping difference: ccusage reports an older sibling `agent-<id>.jsonl` as a session
 * of its own; we add it to the session its lines name (`sessionId`), so the test does the same
 * with ccusage's numbers before comparing.
 */
const FIXTURES = join(__dirname, '../../test/fixtures/logs')
const CLAUDE_DIR = join(FIXTURES, 'claude')
const CODEX_DIR = join(FIXTURES, 'codex')
const SESSIONS_WITH_LONG_CONTEXT = new Set(['5a1e0000-0000-4000-8000-000000000002'])
const home = mkdtempSync(join(tmpdir(), 'ccusage-home-'))
afterAll(() => rmSync(home, { recursive: true, force: true }))

function ccusage(...args: string[]): any {
  // An empty HOME keeps ccusage from finding the logs of whoever runs the tests.
  return ccusageJson(args, { HOME: home, CLAUDE_CONFIG_DIR: CLAUDE_DIR, CODEX_HOME: CODEX_DIR })
}

async function ourRuns(): Promise<Map<string, Run>> {
  const result = await importAgentLogs(findLogFiles([CLAUDE_DIR, CODEX_DIR], failOnUnreadable).map(fileLogSource))
  return new Map(result.runs.map((run) => [run.id, run]))
}

type Totals = { input: number; output: number; cacheWrite: number; cacheRead: number; reasoning: number; cost: number }
const add = (a: Totals, b: Totals): Totals => ({
  input: a.input + b.input,
  output: a.output + b.output,
  cacheWrite: a.cacheWrite + b.cacheWrite,
  cacheRead: a.cacheRead + b.cacheRead,
  reasoning: a.reasoning + b.reasoning,
  cost: a.cost + b.cost,
})

function ours(run: Run): Totals {
  const t = run.tokens
  return { input: t.input, output: t.output, cacheWrite: t.cacheWrite5m + t.cacheWrite1h, cacheRead: t.cacheRead, reasoning: t.reasoning, cost: Number(run.costUSD) }
}

// The binary exists for Linux x64 only (see ccusageBinary.ts); CI and this project's machines are.
describe.runIf(ccusageAvailable())('conformance with ccusage session --json --offline', () => {
  it('Claude Code: the same token totals per session', async () => {
    const report = ccusage('claude', 'session')
    const theirs = new Map<string, Totals>()
    for (const session of report.sessions) {
      let id: string = session.sessionId
      if (id.startsWith('agent-')) {
        const firstLine = readFileSync(join(CLAUDE_DIR, 'projects', session.projectPath, `${id}.jsonl`), 'utf8').split('\n')[0]
        id = JSON.parse(firstLine).sessionId
      }
      const totals: Totals = { input: session.inputTokens, output: session.outputTokens, cacheWrite: session.cacheCreationTokens, cacheRead: session.cacheReadTokens, reasoning: 0, cost: session.totalCost }
      theirs.set(id, theirs.has(id) ? add(theirs.get(id)!, totals) : totals)
    }
    const runs = await ourRuns()
    const claudeRuns = [...runs.values()].filter((run) => run.tool === 'claude-code')
    expect(claudeRuns.map((run) => run.id).sort()).toEqual([...theirs.keys()].sort())
    for (const run of claudeRuns) {
      const mine = ours(run)
      const reference = theirs.get(run.id)!
      expect({ id: run.id, ...mine, cost: 0 }).toEqual({ id: run.id, ...reference, cost: 0 })
      if (!SESSIONS_WITH_LONG_CONTEXT.has(run.id)) expect(mine.cost).toBeCloseTo(reference.cost, 9)
      else expect(mine.cost).toBeGreaterThan(reference.cost)
    }
  })

  it('Codex: the same token totals per rollout (input without cached, reasoning within output)', async () => {
    const report = ccusage('codex', 'session')
    const runs = await ourRuns()
    const codexRuns = [...runs.values()].filter((run) => run.tool === 'codex')
    expect(report.sessions).toHaveLength(codexRuns.length)
    for (const session of report.sessions) {
      const id = /([0-9a-f-]{36})$/.exec(session.sessionId)![1]
      const run = runs.get(id)
      expect(run, id).toBeDefined()
      const reference: Totals = { input: session.inputTokens, output: session.outputTokens, cacheWrite: session.cacheCreationTokens, cacheRead: session.cacheReadTokens, reasoning: session.reasoningOutputTokens, cost: session.costUSD }
      const mine = ours(run!)
      expect({ id, ...mine, cost: 0 }).toEqual({ id, ...reference, cost: 0 })
      expect(mine.cost).toBeCloseTo(reference.cost, 9)
    }
  })
})
