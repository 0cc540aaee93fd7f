import * as Y from 'yjs'
import { makeInput, makePortfolio, makeRun, rule } from './analysisFixtures'
import type { AnalysisInput } from '../../shared/analysis/input'
import { Governance } from '../../shared/workspace/governance'
import { changePortfolio } from '../../shared/workspace/portfolioHistory'

/**
 * The worked example of definitions over time, as of 15 November 2026 (Q4): "web" held the runs
 * of acme/web with a 150 USD envelope through Q3; on 20 October someone widened it to every acme
 * repo with 260 USD. Runs: w3 (acme/web, July, 10 USD), a3 (acme/api, July, 30 USD), w4 and a4
 * the same in October. `effectiveFrom` is the period the change was said to take effect from.
 */
export function widenedRuleExample(effectiveFrom: string | null): { governance: Governance; input: AnalysisInput } {
  const governance = new Governance(new Y.Doc())
  governance.portfolios.put(
    makePortfolio({ id: 'web', name: 'Refactor + tests', envelope: { amount: '150', currency: 'USD', period: 'quarter', rollover: false }, rules: [rule('web', 'runs', [{ field: 'repo', values: ['acme/web'] }])] }),
  )
  changePortfolio(
    governance,
    'web',
    { rules: [rule('web', 'runs', [{ field: 'repo', values: ['acme/*'] }])], envelope: { amount: '260', currency: 'USD', period: 'quarter', rollover: false } },
    { by: 'p-alpha', at: '2026-10-20T09:00:00.000Z', effectiveFrom },
  )
  const input = makeInput({
    asOf: '2026-11-15',
    portfolios: governance.portfolios.list().records,
    portfolioChanges: governance.portfolioChanges.list().records,
    runs: [
      makeRun({ id: 'w3', repo: 'acme/web', costUSD: '10', start: '2026-07-06T10:00:00.000Z' }),
      makeRun({ id: 'a3', repo: 'acme/api', costUSD: '30', start: '2026-07-07T10:00:00.000Z' }),
      makeRun({ id: 'w4', repo: 'acme/web', costUSD: '10', start: '2026-10-06T10:00:00.000Z' }),
      makeRun({ id: 'a4', repo: 'acme/api', costUSD: '30', start: '2026-10-07T10:00:00.000Z' }),
    ],
  })
  return { governance, input }
}
