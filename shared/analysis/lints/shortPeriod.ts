import type { LintContext, Lint } from './types'

/** Envelopes that reset every month behave like caps again; a quarter leaves room for uneven work. */
export function periodShorterThanQuarter({ portfolio }: LintContext): Lint | null {
  if (portfolio.envelope.period !== 'month') return null
  return {
    code: 'period-shorter-than-quarter',
    message: 'The envelope resets every month, so it acts like a cap on uneven work such as incidents.',
    fix: 'Use a quarterly envelope (with rollover if spend is seasonal).',
  }
}
