import type { EnvelopeMove, Portfolio } from '../records/portfolio'
import { addDecimal, formatDecimal, parseDecimal, subtractDecimal, ZERO, type Decimal } from '../money/decimal'
import { dayOf } from './dates'
import { periodContaining, shiftPeriod, type Period } from './periods'

/** One of the portfolio's own envelope periods: base amount, moves, rollover, spend. */
export interface EnvelopeStep {
  period: string
  base: Decimal
  /** Sum of envelope moves into (+) and out of (−) this portfolio for the period. */
  moves: Decimal
  /** Unspent (+) or overspent (−) amount carried in from the previous period, when rollover is on. */
  carriedIn: Decimal
  effective: Decimal
  spend: Decimal
}

/** Envelope moves of one portfolio and period in the envelope's currency, signed. */
export function movesFor(portfolioId: string, periodKey: string, currency: string, moves: readonly EnvelopeMove[]): { total: Decimal; ignored: EnvelopeMove[] } {
  let total = ZERO
  const ignored: EnvelopeMove[] = []
  for (const move of moves) {
    if (move.period !== periodKey || (move.fromPortfolio !== portfolioId && move.toPortfolio !== portfolioId)) continue
    if (move.fromPortfolio === move.toPortfolio) continue
    // Currencies never mix: a move in another currency cannot change this envelope.
    if (move.currency !== currency) {
      ignored.push(move)
      continue
    }
    const amount = parseDecimal(move.amount)
    total = move.toPortfolio === portfolioId ? addDecimal(total, amount) : subtractDecimal(total, amount)
  }
  return { total, ignored }
}

/**
 * Where a rollover chain starts: the portfolio's first period (from createdAt). Before a
 * portfolio existed nobody agreed an envelope, so nothing can have been saved or overspent.
 * When createdAt is not a date, the first period with spend is used.
 */
function chainStart(portfolio: Portfolio, fiscalYearStartMonth: number, firstSpendDay: number | null): Period | null {
  const created = /^\d{4}-\d{2}-\d{2}/.test(portfolio.createdAt) ? dayOf(portfolio.createdAt) : firstSpendDay
  return created === null ? null : periodContaining(portfolio.envelope.period, created, fiscalYearStartMonth)
}

/**
 * The envelope of each of the portfolio's own periods from `from` (or its first period, if
 * earlier) up to `until`: base + moves, plus (with rollover on) what the previous period left
 * unspent or overspent. Periods before the portfolio's first one carry nothing over.
 */
export function envelopeChain(
  portfolio: Portfolio,
  from: Period,
  until: Period,
  moves: readonly EnvelopeMove[],
  spendIn: (period: Period) => Decimal,
  fiscalYearStartMonth: number,
  firstSpendDay: number | null,
): EnvelopeStep[] {
  const { envelope } = portfolio
  const base = parseDecimal(envelope.amount)
  const start = chainStart(portfolio, fiscalYearStartMonth, firstSpendDay)
  let period = start && start.start < from.start ? start : from
  const steps: EnvelopeStep[] = []
  let carry = ZERO
  for (;;) {
    const moved = movesFor(portfolio.id, period.key, envelope.currency, moves).total
    const carriedIn = envelope.rollover && start !== null && period.start > start.start ? carry : ZERO
    const effective = addDecimal(addDecimal(base, moved), carriedIn)
    const spend = spendIn(period)
    steps.push({ period: period.key, base, moves: moved, carriedIn, effective, spend })
    if (period.start >= until.start) return steps
    carry = subtractDecimal(effective, spend)
    period = shiftPeriod(period, 1, fiscalYearStartMonth)
  }
}

export function formatStep(step: EnvelopeStep): Record<keyof EnvelopeStep, string> {
  return {
    period: step.period,
    base: formatDecimal(step.base),
    moves: formatDecimal(step.moves),
    carriedIn: formatDecimal(step.carriedIn),
    effective: formatDecimal(step.effective),
    spend: formatDecimal(step.spend),
  }
}
