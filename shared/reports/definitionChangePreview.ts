import type { Portfolio, PortfolioChange } from '../records/portfolio'
import { buildPortfolioReport, type PortfolioReportRow } from './portfolioReport'
import { definitionDiff } from '../workspace/portfolioHistory'
import { dayOf } from '../analysis/dates'
import type { AnalysisInput } from '../analysis/input'
import { parsePeriod, periodContaining, shiftPeriod } from '../analysis/periods'

/** One past period a definition change would rewrite: this portfolio's figures before and after. */
export interface PastPeriodChange {
  period: string
  before: Pick<PortfolioReportRow, 'runs' | 'spend' | 'envelope'>
  after: Pick<PortfolioReportRow, 'runs' | 'spend' | 'envelope'>
}

/** The quarters before the current one that hold any run or charge, oldest first. */
function pastQuartersWithData(input: AnalysisInput): string[] {
  const fiscal = input.settings.fiscalYearStartMonth
  const current = periodContaining('quarter', input.asOf, fiscal)
  let first = current.start
  for (const record of [...input.runs, ...input.charges]) first = Math.min(first, dayOf(record.start))
  const keys: string[] = []
  for (let period = periodContaining('quarter', first, fiscal); period.start < current.start; period = shiftPeriod(period, 1, fiscal)) keys.push(period.key)
  return keys
}

function figures(row: PortfolioReportRow | undefined): PastPeriodChange['before'] {
  return { runs: row?.runs ?? 0, spend: row?.spend ?? {}, envelope: row?.envelope ?? {} }
}

/**
 * What saving `patch` from `effectiveFrom` (null: retroactively) would change in past quarters,
 * for the preview shown before saving: only the quarters whose runs, spend or envelope move.
 */
export function previewDefinitionChange(input: AnalysisInput, portfolioId: string, patch: Partial<Portfolio>, effectiveFrom: string | null): PastPeriodChange[] {
  const current = input.portfolios.find((p) => p.id === portfolioId)
  if (!current) return []
  const { before, after } = definitionDiff(current, patch)
  if (Object.keys(after).length === 0) return []
  const fiscal = input.settings.fiscalYearStartMonth
  const from = effectiveFrom === null ? -Infinity : parsePeriod(effectiveFrom, fiscal).start
  const change: PortfolioChange = { id: '~preview', portfolioId, at: '9999-12-31T00:00:00.000Z', by: '', effectiveFrom, before, after }
  const changed: AnalysisInput = {
    ...input,
    portfolios: input.portfolios.map((p) => (p.id === portfolioId ? { ...p, ...patch } : p)),
    portfolioChanges: [...input.portfolioChanges, change],
  }
  const rows: PastPeriodChange[] = []
  for (const period of pastQuartersWithData(input)) {
    if (parsePeriod(period, fiscal).start < from) continue
    const was = figures(buildPortfolioReport(input, { period }).portfolios.find((p) => p.id === portfolioId))
    const will = figures(buildPortfolioReport(changed, { period }).portfolios.find((p) => p.id === portfolioId))
    if (JSON.stringify(was) !== JSON.stringify(will)) rows.push({ period, before: was, after: will })
  }
  return rows
}
