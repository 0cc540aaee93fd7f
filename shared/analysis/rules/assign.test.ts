import { describe, expect, it } from 'vitest'
import { makeCharge, makePortfolio, makeRecipe, makeRun, rule } from '../../../test/support/analysisFixtures'
import { chargeKey } from '../input'
import { assignRecords, overlapsByPortfolio } from './assign'
import { ruleSpecificity } from './specificity'

const web = makePortfolio({ id: 'web', name: 'Web work', rules: [rule('web-repo', 'runs', [{ field: 'repo', values: ['acme/*'] }])] })
const incidents = makePortfolio({
  id: 'incidents',
  name: 'Incident triage',
  rules: [rule('triage', 'runs', [{ field: 'repo', values: ['acme/web'] }, { field: 'sequence', values: ['logs', 'edit', 'test'] }])],
})

describe('rule matching', () => {
  it('reads globs, step labels, sequences, recipes and date ranges on runs', () => {
    const recipe = makeRecipe({ id: 'rx', steps: ['logs', 'edit', 'doc'] })
    const run = makeRun({ id: 'r', repo: 'acme/api', branch: 'feature/x/y', steps: ['logs', 'read', 'edit', 'test', 'doc'], start: '2026-07-10T10:00:00.000Z' })
    const portfolios = [
      makePortfolio({ id: 'a', rules: [rule('branch', 'runs', [{ field: 'branch', values: ['feature/*'] }])] }),
      makePortfolio({ id: 'b', rules: [rule('step', 'runs', [{ field: 'step', values: ['deploy'] }])] }),
      makePortfolio({ id: 'c', rules: [rule('recipe', 'runs', [{ field: 'recipe', values: ['rx'] }])] }),
      makePortfolio({ id: 'd', rules: [rule('dates', 'runs', [{ field: 'dateRange', values: ['2026-07-01..2026-07-09'] }])] }),
      makePortfolio({ id: 'e', rules: [rule('tool', 'runs', [{ field: 'tool', values: ['CLAUDE-*'] }])] }),
    ]
    const result = assignRecords({ portfolios, runs: [run], charges: [], recipes: [recipe] })
    const a = result.runs.get('r')!
    const matched = [a.winner!.portfolioId, ...a.alsoMatched.map((m) => m.portfolioId)].sort()
    expect(matched).toEqual(['a', 'c', 'e'])
  })

  it('reads provider, account, project, cost center and tags on charges', () => {
    const charge = makeCharge({ project: 'incident-bot', costCenter: 'CC-42', tags: { team: 'sre' } })
    const portfolios = [
      makePortfolio({ id: 'p', rules: [rule('proj', 'charges', [{ field: 'project', values: ['incident-*'] }, { field: 'tag', key: 'team', values: ['sre'] }])] }),
      makePortfolio({ id: 'q', rules: [rule('cc', 'charges', [{ field: 'costCenter', values: ['CC-7'] }])] }),
    ]
    const result = assignRecords({ portfolios, runs: [], charges: [charge], recipes: [] })
    expect(result.charges.get(chargeKey(charge))!.portfolioId).toBe('p')
  })

  it('treats a rule without conditions, and conditions on fields the target lacks, as matching nothing', () => {
    const run = makeRun({ id: 'r' })
    const portfolios = [
      makePortfolio({ id: 'empty', rules: [rule('none', 'runs', [])] }),
      makePortfolio({ id: 'wrong', rules: [rule('proj', 'runs', [{ field: 'project', values: ['*'] }])] }),
    ]
    expect(assignRecords({ portfolios, runs: [run], charges: [], recipes: [] }).runs.get('r')!.portfolioId).toBeNull()
  })
})

