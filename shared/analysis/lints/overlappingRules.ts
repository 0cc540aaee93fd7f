import type { LintContext, Lint } from './types'
import { plural } from '../../text/plural'

/** Records matched by two portfolios are counted once, but the rules should say which owns them. */
export function overlappingRules({ overlaps, portfolioNames }: LintContext): Lint | null {
  if (overlaps.length === 0) return null
  const parts = overlaps.map((o) => {
    const records = [o.runs ? plural(o.runs, 'run') : '', o.charges ? plural(o.charges, 'charge') : ''].filter(Boolean).join(' and ')
    return `"${portfolioNames.get(o.otherPortfolioId) ?? o.otherPortfolioId}" on ${records} (this portfolio won ${o.won})`
  })
  return {
    code: 'overlapping-rules',
    message: `Rules overlap with ${parts.join('; ')}. Each record is counted once, for the more specific rule.`,
    fix: 'Narrow one of the rules (repo, branch or step sequence) so each workflow belongs to one portfolio.',
  }
}
