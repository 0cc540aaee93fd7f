import { describe, expect, it } from 'vitest'
import { makePortfolio, rule } from '../../test/support/analysisFixtures'
import type { Portfolio } from '../records/portfolio'
import { exportPortfolioCode, parsePortfolioCode, planPortfolioImport, portfolioDefinition } from './portfolioCode'

const incidents = makePortfolio({
  id: 'incidents',
  name: 'Incident triage',
  description: 'From alert to postmortem',
  outcomeTags: ['MTTR'],
  expectedHighCostUSD: '20',
  envelope: { amount: '3000', currency: 'USD', period: 'quarter', rollover: true },
  rules: [
    rule('triage', 'runs', [{ field: 'repo', values: ['acme/*'] }, { field: 'sequence', values: ['logs', 'edit', 'test', 'doc'] }]),
    rule('bot', 'charges', [{ field: 'tag', key: 'team', values: ['sre'] }], 'any'),
  ],
})
const web = makePortfolio({ id: 'web', name: 'Refactor + tests', outcomeTags: ['rework'] })

function errorsOf(text: string) {
  const result = parsePortfolioCode(text)
  if (result.ok) throw new Error('expected errors')
  return result.errors
}

function fileWith(mutate: (file: { portfolios: Record<string, unknown>[] }) => void): string {
  const file = JSON.parse(exportPortfolioCode([incidents, web]))
  mutate(file)
  return JSON.stringify(file)
}

describe('portfolios as code', () => {
  it('round-trips definitions and rules', () => {
    const text = exportPortfolioCode([web, incidents])
    const parsed = parsePortfolioCode(text)
    expect(parsed).toEqual({ ok: true, portfolios: [portfolioDefinition(incidents), portfolioDefinition(web)] })
    const plan = planPortfolioImport([], parsed.ok ? parsed.portfolios : [], '2026-09-01T00:00:00.000Z')
    expect(exportPortfolioCode(plan.put)).toBe(text)
  })

  it('writes a stable key order, sorted by id, without timestamps or unknown fields', () => {
    // Keys in another order, plus a field from a newer version.
    const { rules, ...rest } = incidents
    const shuffled = { zzz: 'from a newer version', rules, ...rest } as Portfolio
    expect(exportPortfolioCode([shuffled])).toBe(exportPortfolioCode([incidents]))
    const text = exportPortfolioCode([incidents])
    expect(text).not.toContain('createdAt')
    expect(text.indexOf('"id"')).toBeLessThan(text.indexOf('"name"'))
    expect(text.startsWith('{\n  "format": "workfolio-portfolios",\n  "version": 1,')).toBe(true)
  })

  it('reports invalid JSON', () => {
    expect(errorsOf('{ "format": ')[0]).toMatchObject({ path: '(file)', message: expect.stringContaining('not valid JSON') })
  })

  it('reports each problem with its path', () => {
    const errors = errorsOf(
      fileWith((file) => {
        const rules = file.portfolios[0].rules as Record<string, unknown>[]
        rules[0].combin = 'all'
        ;(rules[1].conditions as Record<string, unknown>[])[0].field = 'repo'
        file.portfolios[1].id = 'incidents'
        file.portfolios[1].status = 'paused'
      }),
    )
    expect(errors.map((e) => e.path).sort()).toEqual(['portfolios[0].rules[0]', 'portfolios[1].status'])
    expect(errors.find((e) => e.path === 'portfolios[0].rules[0]')!.message).toMatch(/combin/)
  })

  it('checks meaning once the shape is right: fields per target, duplicates, date ranges, keys', () => {
    const errors = errorsOf(
      fileWith((file) => {
        const rules = file.portfolios[0].rules as { conditions: Record<string, unknown>[] }[]
        rules[1].conditions[0].field = 'repo'
        rules[0].conditions.push({ field: 'dateRange', values: ['July..August'] })
        rules[0].conditions.push({ field: 'repo', values: [], key: 'x' })
        file.portfolios[1].id = 'incidents'
      }),
    )
    expect(errors).toEqual([
      { path: 'portfolios[0].rules[0].conditions[2].values[0]', message: '"July..August" is not a date range (use 2026-07-01..2026-09-30; either end may be empty)' },
      { path: 'portfolios[0].rules[0].conditions[3].values', message: 'give at least one value' },
      { path: 'portfolios[0].rules[0].conditions[3].key', message: 'only a tag condition has a key' },
      { path: 'portfolios[0].rules[1].conditions[0].field', message: '"repo" is not a field of charges' },
      { path: 'portfolios[0].rules[1].conditions[0].key', message: 'only a tag condition has a key' },
      { path: 'portfolios[1].id', message: 'duplicate portfolio id "incidents"' },
    ])
  })

  it('rejects files of another format or version', () => {
    expect(errorsOf(JSON.stringify({ format: 'other', version: 1, portfolios: [] }))[0].path).toBe('format')
    expect(errorsOf(JSON.stringify({ format: 'workfolio-portfolios', version: 2, portfolios: [] }))[0].path).toBe('version')
  })

  it('plans an import: adds, updates (keeping createdAt and unknown fields), never deletes', () => {
    const stored = { ...incidents, futureField: 1 } as Portfolio
    const other = makePortfolio({ id: 'other' })
    const definitions = [{ ...portfolioDefinition(incidents), name: 'Incident response' }, portfolioDefinition(web)]
    const plan = planPortfolioImport([stored, other, web], definitions, '2026-09-01T00:00:00.000Z')
    expect([plan.added, plan.updated, plan.unchanged, plan.untouched]).toEqual([[], ['incidents'], ['web'], ['other']])
    expect(plan.put[0]).toMatchObject({ name: 'Incident response', futureField: 1, createdAt: incidents.createdAt, updatedAt: '2026-09-01T00:00:00.000Z' })
    expect(planPortfolioImport([], definitions, '2026-09-01T00:00:00.000Z').added).toEqual(['incidents', 'web'])
  })
})
