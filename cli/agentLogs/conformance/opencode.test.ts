import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ccusageJson } from '../../../test/support/ccusage'
import { fixtureHome } from '../../../test/support/sqliteFixture'
import { ccusageAvailable } from '../../../test/support/ccusageBinary'
import { asCcusageCounts, ccusageSessionsFolded, forkCopiesCounted, ourRuns } from '../../../test/support/openCodeFamilyConformance'

/**
 * Conformance with `ccusage opencode session` (20.0.24) on the OpenCode fixture: opencode.db
 * (built from opencode.db.sql) and the older storage/ JSON files, one session in both.
 *
 * Known differences, made explicit here:
 * - ccusage lists a subagent's session (parent_id) on its own; we fold it into its parent's run,
 *   so the test adds ccusage's child totals to the parent's.
 * - OpenCode records reasoning tokens apart from `output` and bills them as output; ccusage
 *   leaves them out. Our output minus our reasoning equals ccusage's output, and a session with
 *   reasoning costs more in ours.
 * - ccusage takes a message's recorded `cost` when it is above 0; we price every request from
 *   the price table, so such a session's cost is not compared.
 * - A fork (/fork) holds copies of its source's messages under new ids: ccusage counts them
 *   again, we count them in the source only. The test takes the copies out of ccusage's totals
 *   for the fork (the fork's own request still counts), and compares its cost no further.
 * - ccusage does not read OpenCode's first layout and message shape (storage/session/message/,
 *   usage under metadata.assistant): that session is ours only.
 */
const FIXTURE = join(__dirname, '../../../test/fixtures/logs/opencode')
const DATA = '.local/share/opencode'
const WITH_REASONING = new Set(['ses_4e88a0c3bffeMigratedJson01', 'ses_3d77b1e2affeOlderJsonOnly1'])
const WITH_RECORDED_COST = new Set(['ses_3d77b1e2affeOlderJsonOnly1'])
const FIRST_SHAPE = 'ses_2a0f9e8d7ffeFirstShapeV01a'
const FORK = 'ses_5a40e7f1cffeForkOfRetryFix1'

describe.runIf(ccusageAvailable())('OpenCode: conformance with ccusage opencode session --json --offline', () => {
  it('has the same token totals per session, subagents folded into their parents', async () => {
    const home = fixtureHome(FIXTURE, { 'opencode.db.sql': `${DATA}/opencode.db` })
    const database = join(home, DATA, 'opencode.db')
    const theirs = ccusageSessionsFolded(ccusageJson(['opencode', 'session'], { HOME: home }), database)
    const copies = forkCopiesCounted(database)
    expect([...copies.keys()]).toEqual([FORK])
    const fork = theirs.get(FORK)!
    const copied = copies.get(FORK)!
    theirs.set(FORK, { input: fork.input - copied.input, output: fork.output - copied.output, cacheWrite: fork.cacheWrite - copied.cacheWrite, cacheRead: fork.cacheRead - copied.cacheRead, cost: fork.cost })
    const all = await ourRuns(join(home, DATA))
    expect(all.find((run) => run.id === FIRST_SHAPE)?.tokens).toMatchObject({ input: 4300, output: 880, cacheRead: 21000, cacheWrite5m: 6100 })
    const runs = all.filter((run) => run.id !== FIRST_SHAPE)
    expect(runs.map((run) => run.id).sort()).toEqual([...theirs.keys()].sort())
    for (const run of runs) {
      const mine = asCcusageCounts(run)
      const reference = theirs.get(run.id)!
      expect({ id: run.id, ...mine, cost: 0 }).toEqual({ id: run.id, ...reference, cost: 0 })
      expect(run.tokens.reasoning > 0).toBe(WITH_REASONING.has(run.id))
      if (WITH_RECORDED_COST.has(run.id) || run.id === FORK) continue
      if (WITH_REASONING.has(run.id)) expect(mine.cost).toBeGreaterThan(reference.cost)
      else expect(mine.cost).toBeCloseTo(reference.cost, 9)
    }
  })

  it('finds the store through OPENCODE_DATA_DIR as ccusage does', async () => {
    const home = fixtureHome(FIXTURE, { 'opencode.db.sql': `${DATA}/opencode.db` })
    const report = ccusageJson(['opencode', 'session'], { HOME: join(home, 'elsewhere'), OPENCODE_DATA_DIR: join(home, DATA) })
    expect(report.sessions.length).toBeGreaterThan(0)
    const runs = (await ourRuns(join(home, DATA))).filter((run) => run.id !== FIRST_SHAPE)
    expect(new Set(runs.map((run) => run.id))).toEqual(new Set(ccusageSessionsFolded(report, join(home, DATA, 'opencode.db')).keys()))
  })
})
