import type { LintContext, Lint } from './types'

/** Without an outcome the review can only talk about cost, which is what portfolios are meant to avoid. */
export function noOutcomeTag({ portfolio }: LintContext): Lint | null {
  if (portfolio.outcomeTags.some((tag) => tag.trim() !== '')) return null
  return {
    code: 'no-outcome-tag',
    message: 'No outcome tag: the review cannot ask whether this portfolio moved anything.',
    fix: 'Add the outcome it should move: MTTR, defects, rework, lead time, or your own.',
  }
}
