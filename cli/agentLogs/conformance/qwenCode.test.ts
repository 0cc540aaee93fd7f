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
 * Conformance with `ccusage qwen session --json --offline` (20.0.24) on the Qwen Code fixture.
 * Where ccusage's reading differs from what the format means, the test turns ccusage's numbers
 * into ours explicitly before comparing:
 * - Qwen Code writes Gemini's usage metadata, whose `promptTokenCount` includes the cached part
 *   (`cachedContentTokenCount`); ccusage counts the cached tokens twice (as input and as cache
 *   reads), we count them once, as cache reads.
 * - Thoughts are output tokens: ccusage keeps them out of `outputTokens` (its total has them).
 * - A `/branch` copies the records of the session it branches from (marked `forkedFrom`); ccusage
 *   counts them again in the branch, we count them in the session they were made in.
 * - A sub-session (its `parent_session` record) is a session of its own to ccusage; we add it to
 *   the run of the session that spawned it.
 */
const QWEN_DIR = join(__dirname, '../../../test/fixtures/logs/qwen-code')
const home = mkdtempSync(join(tmpdir(), 'ccusage-home-'))
afterAll(() => rmSync(home, { recursive: true, force: true }))

interface Totals {
  input: number
  output: number
  cacheRead: number
  cacheWrite: number
}

/** Each chat file's records, by the session id its records carry. */
function chatRecords(): Map<string, any[]> {
  const records = new Map<string, any[]>()
  for (const path of findLogFiles([QWEN_DIR], failOnUnreadable)) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      let record: any
      try {
        record = JSON.parse(line)
      } catch {
        continue
      }
      records.set(record.sessionId, [...(records.get(record.sessionId) ?? []), record])
    }
  }
  return records
}

/** ccusage's reading of one record's usage (input with its cached part, thoughts apart). */
function ccusageReading(usage: any): Totals & { thoughts: number } {
  return { input: usage.promptTokenCount ?? 0, output: usage.candidatesTokenCount ?? 0, cacheRead: usage.cachedContentTokenCount ?? 0, cacheWrite: 0, thoughts: usage.thoughtsTokenCount ?? 0 }
}

describe.runIf(ccusageAvailable())('Qwen Code: conformance with ccusage qwen session', () => {
  it('the same tokens per session, once ccusage’s double-counted cache, branch copies and sub-sessions are accounted for', async () => {
    const report = ccusageJson(['qwen', 'session'], { HOME: home, QWEN_DATA_DIR: QWEN_DIR })
    const records = chatRecords()
    const theirs = new Map<string, Totals>()
    for (const session of report.sessions) {
      // Thoughts and a total above the parts: in ccusage's total, outside its output.
      const output = session.totalTokens - session.inputTokens - session.cacheReadTokens - session.cacheCreationTokens
      const totals = { input: session.inputTokens, output, cacheRead: session.cacheReadTokens, cacheWrite: session.cacheCreationTokens }
      for (const copy of (records.get(session.sessionId) ?? []).filter((record) => record.forkedFrom && record.type === 'assistant' && record.usageMetadata)) {
        const counted = ccusageReading(copy.usageMetadata)
        totals.input -= counted.input
        totals.output -= counted.output + counted.thoughts
        totals.cacheRead -= counted.cacheRead
      }
      totals.input -= totals.cacheRead
      theirs.set(session.sessionId, totals)
    }
    for (const [id, sessionRecords] of records) {
      const parent = sessionRecords.find((record) => record.subtype === 'parent_session')?.systemPayload.parentSessionId
      if (!parent || !theirs.has(id)) continue
      const child = theirs.get(id)!
      const into = theirs.get(parent)!
      theirs.set(parent, { input: into.input + child.input, output: into.output + child.output, cacheRead: into.cacheRead + child.cacheRead, cacheWrite: into.cacheWrite + child.cacheWrite })
      theirs.delete(id)
    }

    const { runs } = await importAgentLogs(findLogFiles([QWEN_DIR], failOnUnreadable).map(fileLogSource))
    expect(runs.map((run) => run.id).sort()).toEqual([...theirs.keys()].sort())
    for (const run of runs) {
      const mine = { input: run.tokens.input, output: run.tokens.output, cacheRead: run.tokens.cacheRead, cacheWrite: run.tokens.cacheWrite5m + run.tokens.cacheWrite1h }
      expect({ id: run.id, ...mine }).toEqual({ id: run.id, ...theirs.get(run.id) })
    }

    // Costs agree where nothing above had to be adjusted and both price the model: the gpt-5 session and its sub-session.
    const costOf = (id: string, model: string) => report.sessions.find((session: any) => session.sessionId === id).modelBreakdowns.find((entry: any) => entry.modelName === model).cost
    const web = runs.find((run) => run.id === '6f1c0000-0000-4000-8000-000000000002')!
    expect(Number(web.byModel.find((entry) => entry.model === 'gpt-5')!.costUSD)).toBeCloseTo(costOf(web.id, 'gpt-5') + costOf('6f1c0000-0000-4000-8000-000000000004', 'gpt-5'), 9)
  })
})
