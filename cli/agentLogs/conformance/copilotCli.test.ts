import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findLogFiles } from '../../../node/agentLogs/discover'
import { fileLogSource } from '../../../node/agentLogs/logFileSource'
import { failOnUnreadable } from '../../../node/filesInFolder'
import { importAgentLogs } from '../../../shared/importers/logs/importAgentLogs'
import type { Run } from '../../../shared/records/run'
import { ccusageJson, ccusageTotalsByRun, type CcusageTotals } from '../../../test/support/ccusage'
import { ccusageAvailable } from '../../../test/support/ccusageBinary'

/**
 * Conformance with `ccusage copilot session` (20.0.24) on the Copilot CLI fixture.
 *
 * Known difference: ccusage reads the `session.shutdown` events of one session as cumulative
 * snapshots and counts only what grows from one to the next, so a resumed session's later
 * processes, which report their own smaller totals, add nothing. Each shutdown reports one
 * process (per-request usage is never written to disk, so a resumed process cannot carry the
 * earlier ones' totals): we add them up. The test asks ccusage about each process on its own
 * (one shutdown per copy of the session) and compares the sum, and checks that ccusage's own
 * reading is lower exactly for the resumed session.
 *
 * Copilot reports a Gemini model's thinking apart from its output; it is billed as output, so
 * our output includes it and ccusage's does not: compared without it, and our cost is higher.
 */
const STORE = join(__dirname, '../../../test/fixtures/logs/copilot')
const home = mkdtempSync(join(tmpdir(), 'ccusage-copilot-'))
afterAll(() => rmSync(home, { recursive: true, force: true }))

type Totals = CcusageTotals

/** ccusage's sessions of a Copilot home, one per process (`<id>~<n>`), summed per session. */
function ccusageTotals(copilotHome: string): Map<string, Totals> {
  const report = ccusageJson(['copilot', 'session'], { HOME: home, COPILOT_HOME: copilotHome })
  return ccusageTotalsByRun(report.sessions, (session) => String(session.sessionId).split('~')[0])
}

/** The fixture's events as parsed objects (the malformed line left out), per session folder. */
function fixtureEvents(): Map<string, any[]> {
  const sessions = new Map<string, any[]>()
  for (const id of readdirSync(join(STORE, 'session-state'))) {
    const lines = readFileSync(join(STORE, 'session-state', id, 'events.jsonl'), 'utf8').split('\n')
    sessions.set(
      id,
      lines.flatMap((line) => {
        try {
          return [JSON.parse(line)]
        } catch {
          return []
        }
      }),
    )
  }
  return sessions
}

/** A copy of the store with one session folder per distinct shutdown event: `<id>~<n>`. */
function storeOfProcesses(): string {
  const copy = join(home, 'per-process')
  for (const [id, events] of fixtureEvents()) {
    const shutdowns = new Map(events.filter((event) => event.type === 'session.shutdown').map((event) => [event.id, event]))
    ;[...shutdowns.values()].forEach((shutdown, n) => {
      mkdirSync(join(copy, 'session-state', `${id}~${n}`), { recursive: true })
      writeFileSync(join(copy, 'session-state', `${id}~${n}`, 'events.jsonl'), `${JSON.stringify(shutdown)}\n`)
    })
  }
  return copy
}

/** Thinking tokens of Gemini models, which our output includes and ccusage's does not. */
function geminiThinking(events: any[]): number {
  const shutdowns = new Map(events.filter((event) => event.type === 'session.shutdown').map((event) => [event.id, event]))
  let thinking = 0
  for (const shutdown of shutdowns.values())
    for (const [model, metric] of Object.entries<any>(shutdown.data.modelMetrics)) if (model.startsWith('gemini-')) thinking += metric.usage.reasoningTokens ?? 0
  return thinking
}

async function ourRuns(): Promise<Run[]> {
  const result = await importAgentLogs(findLogFiles([STORE], failOnUnreadable).map(fileLogSource))
  return result.runs.filter((run) => run.tool === 'copilot-cli')
}

const ours = (run: Run, thinking: number): Totals => ({
  input: run.tokens.input,
  output: run.tokens.output - thinking,
  cacheWrite: run.tokens.cacheWrite5m + run.tokens.cacheWrite1h,
  cacheRead: run.tokens.cacheRead,
  cost: Number(run.costUSD),
})

describe.runIf(ccusageAvailable())('conformance with ccusage copilot session --json --offline', () => {
  it('the same token totals per session as ccusage gives for each of its processes, summed', async () => {
    const events = fixtureEvents()
    const theirs = ccusageTotals(storeOfProcesses())
    const runs = await ourRuns()
    expect(runs.map((run) => run.id).sort()).toEqual([...theirs.keys()].sort())
    for (const run of runs) {
      const thinking = geminiThinking(events.get(run.id)!)
      const mine = ours(run, thinking)
      const reference = theirs.get(run.id)!
      expect({ id: run.id, ...mine, cost: 0 }).toEqual({ id: run.id, ...reference, cost: 0 })
      if (thinking === 0) expect(mine.cost).toBeCloseTo(reference.cost, 9)
      else expect(mine.cost).toBeGreaterThan(reference.cost)
    }
  })

  it('ccusage on the store itself: the same for sessions of one process, less for a resumed one', async () => {
    const events = fixtureEvents()
    const direct = ccusageTotals(STORE)
    const runs = await ourRuns()
    const resumed = runs.filter((run) => events.get(run.id)!.some((event) => event.type === 'session.resume'))
    expect(resumed).toHaveLength(1)
    for (const run of runs) {
      const mine = ours(run, geminiThinking(events.get(run.id)!))
      const reference = direct.get(run.id)!
      if (resumed.includes(run)) expect(mine.input + mine.cacheRead).toBeGreaterThan(reference.input + reference.cacheRead)
      else expect({ ...mine, cost: 0 }).toEqual({ ...reference, cost: 0 })
    }
  })
})
