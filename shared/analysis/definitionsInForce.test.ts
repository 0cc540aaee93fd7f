import { describe, expect, it } from 'vitest'
import { buildPortfolioReport } from '../reports/portfolioReport'
import { widenedRuleExample } from '../../test/support/historyFixture'
import { analyze } from './analyze'
import { analysisForPeriod, definitionInForce, inputForPeriod } from './definitionsInForce'
import { parsePeriod } from './periods'
import { makeInput, makePortfolio, makeRun } from '../../test/support/analysisFixtures'

const web = (period: string, effectiveFrom: string | null, todaysDefinitions = false) => {
  const { input } = widenedRuleExample(effectiveFrom)
  return buildPortfolioReport(input, { period, todaysDefinitions }).portfolios.find((p) => p.id === 'web')!
}

describe('reports with the definitions in force', () => {
  it('a rule and envelope changed from Q4 leave Q3 as it was', () => {
    expect(web('2026-Q3', '2026-Q4')).toMatchObject({ runs: 1, spend: { USD: '10' }, envelope: { USD: '150' } })
    expect(web('2026-Q4', '2026-Q4')).toMatchObject({ runs: 2, spend: { USD: '40' }, envelope: { USD: '260' } })
  })

  it('a retroactive change rewrites Q3 too', () => {
    expect(web('2026-Q3', null)).toMatchObject({ runs: 2, spend: { USD: '40' }, envelope: { USD: '260' } })
  })

  it('"with today\'s definitions" reads Q3 with the Q4 rules', () => {
    expect(web('2026-Q3', '2026-Q4', true)).toMatchObject({ runs: 2, envelope: { USD: '260' } })
  })

  it('a change scheduled for a later period leaves the current one as defined now', () => {
    expect(web('2026-Q4', '2027-Q1')).toMatchObject({ runs: 1, envelope: { USD: '150' } })
    expect(web('2027-Q1', '2027-Q1')).toMatchObject({ envelope: { USD: '260' } })
  })
})

describe('definitionInForce', () => {
  const q3 = parsePeriod('2026-Q3', 1)

  it('a later retroactive change wins over an earlier scheduled one in every period', () => {
    const { governance } = widenedRuleExample('2026-Q4')
    const portfolio = governance.portfolios.get('web')!
    const retro = { id: 'z', portfolioId: 'web', at: '2026-11-01T00:00:00.000Z', by: 'p-beta', effectiveFrom: null, before: { name: portfolio.name }, after: { name: 'Refactoring' } }
    const renamed = { ...portfolio, name: 'Refactoring' }
    const inQ3 = definitionInForce(renamed, [...governance.portfolioChanges.list().records, retro], q3, 1)!
    expect(inQ3.name).toBe('Refactoring')
    expect(inQ3.envelope.amount).toBe('150')
  })

  it('a portfolio created from a later period does not exist before it', () => {
    const split = makePortfolio({ id: 'split' })
    const created = { id: 'c', portfolioId: 'split', at: '2026-09-30T00:00:00.000Z', by: 'p-alpha', effectiveFrom: '2026-Q4', before: {}, after: {}, created: true }
    expect(definitionInForce(split, [created], q3, 1)).toBeNull()
    expect(definitionInForce(split, [created], parsePeriod('2026-Q4', 1), 1)).toEqual(split)
  })

  it('keeps today\'s record when a stored value no longer reads as a definition', () => {
    const portfolio = makePortfolio({ id: 'web' })
    const broken = { id: 'b', portfolioId: 'web', at: '2026-10-01T00:00:00.000Z', by: 'p', effectiveFrom: '2026-Q4', before: { envelope: 'not an envelope' }, after: { envelope: portfolio.envelope } }
    expect(definitionInForce(portfolio, [broken], q3, 1)).toEqual(portfolio)
  })
})

describe('inputForPeriod as of a day', () => {
  it('counts only the runs and charges that started by asOf', () => {
    const input = makeInput({
      asOf: '2026-08-15',
      runs: [makeRun({ id: 'before', start: '2026-08-15T23:00:00.000Z' }), makeRun({ id: 'after', start: '2026-08-16T01:00:00.000Z' })],
    })
    expect(inputForPeriod(input, parsePeriod('2026-Q3', 1)).runs.map((r) => r.id)).toEqual(['before'])
  })
})

describe('analysisForPeriod', () => {
  it('reuses today\'s analysis when the period reads the same definitions and records', () => {
    const { input } = widenedRuleExample('2026-Q4')
    const today = analyze(input)
    expect(analysisForPeriod(today, parsePeriod('2026-Q4', 1))).toBe(today)
    const q3 = analysisForPeriod(today, parsePeriod('2026-Q3', 1))
    expect(q3).not.toBe(today)
    expect(q3.input.portfolios[0].envelope.amount).toBe('150')
    expect(analysisForPeriod(today, parsePeriod('2026-Q3', 1), { todaysDefinitions: true })).toBe(today)
  })
})
