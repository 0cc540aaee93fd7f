import { isDecimalString } from '../../../shared/money/decimal'
import type { EnvelopePeriod, Portfolio, PortfolioStatus } from '../../../shared/records/portfolio'

/** What the editor's fields hold: plain strings, as typed. */
export interface PortfolioFormValues {
  name: string
  description: string
  outcomeTags: string
  owningTeam: string
  status: PortfolioStatus
  envelopeAmount: string
  envelopeCurrency: string
  envelopePeriod: EnvelopePeriod
  rollover: boolean
  /** USD; empty when the portfolio sets no expectation for high-cost runs. */
  expectedHighCost: string
  /** An "outside portfolios" bucket for spend that is not coding-agent work. */
  outside: boolean
}

export type PortfolioFormErrors = Partial<Record<keyof PortfolioFormValues, string>>

export const OUTCOME_TAG_SUGGESTIONS = ['MTTR', 'defects', 'rework', 'lead time']

export function emptyPortfolioForm(defaultCurrency = 'USD'): PortfolioFormValues {
  return {
    name: '',
    description: '',
    outcomeTags: '',
    owningTeam: '',
    status: 'pilot',
    envelopeAmount: '',
    envelopeCurrency: defaultCurrency,
    envelopePeriod: 'quarter',
    rollover: false,
    expectedHighCost: '',
    outside: false,
  }
}

export function formFromPortfolio(portfolio: Portfolio): PortfolioFormValues {
  return {
    name: portfolio.name,
    description: portfolio.description,
    outcomeTags: portfolio.outcomeTags.join(', '),
    owningTeam: portfolio.owningTeam,
    status: portfolio.status,
    envelopeAmount: portfolio.envelope.amount,
    envelopeCurrency: portfolio.envelope.currency,
    envelopePeriod: portfolio.envelope.period,
    rollover: portfolio.envelope.rollover,
    expectedHighCost: portfolio.expectedHighCostUSD ?? '',
    outside: portfolio.outside ?? false,
  }
}

/** Amounts as people type them: "12,000", "$1,500.50", " 800 ". */
export function normalizeAmountInput(text: string): string {
  return text.replace(/[\s,$€£]/g, '')
}

export function validatePortfolioForm(values: PortfolioFormValues): PortfolioFormErrors {
  const errors: PortfolioFormErrors = {}
  if (!values.name.trim()) errors.name = 'Give the portfolio a name, like “refactor + tests”.'
  const amount = normalizeAmountInput(values.envelopeAmount)
  if (!amount) errors.envelopeAmount = 'Set the envelope for the period.'
  else if (!isDecimalString(amount) || amount.startsWith('-')) errors.envelopeAmount = 'Use a positive amount, like 12000 or 1500.50.'
  if (!/^[A-Za-z]{3}$/.test(values.envelopeCurrency.trim())) errors.envelopeCurrency = 'Use a three-letter currency code, like USD or EUR.'
  const threshold = normalizeAmountInput(values.expectedHighCost)
  if (threshold && (!isDecimalString(threshold) || threshold.startsWith('-'))) {
    errors.expectedHighCost = 'Use a positive amount in USD, like 25, or leave it empty.'
  }
  return errors
}

/** Builds the record to store; keeps fields the form does not edit (rules, thresholds, unknown fields). */
export function portfolioFromForm(values: PortfolioFormValues, base: Partial<Portfolio> & { id: string }, now: string): Portfolio {
  return {
    rules: [],
    createdAt: now,
    ...base,
    name: values.name.trim(),
    description: values.description.trim(),
    outcomeTags: [...new Set(values.outcomeTags.split(',').map((tag) => tag.trim()).filter(Boolean))],
    owningTeam: values.owningTeam.trim(),
    status: values.status,
    envelope: {
      ...(base.envelope ?? {}),
      amount: normalizeAmountInput(values.envelopeAmount),
      currency: values.envelopeCurrency.trim().toUpperCase(),
      period: values.envelopePeriod,
      rollover: values.rollover,
    },
    expectedHighCostUSD: normalizeAmountInput(values.expectedHighCost) || null,
    ...(values.outside || base.outside !== undefined ? { outside: values.outside } : {}),
    updatedAt: now,
  }
}

/**
 * Only the fields the person changed in the form (compared with what it showed when opened),
 * so a teammate's concurrent edit of another field of the same portfolio is kept.
 */
export function portfolioPatchFromForm(opened: PortfolioFormValues, values: PortfolioFormValues, current: Portfolio, now: string): Partial<Portfolio> {
  const before = portfolioFromForm(opened, current, now)
  const after = portfolioFromForm(values, current, now)
  const patch: Partial<Portfolio> = {}
  for (const key of Object.keys(after) as (keyof Portfolio)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) Object.assign(patch, { [key]: after[key] })
  }
  return Object.keys(patch).length > 0 ? { ...patch, updatedAt: now } : {}
}

/** The form after a teammate saved the portfolio it shows, and what that save changed. */
export interface RebasedForm {
  /** What the form now counts as "as opened": the teammate's saved version. */
  opened: PortfolioFormValues
  values: PortfolioFormValues
  /** Fields the teammate changed that this person had not touched: they now show the new value. */
  updated: (keyof PortfolioFormValues)[]
  /** Fields both changed: this person's edit stays (and wins on save), the teammate's is named. */
  conflicting: (keyof PortfolioFormValues)[]
}

/**
 * An open form meets a teammate's save: untouched fields take the saved values as they arrive,
 * fields this person edited keep their edit. Saving then writes only this person's changes.
 */
export function rebaseForm(opened: PortfolioFormValues, values: PortfolioFormValues, saved: PortfolioFormValues): RebasedForm {
  const next = { ...values }
  const updated: (keyof PortfolioFormValues)[] = []
  const conflicting: (keyof PortfolioFormValues)[] = []
  for (const key of Object.keys(saved) as (keyof PortfolioFormValues)[]) {
    if (saved[key] === opened[key]) continue
    if (values[key] === opened[key]) {
      ;(next as Record<string, unknown>)[key] = saved[key]
      updated.push(key)
    } else if (values[key] !== saved[key]) conflicting.push(key)
  }
  return { opened: saved, values: next, updated, conflicting }
}
