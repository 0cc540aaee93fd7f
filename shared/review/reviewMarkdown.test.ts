import { describe, expect, it } from 'vitest'
import type { Review } from '../records/review'
import { highCostQueue } from './highCostQueue'
import { reviewCoverage } from './reviewCoverage'
import { reviewMarkdown } from './reviewMarkdown'
import { startReview } from './reviewReducer'

const closedReview: Review = {
  ...startReview({ id: 'rv-q3', period: '2026-Q3', facilitator: 'ana', at: '2026-10-05T09:00:00.000Z' }),
  stage: 'summary',
  status: 'closed',
  closedAt: '2026-10-05T11:00:00.000Z',
  participants: ['ana', 'ben', 'cy'],
  recipeDecisions: [
    { candidateKey: 'logs>read>edit>test>doc', steps: ['logs', 'read', 'edit', 'test', 'doc'], action: 'promote', recipeId: 'rc-triage', reason: '' },
    { candidateKey: 'edit>test', steps: ['edit', 'test'], action: 'reject', recipeId: null, reason: 'too generic | says nothing' },
  ],
  decisions: [
    { portfolioId: 'pf-incidents', decision: 'grow', nextEnvelope: { amount: '15000.00', currency: 'USD' }, note: 'MTTR down 30%' },
    { portfolioId: 'pf-general', decision: 'retire', nextEnvelope: null, note: '' },
  ],
  votes: { ana: [{ subject: 'pf-incidents', stage: 'decisions' }, { subject: 'rc-triage', stage: 'recipes' }], ben: [{ subject: 'pf-incidents', stage: 'decisions' }], cy: [{ subject: 'pf-general', stage: 'decisions' }] },
  notes: 'Next review: split the web portfolio.',
}

