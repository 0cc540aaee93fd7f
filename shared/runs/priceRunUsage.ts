import { addDecimal, decimalText, ZERO, type Decimal } from '../money/decimal'
import { computeCost } from '../pricing/computeCost'
import { findModelPrices, type ModelPrices, type PricingTable } from '../pricing/pricingTable'
import type { Run, RunUsage } from '../records/run'
import { addTokenCounts, emptyTokenCounts } from '../records/tokenCounts'
import type { TokenCounts } from '../records/common'

export type RunPrices = Pick<Run, 'models' | 'tokens' | 'costUSD' | 'costByMonth' | 'byModel' | 'unpricedModels'>

/**
 * A run's costs from its usage groups (model × UTC day × long-context thresholds passed), each
 * priced once at the prices in force that day, which is exact (prices are decimal and
 * multiplication distributes). The importer prices a new run with it, and reading a stored run
 * prices it again with the workspace's current table.
 */
export function priceRunUsage(usage: readonly RunUsage[], pricing: PricingTable): RunPrices {
  let cost = ZERO
  const costByMonth = new Map<string, Decimal>()
  const byModel = new Map<string, { tokens: TokenCounts; cost: Decimal }>()
  const unpriced = new Set<string>()
  const total = emptyTokenCounts()
  for (const group of usage) {
    const priced = groupCost(group, pricing)
    if (!priced) unpriced.add(group.model)
    const ofGroup = priced ?? ZERO
    cost = addDecimal(cost, ofGroup)
    const month = group.day.slice(0, 7)
    costByMonth.set(month, addDecimal(costByMonth.get(month) ?? ZERO, ofGroup))
    const model = byModel.get(group.model) ?? { tokens: emptyTokenCounts(), cost: ZERO }
    addTokenCounts(model.tokens, group.tokens)
    model.cost = addDecimal(model.cost, ofGroup)
    byModel.set(group.model, model)
    addTokenCounts(total, group.tokens)
  }
  // Sums start at ZERO and adding to it gives the added value itself, so in a run of one
  // group all three sums are one Decimal: its text is made once.
  let lastValue: Decimal | null = null
  let lastText = ''
  const text = (value: Decimal) => (value === lastValue ? lastText : (lastText = decimalText((lastValue = value))))
  return {
    models: [...byModel.keys()],
    tokens: total,
    costUSD: text(cost),
    costByMonth: Object.fromEntries([...costByMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, value]) => [month, text(value)])),
    byModel: [...byModel].map(([model, { tokens, cost }]) => ({ model, tokens, costUSD: text(cost), priced: !unpriced.has(model) })),
    unpricedModels: [...unpriced],
  }
}

/** The cost of a run's usage alone, as priceRunUsage's costUSD: for readers that need nothing else (mining). */
export function usageCostUSD(usage: readonly RunUsage[], pricing: PricingTable): string {
  let cost = ZERO
  for (const group of usage) cost = addDecimal(cost, groupCost(group, pricing) ?? ZERO)
  return decimalText(cost)
}

/** One usage group at the prices in force that day (the long-context tier when its requests passed it); null when the model has no price. */
function groupCost(group: RunUsage, pricing: PricingTable): Decimal | null {
  const prices = pricesOnDay(pricing, group.model, group.day)
  if (!prices) return null
  const longContext = prices.longContextAbove !== null && group.contextAbove >= prices.longContextAbove
  return computeCost(prices, group.tokens, longContext)
}

/** Per price table, model and UTC day: the prices in force, looked up once (100,000 runs share a few hundred days). */
const pricesByDay = new WeakMap<PricingTable, Map<string, Map<string, ModelPrices | null>>>()

function pricesOnDay(pricing: PricingTable, model: string, day: string): ModelPrices | null {
  let byModel = pricesByDay.get(pricing)
  if (!byModel) pricesByDay.set(pricing, (byModel = new Map()))
  let byDay = byModel.get(model)
  if (!byDay) byModel.set(model, (byDay = new Map()))
  let prices = byDay.get(day)
  if (prices === undefined) byDay.set(day, (prices = findModelPrices(pricing, model, Date.parse(day))))
  return prices
}