describe('assignment order', () => {
  it('scores specificity from conditions and exactness', () => {
    expect(ruleSpecificity(web.rules[0], new Map()).score).toBe(2)
    expect(ruleSpecificity(incidents.rules[0], new Map()).summary).toBe('7 = repo exact (3) + sequence of 3 steps (4)')
    expect(ruleSpecificity(rule('x', 'runs', [{ field: 'repo', values: ['*'] }, { field: 'tool', values: ['codex'] }], 'any'), new Map()).score).toBe(0)
  })

  it('gives a run matched by a general and a specific rule to the specific one, flags the overlap and explains it', () => {
    const runs = [makeRun({ id: 'triage', steps: ['logs', 'edit', 'test'] }), makeRun({ id: 'plain', steps: ['edit'] })]
    const result = assignRecords({ portfolios: [web, incidents], runs, charges: [], recipes: [] })
    const triage = result.runs.get('triage')!
    expect(triage.portfolioId).toBe('incidents')
    expect(triage.overlap).toBe(true)
    expect(triage.decidedBy).toBe('specificity')
    expect(triage.alsoMatched.map((m) => m.rule.id)).toEqual(['web-repo'])
    expect(triage.reason).toContain('rule "triage" of "Incident triage"')
    expect(triage.reason).toContain('Also matched: rule "web-repo" of "Web work"')
    expect(result.runs.get('plain')).toMatchObject({ portfolioId: 'web', overlap: false, decidedBy: 'only match' })
    expect(result.rules.map((r) => r.rule.id)).toEqual(['triage', 'web-repo'])
  })

  it('counts an overlapping run once, for the winner', () => {
    const runs = [makeRun({ id: 'triage', steps: ['logs', 'edit', 'test'] })]
    const result = assignRecords({ portfolios: [web, incidents], runs, charges: [], recipes: [] })
    const owners = [...result.runs.values()].map((a) => a.portfolioId)
    expect(owners).toEqual(['incidents'])
    const overlaps = overlapsByPortfolio(result)
    expect(overlaps.get('web')).toEqual([{ portfolioId: 'web', otherPortfolioId: 'incidents', runs: 1, charges: 0, won: 0 }])
    expect(overlaps.get('incidents')![0].won).toBe(1)
  })

  it('breaks ties deterministically: more conditions, then portfolio id, then rule id', () => {
    const a = makePortfolio({ id: 'b-portfolio', rules: [rule('r1', 'runs', [{ field: 'repo', values: ['acme/web'] }])] })
    const b = makePortfolio({ id: 'a-portfolio', rules: [rule('r2', 'runs', [{ field: 'tool', values: ['claude-code'] }])] })
    const run = makeRun({ id: 'r' })
    for (const portfolios of [[a, b], [b, a]]) {
      const assignment = assignRecords({ portfolios, runs: [run], charges: [], recipes: [] }).runs.get('r')!
      expect(assignment.portfolioId).toBe('a-portfolio')
      expect(assignment.decidedBy).toBe('tie-break')
    }
    const withMore = makePortfolio({ id: 'z', rules: [rule('r3', 'runs', [{ field: 'repo', values: ['acme/web'] }, { field: 'dateRange', values: ['..'] }])] })
    // 3 + 1 = 4 beats 3: specificity first.
    expect(assignRecords({ portfolios: [a, b, withMore], runs: [run], charges: [], recipes: [] }).runs.get('r')!.portfolioId).toBe('z')
  })

  it('leaves what matches nothing Unassigned', () => {
    const run = makeRun({ id: 'other', repo: 'globex/app' })
    const assignment = assignRecords({ portfolios: [web, incidents], runs: [run], charges: [], recipes: [] }).runs.get('other')!
    expect(assignment).toMatchObject({ portfolioId: null, winner: null, decidedBy: 'no match' })
  })

  it('applies retroactively: a result is a pure function of records and portfolios, whatever the import order', () => {
    const old = makeRun({ id: 'old', start: '2025-01-05T00:00:00.000Z', steps: ['logs', 'edit', 'test'] })
    const later = makeRun({ id: 'later', start: '2026-09-01T00:00:00.000Z', steps: ['logs', 'edit', 'test'] })
    const before = assignRecords({ portfolios: [web], runs: [old], charges: [], recipes: [] })
    expect(before.runs.get('old')!.portfolioId).toBe('web')
    // A new, more specific portfolio rule re-assigns the old run too; a later import is treated the same.
    const after = assignRecords({ portfolios: [web, incidents], runs: [later, old], charges: [], recipes: [] })
    expect(after.runs.get('old')!.portfolioId).toBe('incidents')
    expect(after.runs.get('later')!.portfolioId).toBe('incidents')
    const reversed = assignRecords({ portfolios: [incidents, web], runs: [old, later], charges: [], recipes: [] })
    expect([...reversed.runs.entries()].sort()).toEqual([...after.runs.entries()].sort())
  })
})
