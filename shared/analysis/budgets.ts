import type { EnvelopeMove, Portfolio } from '../records/portfolio'
import { addDecimal, compareDecimal, decimalToNumber, divideDecimal, formatDecimal, multiplyByInteger, ZERO, type Decimal } from '../money/decimal'
import type { CurrencyAmounts } from '../money/totals'
import type { DailySpend } from './dailySpend'
import { dateOfDay, type DayNumber } from './dates'
import { envelopeChain, formatStep, movesFor } from './envelopes'
import { forecastPeriodEnd, type Forecast } from './forecast'
import { periodsOverlapping, shiftPeriod, type Period } from './periods'

/** Crossing 80% or 100% of the envelope never blocks anything: it puts the portfolio on the next review's agenda. */
export interface ReviewItem {
  portfolioId: string
  period: string
  threshold: 80 | 100
  crossedOn: string
  spend: string
  envelope: string
  currency: string
  message: string
}

export interface Budget {
  portfolioId: string
  period: string
  /** The envelope's currency; spend in other currencies is shown beside it, never converted. */
  currency: string
  /** The envelope for the period: base + moves + rollover, prorated by months when the portfolio's own period is longer. */
  envelope: string
  envelopeParts: { base: string; moves: string; rollover: string }
  /** The portfolio's own envelope periods that make up this one, with their rollover chain. */
  steps: ReturnType<typeof formatStep>[]
  /** Moves in another currency than the envelope, left out. */
  ignoredMoveIds: string[]
  spend: CurrencyAmounts
  forecast: CurrencyAmounts
  forecastMethod: Forecast['method']
  forecastExplanation: string
  /** Spend / envelope in the envelope currency; null without a positive envelope. For charts only. */
  usedShare: number | null
  /** Cumulative spend at the end of each day so far, in the envelope currency. */
  burnUp: { date: string; spend: string }[]
  reviewItems: ReviewItem[]
}

export interface BudgetContext {
  daily: DailySpend
  moves: readonly EnvelopeMove[]
  fiscalYearStartMonth: number
  asOf: DayNumber
}

function prorate(amount: Decimal, monthsInside: number, months: number): Decimal {
  return monthsInside === months ? amount : divideDecimal(multiplyByInteger(amount, monthsInside), { units: BigInt(months), scale: 0 }, Math.max(amount.scale, 2))
}

function reviewItems(portfolio: Portfolio, period: Period, envelope: Decimal, burnUp: { day: DayNumber; total: Decimal }[]): ReviewItem[] {
  const items: ReviewItem[] = []
  for (const threshold of [80, 100] as const) {
    // spend ≥ envelope × threshold/100, compared exactly as spend × 100 ≥ envelope × threshold.
    const crossed = burnUp.find(
      (point) => point.total.units > 0n && compareDecimal(multiplyByInteger(point.total, 100), multiplyByInteger(envelope, threshold)) >= 0,
    )
    if (!crossed) continue
    items.push({
      portfolioId: portfolio.id,
      period: period.key,
      threshold,
      crossedOn: dateOfDay(crossed.day),
      spend: formatDecimal(crossed.total),
      envelope: formatDecimal(envelope),
      currency: portfolio.envelope.currency,
      message: `"${portfolio.name}" reached ${threshold}% of its ${period.key} envelope on ${dateOfDay(crossed.day)}. Nothing is blocked: add it to the next review and ask for outcome notes.`,
    })
  }
  return items
}

/** Spend, envelope, burn-up and forecast of one portfolio for one period (of any kind). */
export function portfolioBudget(portfolio: Portfolio, period: Period, context: BudgetContext): Budget {
  const { daily, fiscalYearStartMonth } = context
  const currency = portfolio.envelope.currency
  const overlapping = periodsOverlapping(portfolio.envelope.period, period, fiscalYearStartMonth)
  const chain = envelopeChain(
    portfolio,
    overlapping[0].period,
    overlapping[overlapping.length - 1].period,
    context.moves,
    (p) => daily.periodTotal(portfolio.id, currency, p),
    fiscalYearStartMonth,
    daily.firstDay(portfolio.id),
  )
  const parts = { base: ZERO, moves: ZERO, rollover: ZERO }
  let envelope = ZERO
  const steps: Budget['steps'] = []
  const ignoredMoveIds: string[] = []
  for (const { period: own, monthsInside } of overlapping) {
    const step = chain.find((s) => s.period === own.key)!
    steps.push(formatStep(step))
    ignoredMoveIds.push(...movesFor(portfolio.id, own.key, currency, context.moves).ignored.map((m) => m.id))
    parts.base = addDecimal(parts.base, prorate(step.base, monthsInside, own.months))
    parts.moves = addDecimal(parts.moves, prorate(step.moves, monthsInside, own.months))
    parts.rollover = addDecimal(parts.rollover, prorate(step.carriedIn, monthsInside, own.months))
    envelope = addDecimal(envelope, prorate(step.effective, monthsInside, own.months))
  }

  const previous = shiftPeriod(period, -1, fiscalYearStartMonth)
  const spend: CurrencyAmounts = {}
  const forecast: CurrencyAmounts = {}
  let main: Forecast | null = null
  for (const cur of [...new Set([currency, ...daily.currencies(portfolio.id)])].sort()) {
    const total = daily.periodTotal(portfolio.id, cur, period)
    const projected = forecastPeriodEnd(period, previous, context.asOf, (from, to) => daily.sum(portfolio.id, cur, from, to), cur)
    if (cur !== currency && total.units === 0n && projected.amount.units === 0n) continue
    spend[cur] = formatDecimal(total)
    forecast[cur] = formatDecimal(projected.amount)
    if (cur === currency) main = projected
  }

  const cumulative = daily.cumulative(portfolio.id, currency, period, context.asOf)
  const spent = cumulative.length ? cumulative[cumulative.length - 1].total : ZERO
  return {
    portfolioId: portfolio.id,
    period: period.key,
    currency,
    envelope: formatDecimal(envelope),
    envelopeParts: { base: formatDecimal(parts.base), moves: formatDecimal(parts.moves), rollover: formatDecimal(parts.rollover) },
    steps,
    ignoredMoveIds,
    spend,
    forecast,
    forecastMethod: main!.method,
    forecastExplanation: main!.explanation,
    usedShare: envelope.units > 0n ? decimalToNumber(spent) / decimalToNumber(envelope) : null,
    burnUp: cumulative.map((point) => ({ date: dateOfDay(point.day), spend: formatDecimal(point.total) })),
    reviewItems: reviewItems(portfolio, period, envelope, cumulative),
  }
}
