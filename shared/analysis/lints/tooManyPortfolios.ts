import type { Portfolio } from '../../records/portfolio'
import type { Lint } from './types'

/** More active portfolios than a team can review in one meeting: the advice is few and value-anchored. */
export const MAX_ACTIVE_PORTFOLIOS = 7

/** A check over the whole set of portfolios: too many active ones to review (retired and outside buckets not counted). */
export function tooManyPortfolios(portfolios: readonly Portfolio[]): Lint | null {
  const active = portfolios.filter((portfolio) => portfolio.status !== 'retired' && !portfolio.outside).length
  if (active <= MAX_ACTIVE_PORTFOLIOS) return null
  return {
    code: 'too-many-portfolios',
    message: `${active} active portfolios: more than a team can review together (${MAX_ACTIVE_PORTFOLIOS} at most).`,
    fix: 'Merge the ones that serve the same outcome, and retire those nobody would fund again.',
  }
}
