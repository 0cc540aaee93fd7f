import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ccusageJson } from '../../../test/support/ccusage'
import { fixtureHome } from '../../../test/support/sqliteFixture'
import { ccusageAvailable } from '../../../test/support/ccusageBinary'
import { asCcusageCounts, ccusageSessionsFolded, ourRuns } from '../../../test/support/openCodeFamilyConformance'

/**
 * Conformance with `ccusage kilo session` (20.0.24) on the Kilo CLI fixture (kilo.db, built
 * from kilo.db.sql). As for OpenCode, whose store Kilo's is: a subagent's session is folded
 * into its parent's (the test adds ccusage's child totals to the parent's), and reasoning,
 * recorded apart from output, is in our output and not in ccusage's. Costs are not compared:
 * ccusage takes the cost Kilo recorded on each message (even 0); we price from the price table.
 */
const FIXTURE = join(__dirname, '../../../test/fixtures/logs/kilo')
const DATA = '.local/share/kilo'

describe.runIf(ccusageAvailable())('Kilo CLI: conformance with ccusage kilo session --json --offline', () => {
  it('has the same token totals per session, subagents folded into their parents', async () => {
    const home = fixtureHome(FIXTURE, { 'kilo.db.sql': `${DATA}/kilo.db` })
    const theirs = ccusageSessionsFolded(ccusageJson(['kilo', 'session'], { HOME: home }), join(home, DATA, 'kilo.db'))
    const runs = await ourRuns(join(home, DATA))
    expect(runs.map((run) => run.id).sort()).toEqual([...theirs.keys()].sort())
    for (const run of runs) {
      expect(run.tool).toBe('kilo')
      expect({ id: run.id, ...asCcusageCounts(run), cost: 0 }).toEqual({ id: run.id, ...theirs.get(run.id)!, cost: 0 })
    }
    expect(runs.some((run) => run.tokens.reasoning > 0)).toBe(true)
  })
})
