import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findLogFiles } from '../../../node/agentLogs/discover'
import { fileLogSource } from '../../../node/agentLogs/logFileSource'
import { failOnUnreadable } from '../../../node/filesInFolder'
import { importAgentLogs } from '../../../shared/importers/logs/importAgentLogs'
import type { Run } from '../../../shared/records/run'
import { ccusageJson } from '../../../test/support/ccusage'
import { ccusageAvailable } from '../../../test/support/ccusageBinary'

/**
 * Conformance with `ccusage gemini session` (20.0.24) on the Gemini CLI fixture.
 *
 * Known differences, each accounted for here:
 * - A subagent's recording (`chats/<parent session id>/<id>.jsonl`) is a session of its own for
 *   ccusage; we fold it into its parent's run, so the test adds ccusage's numbers to the parent.
 * - When Gemini CLI resumes a session saved in the older `.json` form, it copies it into a
 *   `.jsonl` of the same name and leaves the `.json`: ccusage counts the copied messages twice,
 *   we count each message id once. The reference is ccusage on a copy of the store without
 *   such `.json` files (their messages are all in the `.jsonl`).
 * - ccusage's output excludes thinking tokens (it prices them as output all the same); ours
 *   includes them, so output is compared without them and costs are equal.
 */
const STORE = join(__dirname, '../../../test/fixtures/logs/gemini')
const home = mkdtempSync(join(tmpdir(), 'ccusage-gemini-'))
afterAll(() => rmSync(home, { recursive: true, force: true }))

type Totals = { input: number; output: number; cacheRead: number; cost: number }

/** The store without the `.json` sessions a `.jsonl` of the same name has copied. */
function storeWithoutCopiedJson(): string {
  const copy = join(home, 'store')
  cpSync(STORE, copy, { recursive: true, filter: (path) => !(path.endsWith('.json') && existsSync(`${path}l`)) })
  return copy
}

/** The parent session of a subagent recording, from the folder it lies in. */
function parentOf(store: string, sessionId: string): string | null {
  const file = findLogFiles([store], failOnUnreadable).find((path) => readFileSync(path, 'utf8').startsWith(`{"sessionId":"${sessionId}"`))
  return file && basename(dirname(dirname(file))) === 'chats' ? basename(dirname(file)) : null
}

function ccusageTotals(store: string): Map<string, Totals> {
  const report = ccusageJson(['gemini', 'session'], { HOME: home, GEMINI_DATA_DIR: join(store, 'tmp') })
  const totals = new Map<string, Totals>()
  for (const session of report.sessions) {
    const id = parentOf(store, session.sessionId) ?? session.sessionId
    const before = totals.get(id) ?? { input: 0, output: 0, cacheRead: 0, cost: 0 }
    totals.set(id, { input: before.input + session.inputTokens, output: before.output + session.outputTokens, cacheRead: before.cacheRead + session.cacheReadTokens, cost: before.cost + session.totalCost })
  }
  return totals
}

async function ourRuns(): Promise<Run[]> {
  const result = await importAgentLogs(findLogFiles([STORE], failOnUnreadable).map(fileLogSource))
  return result.runs.filter((run) => run.tool === 'gemini-cli')
}

describe.runIf(ccusageAvailable())('conformance with ccusage gemini session --json --offline', () => {
  it('the same tokens and cost per session, subagents in their parent, each copied message once', async () => {
    const store = storeWithoutCopiedJson()
    const theirs = ccusageTotals(store)
    const runs = await ourRuns()
    expect(runs.map((run) => run.id).sort()).toEqual([...theirs.keys()].sort())
    for (const run of runs) {
      const mine: Totals = { input: run.tokens.input, output: run.tokens.output - run.tokens.reasoning, cacheRead: run.tokens.cacheRead, cost: Number(run.costUSD) }
      const reference = theirs.get(run.id)!
      expect({ id: run.id, ...mine, cost: 0 }).toEqual({ id: run.id, ...reference, cost: 0 })
      expect(mine.cost).toBeCloseTo(reference.cost, 9)
      expect(run.tokens.cacheWrite5m + run.tokens.cacheWrite1h).toBe(0)
    }
  })

  it('ccusage on the store itself counts the messages of a resumed older session twice', async () => {
    const direct = ccusageTotals(STORE)
    const copied = ccusageTotals(storeWithoutCopiedJson())
    const doubled = [...direct.keys()].filter((id) => direct.get(id)!.input !== copied.get(id)!.input)
    expect(doubled).toEqual(['5d1c9e7a-2b3c-4d5e-8f9a-0b1c2d3e4f50'])
    const runs = await ourRuns()
    expect(runs.find((run) => run.id === doubled[0])!.tokens.input).toBe(copied.get(doubled[0])!.input)
  })
})
