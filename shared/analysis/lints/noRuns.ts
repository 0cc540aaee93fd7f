import type { LintContext, Lint } from './types'

/** A live portfolio with no runs is either unused or its rules match nothing. */
export function noRunsThisPeriod({ portfolio, period, runs }: LintContext): Lint | null {
  if (runs.length > 0 || portfolio.status === 'retired') return null
  return {
    code: 'no-runs-this-period',
    message: `No runs in ${period.key}.`,
    fix: portfolio.rules.some((rule) => rule.target === 'runs')
      ? 'Check the rules with the live preview, or retire the portfolio at the next review.'
      : 'Add a rule over runs (repo, branch, steps or a recipe) so its workflows are counted.',
  }
}
