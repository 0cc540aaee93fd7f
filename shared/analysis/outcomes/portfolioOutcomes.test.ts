import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../records/annotation'
import { analyze, summarizePortfolio } from '../analyze'
import { parsePeriod } from '../periods'
import { makeInput, makePortfolio, makeRun, rule } from '../../../test/support/analysisFixtures'
import { makeIncident, makePullRequest, outcomeInput } from '../../../test/support/outcomeFixtures'

const portfolio = makePortfolio({ id: 'ui', name: 'UI refactors', rules: [rule('r', 'runs', [{ field: 'repo', values: ['harbor-ui'] }])] })
const Q3 = parsePeriod('2026-Q3', 1)

function run(id: string, branch: string, start: string, costUSD: string) {
  return makeRun({ id, repo: 'harbor-ui', branch, start, end: start, costUSD, costByMonth: { [start.slice(0, 7)]: costUSD } })
}

function summary(runs: ReturnType<typeof run>[], outcomes: Parameters<typeof outcomeInput>[0]) {
  return summarizePortfolio(analyze(makeInput({ portfolios: [portfolio], runs, outcomes: outcomeInput(outcomes), asOf: '2026-09-30' })), portfolio, Q3)
}

const note = (subject: string, fields: Partial<Annotation>): [string, Annotation] => [subject, { subject, text: '', valueCategory: 'unset', evidence: [], createdAt: '', updatedAt: '', ...fields }]

describe('portfolio outcomes: pull requests', () => {
  const pulls = [
    makePullRequest({ number: 1, headBranch: 'a', createdAt: '2026-07-02T00:00:00.000Z', mergedAt: '2026-07-03T12:00:00.000Z' }),
    makePullRequest({ number: 2, headBranch: 'b', createdAt: '2026-07-10T00:00:00.000Z', mergedAt: '2026-07-11T00:00:00.000Z' }),
    makePullRequest({ number: 3, headBranch: 'c', createdAt: '2026-07-20T00:00:00.000Z', mergedAt: '2026-07-25T00:00:00.000Z' }),
    makePullRequest({ number: 4, headBranch: 'd', state: 'open', mergedAt: null, closedAt: null }),
    makePullRequest({ number: 5, headBranch: 'e', state: 'closed', mergedAt: null, closedAt: '2026-08-01T00:00:00.000Z' }),
    makePullRequest({ number: 6, headBranch: 'deps', byBot: true, state: 'open', mergedAt: null, closedAt: null }),
  ]
  const runs = [
    run('a1', 'a', '2026-07-01T00:00:00.000Z', '1.10'),
    run('a2', 'a', '2026-07-02T00:00:00.000Z', '0.90'),
    run('b1', 'b', '2026-07-09T00:00:00.000Z', '5'),
    run('c1', 'c', '2026-07-21T00:00:00.000Z', '0.30'),
    run('d1', 'd', '2026-07-22T00:00:00.000Z', '7'),
    run('e1', 'e', '2026-07-23T00:00:00.000Z', '2'),
    run('deps1', 'deps', '2026-07-24T00:00:00.000Z', '1'),
    run('none', 'main', '2026-07-24T00:00:00.000Z', '4'),
  ]

  it('counts runs linked and distinct PRs by state, bots apart, and cost per merged PR exactly', () => {
    const { outcomes } = summary(runs, { pullRequests: pulls })
    expect(outcomes!.pullRequests).toEqual({
      runsLinked: 7,
      merged: 3,
      open: 1,
      closedUnmerged: 1,
      byBots: 1,
      // Merged PRs cost 2 (a1+a2), 5 (b1) and 0.3 (c1): median 2, p90 by nearest rank 5.
      costPerMergedUSD: { median: '2', p90: '5', total: '7.3' },
      mergedRunShare: 4 / 8,
      // First run → merge: 60 h (a), 48 h (b), 99 h (c).
      firstRunToMergeHours: 60,
    })
    expect(outcomes!.runCostUSD).toBe('21.3')
  })

  it('puts each figure beside the previous period\u2019s', () => {
    const earlier = makePullRequest({ number: 9, headBranch: 'old', createdAt: '2026-05-01T00:00:00.000Z', mergedAt: '2026-05-02T00:00:00.000Z' })
    const { outcomes } = summary([...runs, run('old1', 'old', '2026-04-30T00:00:00.000Z', '3')], { pullRequests: [...pulls, earlier] })
    expect(outcomes!.previous).toMatchObject({ period: '2026-Q2', runs: 1, pullRequests: { merged: 1, costPerMergedUSD: { median: '3' } } })
  })

  it('an even number of merged PRs has the mean of the middle two as median', () => {
    const { outcomes } = summary(runs.slice(0, 3), { pullRequests: pulls.slice(0, 2) })
    expect(outcomes!.pullRequests.costPerMergedUSD).toEqual({ median: '3.5', p90: '5', total: '7' })
  })
})