describe('reviewMarkdown', () => {
  const runs = [
    { id: 'run-a', costUSD: '42.10', tool: 'claude-code', repo: 'acme/api', branch: 'main', steps: ['logs', 'read', 'edit'], start: '2026-08-01T10:00:00.000Z', actor: 'p-1' },
    { id: 'run-b', costUSD: '80.00', tool: 'claude-code', repo: 'acme/api', branch: 'main', steps: ['plan', 'edit'], start: '2026-08-02T10:00:00.000Z', actor: 'p-2' },
    { id: 'run-c', costUSD: '95.5', tool: 'claude-code', repo: 'acme/api', branch: 'main', steps: ['web'], start: '2026-08-03T10:00:00.000Z', actor: 'p-3' },
    { id: 'run-d', costUSD: '3', tool: 'claude-code', repo: 'acme/api', branch: 'main', steps: ['edit'], start: '2026-08-03T10:00:00.000Z', actor: 'p-3' },
  ]
  const queue = highCostQueue(runs, { settings: { highCostRule: 'fixed', highCostThresholdUSD: '40' }, isAnnotated: (id) => id === 'run-c', portfolioOf: (id) => (id === 'run-a' ? 'pf-incidents' : null) })
  const markdown = reviewMarkdown(closedReview, {
    coverage: [{ label: 'Runs imported', value: '2,140' }, { label: 'Billed spend explained by runs', value: '92%' }],
    scorecards: [
      { portfolioId: 'pf-incidents', name: 'Incident triage', spent: { USD: '11890.20' }, envelope: { USD: '12000.00' }, runs: 310, highCostRuns: 12, highCostAnnotated: 9 },
      { portfolioId: 'pf-general', name: 'General help', spent: { EUR: '40', USD: '2.5' }, envelope: {}, runs: 4, highCostRuns: 0, highCostAnnotated: 0 },
    ],
    highCostQueue: queue,
    names: { 'pf-incidents': 'Incident triage', 'pf-general': 'General help', 'rc-triage': 'Triage recipe' },
  })

  it('queues unannotated high-cost runs, costliest first, without the people behind them', () => {
    expect(queue.map((run) => run.runId)).toEqual(['run-b', 'run-a'])
    expect(queue[1]).toEqual({ runId: 'run-a', costUSD: '42.10', portfolioId: 'pf-incidents', steps: ['logs', 'read', 'edit'], start: '2026-08-01T10:00:00.000Z', tool: 'claude-code', repo: 'acme/api', branch: 'main' })
  })

  it('holds period, participant count, coverage, scorecards, queue, decisions and votes', () => {
    expect(markdown).toContain('# Quarterly review 2026-Q3')
    expect(markdown).toContain('- Status: closed')
    expect(markdown).toContain('- Participants: 3')
    expect(markdown).toContain('- Runs imported: 2,140')
    expect(markdown).toContain('| Incident triage | $11,890.20 | $12,000.00 | 310 | 9 of 12 |')
    expect(markdown).toContain('| General help | €40.00 + $2.50 | — | 4 | — |')
    expect(markdown).toContain('| run-b | $80.00 | unassigned | plan → edit |')
    expect(markdown).toContain('| logs → read → edit → test → doc | promote | Triage recipe | — |')
    expect(markdown).toContain('| edit → test | reject | — | too generic \\| says nothing |')
    expect(markdown).toContain('| Incident triage | grow | $15,000.00 | MTTR down 30% |')
    expect(markdown).toContain('| General help | retire | — | — |')
    expect(markdown).toContain('## Votes: recipes\n\n| Subject | Votes |\n| --- | --- |\n| Triage recipe | 1 |\n')
    expect(markdown).toContain('## Votes: decisions\n\n| Subject | Votes |\n| --- | --- |\n| Incident triage | 2 |\n| General help | 1 |\n')
    expect(markdown).toContain('## Notes\n\nNext review: split the web portfolio.')
  })

  it('names no participant and no actor', () => {
    for (const person of ['ana', 'ben', 'cy', 'p-1', 'p-2']) expect(markdown).not.toMatch(new RegExp(`\\b${person}\\b`))
  })

  it('says so when a section has nothing', () => {
    const empty = reviewMarkdown(startReview({ id: 'x', period: '2026-Q4', facilitator: 'ana', at: '2026-12-01T00:00:00.000Z' }))
    expect(empty).toContain('- Status: active (at stage 1. Check-in & data coverage)')
    expect(empty).toContain('## Votes: recipes\n\n_None._\n\n## Votes: decisions\n\n_None._')
    expect(empty).toContain('## Data coverage\n\n_Not provided._')
    expect(empty).toContain('## Action items\n\n_None._')
  })

  it('lists action items with their owning team and due day, soonest first', () => {
    const review = startReview({ id: 'x', period: '2026-Q4', facilitator: 'ana', at: '2026-12-01T00:00:00.000Z' })
    const items = [
      { id: 'b', text: 'Retire the docs rules', owningTeam: 'Docs team', due: '2027-01-31' },
      { id: 'a', text: 'Tag incident runs', owningTeam: 'SRE', due: '2027-01-15' },
    ]
    expect(reviewMarkdown({ ...review, actionItems: items })).toContain(
      '## Action items\n\n| Action | Owning team | Due |\n| --- | --- | --- |\n| Tag incident runs | SRE | 2027-01-15 |\n| Retire the docs rules | Docs team | 2027-01-31 |',
    )
  })

  it('summarizes data coverage as counts and shares', () => {
    const coverage = reviewCoverage({ runs, charges: 120, isAnnotated: (id) => id === 'run-c', portfolioOf: (id) => (id === 'run-a' ? 'pf-incidents' : null) })
    expect(coverage).toEqual([
      { label: 'Agent runs', value: '4' },
      { label: 'Billing lines', value: '120' },
      { label: 'Runs with an outcome note', value: '1 (25%)' },
      { label: 'Runs in a portfolio', value: '1 (25%)' },
      { label: 'First and last run', value: '2026-08-01 to 2026-08-03' },
    ])
    expect(reviewCoverage({ runs: [], charges: 0, isAnnotated: () => false })).toEqual([
      { label: 'Agent runs', value: '0' },
      { label: 'Billing lines', value: '0' },
      { label: 'Runs with an outcome note', value: '0' },
    ])
  })
})
