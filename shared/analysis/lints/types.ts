import type { Portfolio, PortfolioChange } from '../../records/portfolio'
import type { Run } from '../../records/run'
import type { Budget } from '../budgets'
import type { PortfolioOutcomes } from '../outcomes/portfolioOutcomes'
import type { Period } from '../periods'
import type { PortfolioOverlap } from '../rules/assign'
import type { WorkflowMix } from '../workflowIndex'

/** A portfolio failure mode the app points out: what is wrong, why it matters, what to do. */
export interface Lint {
  code: LintCode
  message: string
  fix: string
}

export type LintCode =
  | 'too-broad'
  | 'envelope-below-forecast'
  | 'period-shorter-than-quarter'
  | 'owner-is-person'
  | 'no-outcome-tag'
  | 'overlapping-rules'
  | 'no-runs-this-period'
  | 'spend-grew-outcomes-flat'
  | 'unstable-definition'
  | 'personal-quota'
  | 'too-many-portfolios'

export interface LintContext {
  portfolio: Portfolio
  period: Period
  /** The portfolio's runs that started in the period. */
  runs: readonly Run[]
  budget: Budget
  overlaps: readonly PortfolioOverlap[]
  portfolioNames: ReadonlyMap<string, string>
  /** Distinct step labels across every run in the workspace. */
  stepVocabulary: number
  /** The portfolio's outcomes beside last period's, when outcomes were imported. */
  outcomes?: PortfolioOutcomes | null
  /** The portfolio's definition history (every change, any period). */
  changes: readonly PortfolioChange[]
  fiscalYearStartMonth: number
  /** The mix of recurring workflows and one-offs among the runs (mines on first call). */
  workflowMix: () => WorkflowMix
  /** Distinct contributor pseudonyms across the workspace. */
  contributors: number
}

export type PortfolioLint = (context: LintContext) => Lint | null