describe('portfolio outcomes: incidents, notes, metrics', () => {
  it('compares the worked incidents\u2019 time to resolve with the team\u2019s others, and costs them per incident', () => {
    const incidents = [
      makeIncident({ ref: 'INC-1', createdAt: '2026-07-05T00:00:00.000Z', resolvedAt: '2026-07-05T02:00:00.000Z' }),
      makeIncident({ ref: 'INC-2', service: 'billing', createdAt: '2026-07-06T00:00:00.000Z', resolvedAt: '2026-07-06T10:00:00.000Z' }),
      makeIncident({ ref: 'INC-3', service: 'billing', createdAt: '2026-07-07T00:00:00.000Z', resolvedAt: '2026-07-07T06:00:00.000Z' }),
      makeIncident({ ref: 'INC-4', createdAt: '2026-07-08T00:00:00.000Z', resolvedAt: '2026-07-08T05:00:00.000Z' }),
    ]
    const runs = [run('fix', 'fix/INC-1', '2026-07-05T01:00:00.000Z', '3'), run('during', 'main', '2026-07-08T01:00:00.000Z', '1')]
    const { outcomes } = summary(runs, { incidents })
    expect(outcomes!.incidents).toEqual({ worked: 1, weaklyLinked: 1, resolveHours: { worked: 2, others: 6 }, costPerIncidentUSD: '3' })
  })

  it('counts notes by value category and their evidence, and trends the metrics of its repos and its name', () => {
    const runs = [run('r1', 'main', '2026-07-05T00:00:00.000Z', '1'), run('r2', 'main', '2026-07-06T00:00:00.000Z', '1')]
    const notes = new Map([note('r1', { valueCategory: 'shipped-fix', evidence: [{ kind: 'pr', ref: '#1' }, { kind: 'link', ref: 'x' }] }), note('r2', { text: 'Learned the codebase' })])
    const metrics = [
      { id: '1', date: '2026-07-10', metric: 'deploys', value: '4', portfolio: null, repo: 'Harbor-UI' },
      { id: '2', date: '2026-08-10', metric: 'deploys', value: '6', portfolio: 'UI refactors', repo: null },
      { id: '3', date: '2026-04-10', metric: 'deploys', value: '3', portfolio: null, repo: 'harbor-ui' },
      { id: '4', date: '2026-07-10', metric: 'deploys', value: '99', portfolio: null, repo: 'other' },
    ]
    const { outcomes } = summary(runs, { notes, metrics })
    expect(outcomes!.notes).toEqual({ notes: 2, valueCategories: { 'shipped-fix': 1 }, evidence: 2 })
    expect(outcomes!.metrics).toEqual([{ metric: 'deploys', points: [{ date: '2026-07-10', value: '4' }, { date: '2026-08-10', value: '6' }], total: '10', previousTotal: '3' }])
  })
})

describe('lint: spend grew while outcomes did not', () => {
  const earlierPull = makePullRequest({ number: 1, headBranch: 'a', createdAt: '2026-05-01T00:00:00.000Z', mergedAt: '2026-05-02T00:00:00.000Z' })

  it('is raised when run spend grew and merged PRs, incidents worked and valued notes did not', () => {
    const runs = [run('then', 'a', '2026-04-30T00:00:00.000Z', '2'), run('now', 'b', '2026-07-05T00:00:00.000Z', '9')]
    const { lints } = summary(runs, { pullRequests: [earlierPull] })
    expect(lints.find((lint) => lint.code === 'spend-grew-outcomes-flat')?.message).toBe('Run spend grew since 2026-Q2 while its outcomes did not (merged PRs, incidents worked and valued notes: 1 → 0).')
  })

  it('is not raised when the outcomes grew too', () => {
    const later = makePullRequest({ number: 2, headBranch: 'b', createdAt: '2026-07-06T00:00:00.000Z', mergedAt: '2026-07-07T00:00:00.000Z' })
    const also = makePullRequest({ number: 3, headBranch: 'c', createdAt: '2026-07-06T00:00:00.000Z', mergedAt: '2026-07-07T00:00:00.000Z' })
    const runs = [run('then', 'a', '2026-04-30T00:00:00.000Z', '2'), run('now', 'b', '2026-07-05T00:00:00.000Z', '9'), run('now2', 'c', '2026-07-05T00:00:00.000Z', '1')]
    expect(summary(runs, { pullRequests: [earlierPull, later, also] }).lints.map((lint) => lint.code)).not.toContain('spend-grew-outcomes-flat')
  })
})
