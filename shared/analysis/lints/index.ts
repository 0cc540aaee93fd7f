import { envelopeBelowForecast } from './envelopeBelowForecast'
import { noOutcomeTag } from './noOutcomeTag'
import { noRunsThisPeriod } from './noRuns'
import { overlappingRules } from './overlappingRules'
import { ownerIsPerson } from './ownerIsPerson'
import { personalQuota } from './personalQuota'
import { periodShorterThanQuarter } from './shortPeriod'
import { spendGrewOutcomesFlat } from './spendGrewOutcomesFlat'
import { tooBroad } from './tooBroad'
import { tooManyPortfolios } from './tooManyPortfolios'
import { unstableDefinition } from './unstableDefinition'
import type { Portfolio } from '../../records/portfolio'
import type { Lint, LintContext, PortfolioLint } from './types'

export type { Lint, LintCode, LintContext } from './types'

/** Every portfolio health check, in the order they are shown. */
export const PORTFOLIO_LINTS: readonly PortfolioLint[] = [
  tooBroad,
  envelopeBelowForecast,
  periodShorterThanQuarter,
  ownerIsPerson,
  personalQuota,
  noOutcomeTag,
  overlappingRules,
  noRunsThisPeriod,
  spendGrewOutcomesFlat,
  unstableDefinition,
]

/** Checks over the set of portfolios as a whole. */
export function lintWorkspace(portfolios: readonly Portfolio[]): Lint[] {
  return [tooManyPortfolios(portfolios)].filter((lint): lint is Lint => lint !== null)
}

export function lintPortfolio(context: LintContext): Lint[] {
  return PORTFOLIO_LINTS.map((lint) => lint(context)).filter((lint): lint is Lint => lint !== null)
}
