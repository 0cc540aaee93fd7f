import { makeCharge, makeInput, makePortfolio, makeRun, rule } from './analysisFixtures'
import type { AnalysisInput } from '../../shared/analysis/input'

/**
 * The worked example behind the report and CLI tests, as of 15 August 2026 (Q3, day 46 of 92):
 *   anthropic, July: 100 USD billed without workflow dimension; runs i1 30 (incidents), w1 10 (web),
 *     u1 10 (no rule) → allocated 60 / 20 / 20.
 *   openai, August: run w2 5 USD (web), no billing imported → counted at its log estimate.
 */
export function reportExample(): AnalysisInput {
  return makeInput({
    asOf: '2026-08-15',
    portfolios: [
      makePortfolio({
        id: 'incidents',
        name: 'Incident triage',
        outcomeTags: ['MTTR'],
        expectedHighCostUSD: '10',
        envelope: { amount: '3000', currency: 'USD', period: 'quarter', rollover: false },
        rules: [rule('triage', 'runs', [{ field: 'repo', values: ['acme/*'] }, { field: 'sequence', values: ['logs', 'edit', 'test'] }])],
      }),
      makePortfolio({ id: 'web', name: 'Refactor + tests', owningTeam: 'Jane Doe', outcomeTags: ['rework'], rules: [rule('web', 'runs', [{ field: 'repo', values: ['acme/*'] }])] }),
      makePortfolio({ id: 'general', name: 'General help', outcomeTags: [] }),
    ],
    runs: [
      makeRun({ id: 'i1', repo: 'acme/api', costUSD: '30', steps: ['logs', 'edit', 'test'], start: '2026-07-06T10:00:00.000Z', actor: 'x' }),
      makeRun({ id: 'w1', repo: 'acme/web', costUSD: '10', steps: ['edit', 'test'], start: '2026-07-07T10:00:00.000Z', actor: 'y' }),
      makeRun({ id: 'u1', repo: 'globex/app', costUSD: '10', start: '2026-07-08T10:00:00.000Z' }),
      makeRun({ id: 'w2', repo: 'acme/web', provider: 'openai', tool: 'codex', costUSD: '5', start: '2026-08-03T10:00:00.000Z', actor: 'y' }),
    ],
    charges: [makeCharge({ identity: 'july', cost: '100', start: '2026-07-01T00:00:00.000Z', granularity: 'month' })],
    annotatedRunIds: new Set(['i1']),
  })
}
