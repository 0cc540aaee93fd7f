import type { Portfolio, PortfolioRule } from '../../records/portfolio'
import { parseDecimal } from '../../money/decimal'
import { CurrencyTotals, type CurrencyAmounts } from '../../money/totals'
import { chargeKey, chargeRows, type ChargeLine, type RuleInput } from '../input'
import { assignRecords, type RankedRule } from './assign'
import { compileChargeRule, compileRunRule } from './conditions'

export interface RulePreview {
  /** Records the rule matches on its own. */
  matchedRunIds: string[]
  matchedChargeKeys: string[]
  /** Of those, the ones it would win once saved (the others go to a more specific rule). */
  assignedRunIds: string[]
  assignedChargeKeys: string[]
  /** Log-estimated USD of the runs it would win; billed amounts of the charges it would win. */
  runCostUSD: string
  chargeTotals: CurrencyAmounts
  /** Matched records that a higher-ranked rule takes instead, grouped by that rule. */
  lostTo: { portfolioId: string; portfolioName: string; ruleId: string; runs: number; charges: number }[]
  /** Where the rule sits in the global order once saved. */
  rank: number
  specificity: string
}

/** The portfolios as they would be with the draft rule saved (replacing a rule with the same id). */
export function withDraftRule(portfolios: readonly Portfolio[], portfolioId: string, rule: PortfolioRule): Portfolio[] {
  if (!portfolios.some((p) => p.id === portfolioId)) throw new Error(`no portfolio "${portfolioId}"`)
  return portfolios.map((portfolio) => {
    if (portfolio.id !== portfolioId) return portfolio
    const rules = portfolio.rules.some((r) => r.id === rule.id)
      ? portfolio.rules.map((r) => (r.id === rule.id ? rule : r))
      : [...portfolio.rules, rule]
    return { ...portfolio, rules }
  })
}

/**
 * Live preview while editing a rule: what it matches and what it would get, before saving.
 * It runs the very assignment that saving leads to, so preview and result cannot differ.
 */
export function previewRule(input: RuleInput<ChargeLine>, portfolioId: string, rule: PortfolioRule): RulePreview {
  const after = assignRecords({ ...input, portfolios: withDraftRule(input.portfolios, portfolioId, rule) })
  const self = after.rules.find((entry) => entry.portfolioId === portfolioId && entry.rule.id === rule.id)!
  const matchesRun = compileRunRule(rule, new Map(input.recipes.map((r) => [r.id, r])))
  const matchesCharge = compileChargeRule(rule)
  const isSelf = (winner: RankedRule | null) => winner?.portfolioId === portfolioId && winner.rule.id === rule.id
  const lost = new Map<string, RulePreview['lostTo'][number]>()
  const noteLoss = (winner: RankedRule, kind: 'runs' | 'charges', records = 1) => {
    const key = `${winner.portfolioId}\u0000${winner.rule.id}`
    const entry = lost.get(key) ?? { portfolioId: winner.portfolioId, portfolioName: winner.portfolioName, ruleId: winner.rule.id, runs: 0, charges: 0 }
    entry[kind] += records
    lost.set(key, entry)
  }

  const preview: RulePreview = {
    matchedRunIds: [], matchedChargeKeys: [], assignedRunIds: [], assignedChargeKeys: [],
    runCostUSD: '0', chargeTotals: {}, lostTo: [], rank: self.rank, specificity: self.specificityWhy,
  }
  const runCost = new CurrencyTotals()
  for (const run of input.runs) {
    if (!matchesRun(run)) continue
    preview.matchedRunIds.push(run.id)
    const winner = after.runs.get(run.id)!.winner!
    if (isSelf(winner)) {
      preview.assignedRunIds.push(run.id)
      runCost.add('USD', parseDecimal(run.costUSD))
    } else noteLoss(winner, 'runs')
  }
  const chargeTotals = new CurrencyTotals()
  for (const charge of input.charges) {
    if (!matchesCharge(charge)) continue
    const key = chargeKey(charge)
    preview.matchedChargeKeys.push(key)
    const winner = after.charges.get(key)!.winner!
    if (isSelf(winner)) {
      preview.assignedChargeKeys.push(key)
      chargeTotals.add(charge.currency, charge.cost)
    } else noteLoss(winner, 'charges', chargeRows(charge))
  }
  preview.runCostUSD = runCost.toJSON().USD ?? '0'
  preview.chargeTotals = chargeTotals.toJSON()
  preview.lostTo = [...lost.values()]
  return preview
}
